/// CSV as RFC 4180 wants it (CRLF lines, quotes doubled), with one more rule for files people open
/// in a spreadsheet: a cell that starts like a formula (= + - @) gets a leading apostrophe, so a name
/// typed as "=HYPERLINK(...)" stays text.
enum CSVText {
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        return value.contains(where: { ",;\"\n\r".contains($0) }) || value != text
            ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    static func document(header: [String], rows: [[String]]) -> String {
        document(rows: [header] + rows, separator: ",")
    }

    static func document(rows: [[String]], separator: String) -> String {
        rows.map { $0.map(field).joined(separator: separator) }.joined(separator: "\r\n") + "\r\n"
    }
}
