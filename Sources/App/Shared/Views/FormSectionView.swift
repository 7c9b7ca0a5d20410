/// A part of a long form: a fieldset with inputs, checkbox groups and single checkboxes.
struct FormSectionView: Encodable, Sendable {
    var legend: String
    var hint: String
    var fields: [FormFieldView]
    var checkGroups: [CheckGroupView]
    var singles: [CheckOption]
    /// Zero or one table of inputs, after the fields.
    var inputTables: [InputTableView]

    init(legend: String, hint: String = "", fields: [FormFieldView] = [], checkGroups: [CheckGroupView] = [], singles: [CheckOption] = [],
         inputTables: [InputTableView] = []) {
        self.legend = legend
        self.hint = hint
        self.fields = fields
        self.checkGroups = checkGroups
        self.singles = singles
        self.inputTables = inputTables
    }
}
