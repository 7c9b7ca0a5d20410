import Foundation

/// A spreadsheet saved as CSV, as Excel and LibreOffice write it: UTF-8 (with or without a byte
/// order mark) or Windows-1252, fields separated by commas, semicolons or tabs (the one the header
/// line uses most), quoted as RFC 4180 says. Each record keeps the line it starts on, as an editor
/// counts lines, so that a problem can point at it; empty lines are skipped.
public struct CSVDocument: Sendable {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case windows1252 = "Windows-1252"
    }

    public struct Record: Hashable, Sendable {
        /// 1-based; the header is line 1.
        public var line: Int
        public var fields: [String]
    }

    /// Why a file cannot be read at all.
    public struct Problem: Error, Hashable, Sendable {
        public var line: Int
        public var message: LocalizedText
    }

    public var encoding: Encoding
    public var separator: Character
    public var header: Record
    public var records: [Record]

    /// Enough for any agency's caseload, small enough to check in memory.
    public static let maximumRecords = 200_000

    public static func read(_ data: Data) throws(Problem) -> CSVDocument {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard !bytes.contains(0) else {
            throw Problem(line: 1, message: LocalizedText(nl: "Dit is geen tekstbestand. Bewaar het werkblad als CSV en probeer het opnieuw.",
                                                          en: "This is not a text file. Save the sheet as CSV and try again."))
        }
        let (text, encoding) = decode(bytes)
        var records = try parse(text)
        guard !records.isEmpty else {
            throw Problem(line: 1, message: LocalizedText(nl: "Het bestand is leeg.", en: "The file is empty."))
        }
        let header = records.removeFirst()
        guard records.count <= maximumRecords else {
            throw Problem(line: maximumRecords + 2, message: LocalizedText(
                nl: "Het bestand heeft meer dan \(maximumRecords) regels. Splits het in kleinere bestanden.",
                en: "The file has more than \(maximumRecords) lines. Split it into smaller files."))
        }
        return CSVDocument(encoding: encoding, separator: header.separator, header: header.record, records: records.map(\.record))
    }

    /// UTF-8 when the bytes are valid UTF-8; otherwise Windows-1252, which maps every byte.
    static func decode(_ bytes: [UInt8]) -> (String, Encoding) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return (String(scalars), .windows1252)
    }

    /// The characters Windows-1252 puts at 0x80-0x9F (five unassigned bytes keep their C1 value).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    private struct Parsed {
        var record: Record
        var separator: Character
    }

    /// Splits the text into records; the separator is chosen on the first record's line.
    private static func parse(_ text: String) throws(Problem) -> [Parsed] {
        let scalars = Array(text.unicodeScalars)
        let separator = detectSeparator(scalars)
        var records: [Parsed] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, recordLine = 1, quoteLine = 1
        var inQuotes = false, wasQuoted = false
        var index = 0
        func endField() {
            var value = String(field)
            if !wasQuoted { value = value.trimmingCharacters(in: .whitespaces) }
            fields.append(value)
            field = String.UnicodeScalarView()
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                records.append(Parsed(record: Record(line: recordLine, fields: fields), separator: Character(separator)))
            }
            fields = []
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" || (scalar == "\r" && (index >= scalars.count || scalars[index] != "\n")) { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where String(field).trimmingCharacters(in: .whitespaces).isEmpty && !wasQuoted:
                field = String.UnicodeScalarView()
                inQuotes = true
                wasQuoted = true
                quoteLine = line
            case separator:
                endField()
            case "\r", "\n":
                if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            default:
                // Text after a closing quote ("a"b) is kept, as spreadsheets do.
                field.append(scalar)
            }
        }
        if inQuotes {
            throw Problem(line: quoteLine, message: LocalizedText(
                nl: "Een aanhalingsteken (\") wordt geopend maar nergens gesloten.",
                en: "A quotation mark (\") is opened but never closed."))
        }
        endRecord()
        return records
    }

    /// The most frequent of comma, semicolon and tab outside quotes on the first line; a comma when
    /// there is none (a file of one column).
    private static func detectSeparator(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        for scalar in scalars {
            if scalar == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if scalar == "\n" || scalar == "\r" { break }
            if counts[scalar] != nil { counts[scalar, default: 0] += 1 }
        }
        let best = counts.max { ($0.value, $0.key == "," ? 1 : 0) < ($1.value, $1.key == "," ? 1 : 0) }!
        return best.value == 0 ? "," : best.key
    }
}
