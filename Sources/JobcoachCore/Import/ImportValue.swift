/// Readers for values as spreadsheets write them; each returns nil for a value it cannot read, and
/// the caller names the problem.
public enum ImportValue {
    public static let dateHint = LocalizedText(nl: "Als 31-12-1990 of 1990-12-31.", en: "As 31-12-1990 or 1990-12-31.")

    /// `1990-12-31`, or day first as Dutch and most European spreadsheets write it: `31-12-1990`,
    /// `31/12/1990`, `31.12.1990`, also with one-digit day or month.
    public static func date(_ text: String) -> CalendarDate? {
        if let iso = CalendarDate(text) { return iso }
        let parts = text.split(whereSeparator: { "-/.".contains($0) }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// Yes or no in either language (and 1/0, x, true/false); an empty value is no.
    public static func yesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "ja", "j", "yes", "y", "1", "x", "true", "waar", "wel": true
        case "", "nee", "n", "no", "0", "false", "onwaar", "niet": false
        default: nil
        }
    }

    /// A phase by its stored value, its title in either language, or its process task's number (0-7
    /// as in the framework: 1 intake, ..., 7 closing).
    public static func phase(_ text: String) -> TrajectoryPhase? {
        let key = ImportColumn.key(text)
        if let number = Int(key), let phase = TrajectoryPhase.allCases.first(where: { $0.taskNumber == number }) { return phase }
        return TrajectoryPhase.allCases.first { phase in
            [phase.rawValue, phase.title.nl, phase.title.en].contains { ImportColumn.key($0) == key }
        }
    }

    /// A number with a decimal comma or point ("12,5", "12.5"), as text a form reads.
    public static func number(_ text: String) -> String {
        text.replacingOccurrences(of: ",", with: ".")
    }

    /// One of `choices` (stored value and its titles in both languages); nil when it names none.
    public static func choice(_ text: String, _ choices: [(value: String, titles: [String])]) -> String? {
        let key = ImportColumn.key(text)
        return choices.first { choice in ([choice.value] + choice.titles).contains { ImportColumn.key($0) == key } }?.value
    }
}
