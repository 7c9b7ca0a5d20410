import JobcoachCore

/// The fields of a posted form, read with the checks every form needs; each problem is kept with
/// its field's id so the page can show it there and in the error summary.
struct FormFields: Sendable {
    var values: [String: String]
    private(set) var problems: [FormProblem] = []

    init(_ values: [String: String]) {
        self.values = values.filter { $0.key != "_csrf" }.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    func value(_ field: String) -> String { values[field] ?? "" }

    func isEmpty(_ fields: [String]) -> Bool { fields.allSatisfy { value($0).isEmpty } }

    mutating func problem(_ field: String, _ messageKey: String, _ parameters: [String: String] = [:]) {
        problems.append(FormProblem(field: field, messageKey: messageKey, parameters: parameters))
    }

    /// A text the form must have.
    mutating func text(_ field: String, missing messageKey: String, maxLength: Int = 500) -> String? {
        let text = value(field)
        if text.isEmpty { problem(field, messageKey); return nil }
        if text.count > maxLength { problem(field, "formTooLong"); return nil }
        return text
    }

    /// One of a list's values; any other value is refused, naming the field. Nil when empty, which
    /// is a problem too when `missing` is given.
    mutating func choice<Value: RawRepresentable & CaseIterable>(_ field: String, missing messageKey: String? = nil) -> Value?
        where Value.RawValue == String {
        let text = value(field)
        if text.isEmpty {
            if let messageKey { problem(field, messageKey) }
            return nil
        }
        guard let chosen = Value(rawValue: text) else {
            problem(field, "formChoiceInvalid")
            return nil
        }
        return chosen
    }

    mutating func date(_ field: String, required: Bool) -> CalendarDate? {
        let text = value(field)
        if text.isEmpty {
            if required { problem(field, "formDateMissing") }
            return nil
        }
        guard let date = CalendarDate(text) else {
            problem(field, "formDateInvalid")
            return nil
        }
        return date
    }

    /// A number of hours, EC or points: 0 or more; a decimal comma is read as a point.
    mutating func amount(_ field: String) -> Double? {
        let text = value(field).replacingOccurrences(of: ",", with: ".")
        guard !text.isEmpty else { return nil }
        guard let number = Double(text), number.isFinite, number >= 0, number <= 1_000_000 else {
            problem(field, "formAmountInvalid")
            return nil
        }
        return number
    }
}
