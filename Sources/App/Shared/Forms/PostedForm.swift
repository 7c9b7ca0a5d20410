import JobcoachCore
import Vapor

/// The inputs of one form: an enum per form, so that a field's name is written once in Swift and
/// every other place (reading, checking, showing, storing) refers to the case.
protocol FormFieldName: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

/// A posted form read as the fields of `Field` (trimmed; an absent field is empty), with the checks
/// of `FormFields`. Only the fields the form declares are read.
struct PostedForm<Field: FormFieldName>: Decodable, Sendable {
    private(set) var fields: FormFields

    init(_ values: [Field: String]) {
        fields = FormFields(Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) }))
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NamedKey.self)
        var values: [String: String] = [:]
        for field in Field.allCases {
            values[field.rawValue] = try container.decodeIfPresent(String.self, forKey: NamedKey(field.rawValue))
        }
        fields = FormFields(values)
    }

    subscript(field: Field) -> String { fields.value(field.rawValue) }

    /// Sets a value the form does not carry (a change that keeps a stored value).
    mutating func set(_ field: Field, _ value: String) { fields.values[field.rawValue] = value }

    /// A ticked checkbox (value "yes").
    func isChecked(_ field: Field) -> Bool { self[field] == "yes" }

    /// A checkbox sends "yes" or nothing: anything else (`maybe`) is a problem named by its field.
    @discardableResult
    mutating func checkbox(_ field: Field) -> Bool {
        if !["", "yes"].contains(self[field]) { problem(field, "formChoiceInvalid") }
        return isChecked(field)
    }

    /// The values by input id, to show the form again.
    var values: [String: String] { fields.values }

    var problems: [FormProblem] { fields.problems }

    mutating func problem(_ field: Field, _ messageKey: String, _ parameters: [String: String] = [:]) {
        fields.problem(field.rawValue, messageKey, parameters)
    }

    mutating func date(_ field: Field, required: Bool) -> CalendarDate? { fields.date(field.rawValue, required: required) }

    /// A text the form must have (see `FormFields.text`).
    mutating func text(_ field: Field, missing messageKey: String, maxLength: Int = 500) -> String? {
        fields.text(field.rawValue, missing: messageKey, maxLength: maxLength)
    }

    /// A number of hours, EC or points (see `FormFields.amount`).
    mutating func amount(_ field: Field) -> Double? { fields.amount(field.rawValue) }

    private struct NamedKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
