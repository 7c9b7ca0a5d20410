/// Numbers and dates written the way each language writes them (1.200 and 3,5 in Dutch; 1,200 and
/// 3.5 in English), without depending on the server's locale data.
public enum NumberText {
    public static func format(_ value: Double, in language: Language) -> String {
        // Beyond what a whole number holds (or not a number at all) there is nothing to group.
        guard value.isFinite else { return value.isNaN ? "–" : (value < 0 ? "-∞" : "∞") }
        guard abs(value) < 1e15 else { return String(format: "%.3g", value) }
        let rounded = (value * 100).rounded() / 100
        let whole = Int(rounded.rounded(.towardZero))
        let fraction = abs(rounded - Double(whole))
        var text = grouped(abs(whole), separator: language == .nl ? "." : ",")
        if rounded < 0 { text = "-" + text }
        if fraction > 0.0001 {
            var decimals = String(Int((fraction * 100).rounded()))
            if decimals.count == 1 { decimals = "0" + decimals }
            while decimals.hasSuffix("0") { decimals.removeLast() }
            text += (language == .nl ? "," : ".") + decimals
        }
        return text
    }

    public static func format(_ value: Int, in language: Language) -> String {
        format(Double(value), in: language)
    }

    /// The same number in both languages.
    public static func localized(_ value: Double) -> LocalizedText {
        LocalizedText(nl: format(value, in: .nl), en: format(value, in: .en))
    }

    private static func grouped(_ value: Int, separator: String) -> String {
        let digits = String(value)
        var groups: [String] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(String(digits[start..<end]), at: 0)
            end = start
        }
        return groups.joined(separator: separator)
    }
}

extension CalendarDate {
    static let monthNames: [Language: [String]] = [
        .nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december"],
        .en: ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"],
    ]

    /// "1 januari 2015" / "1 January 2015".
    public func text(in language: Language) -> String {
        "\(day) \(CalendarDate.monthNames[language]![month - 1]) \(year)"
    }

    public var localized: LocalizedText {
        LocalizedText(nl: text(in: .nl), en: text(in: .en))
    }
}
