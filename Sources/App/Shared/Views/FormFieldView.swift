/// One input of a long form, described for a template that renders any field the same way: label,
/// optional hint, the error next to it, and `aria-describedby` pointing at both.
struct FormFieldView: Encodable, Sendable {
    var id: String
    var label: String
    var hint: String
    var value: String
    var error: String?
    /// `text`, `textarea`, `date`, `number`, `email`, `tel` or `select`.
    var kind: String
    var optional: Bool
    var describedBy: String
    var options: [ChoiceOption]
    var inputMode: String

    init(id: String, label: String, hint: String = "", value: String, error: String?, kind: String = "text",
         optional: Bool = true, options: [ChoiceOption] = [], inputMode: String = "") {
        self.id = id
        self.label = label
        self.hint = hint
        self.value = value
        self.error = error
        self.kind = kind
        self.optional = optional
        self.options = options
        self.inputMode = inputMode
        var described: [String] = []
        if !hint.isEmpty { described.append("\(id)-hint") }
        if error != nil { described.append("\(id)-error") }
        self.describedBy = described.joined(separator: " ")
    }
}

/// A fieldset of a long form.
struct FieldGroupView: Encodable, Sendable {
    var legend: String
    var fields: [FormFieldView]
}

/// A group of checkboxes with one legend, hint and error.
struct CheckGroupView: Encodable, Sendable {
    var id: String
    var legend: String
    var hint: String
    var error: String?
    var options: [CheckOption]
}
