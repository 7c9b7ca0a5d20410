import Foundation

/// An import file read against its kind: which column of the file is which, the rows by column id,
/// and every problem of the file itself (encoding, quotes, headers, stray fields). Problems of the
/// values in a row are the shell's, which knows the agency's coaches, commissioners and employers.
public struct ImportSheet: Sendable {
    public struct Row: Sendable {
        public var line: Int
        public var values: [String: String]

        public subscript(column: String) -> String { values[column] ?? "" }
    }

    public var kind: ImportKind
    public var encoding: CSVDocument.Encoding?
    public var separator: Character?
    public var rows: [Row]
    /// Column id → position in the file, and header as written.
    public var positions: [String: (index: Int, header: String)]
    public var problems: [ImportProblem]

    public static func read(_ data: Data, as kind: ImportKind) -> ImportSheet {
        let document: CSVDocument
        do {
            document = try CSVDocument.read(data)
        } catch {
            return ImportSheet(kind: kind, rows: [], positions: [:], problems: [ImportProblem(line: error.line, message: error.message)])
        }
        var problems: [ImportProblem] = []
        var positions: [String: (index: Int, header: String)] = [:]
        let columns = kind.columns
        let known = columns.map { $0.title.nl }.joined(separator: ", ")
        let knownEN = columns.map { $0.title.en }.joined(separator: ", ")
        for (index, header) in document.header.fields.enumerated() {
            if header.isEmpty { continue }
            guard let column = columns.first(where: { $0.isNamed(header) }) else {
                problems.append(ImportProblem(line: document.header.line, column: index, header: header, message: LocalizedText(
                    nl: "Deze kolom kennen we niet. Bekende kolommen: \(known).", en: "This column is unknown. Known columns: \(knownEN).")))
                continue
            }
            if let earlier = positions[column.id] {
                problems.append(ImportProblem(line: document.header.line, column: index, header: header, message: LocalizedText(
                    nl: "Deze kolom staat er twee keer; de eerste is kolom \(ImportProblem.letters(earlier.index)).",
                    en: "This column appears twice; the first is column \(ImportProblem.letters(earlier.index)).")))
                continue
            }
            positions[column.id] = (index, header)
        }
        for column in columns where column.required && positions[column.id] == nil {
            problems.append(ImportProblem(line: document.header.line, message: LocalizedText(
                nl: "De kolom \(column.title.nl) ontbreekt in de eerste regel.", en: "The column \(column.title.en) is missing from the first line.")))
        }
        let width = document.header.fields.count
        var rows: [Row] = []
        rows.reserveCapacity(document.records.count)
        for record in document.records {
            if record.fields.count > width, record.fields[width...].contains(where: { !$0.isEmpty }) {
                problems.append(ImportProblem(line: record.line, column: width, message: LocalizedText(
                    nl: "Deze regel heeft \(record.fields.count) velden, de eerste regel maar \(width). Staat er een \(document.separator) te veel?",
                    en: "This line has \(record.fields.count) fields, the first line only \(width). Is there an extra \(document.separator)?")))
                continue
            }
            var values: [String: String] = [:]
            for (id, position) in positions where position.index < record.fields.count {
                values[id] = record.fields[position.index]
            }
            rows.append(Row(line: record.line, values: values))
        }
        if rows.isEmpty && problems.isEmpty {
            problems.append(ImportProblem(line: 2, message: LocalizedText(nl: "Onder de kolomnamen staat niets.", en: "There is nothing below the column names.")))
        }
        return ImportSheet(kind: kind, encoding: document.encoding, separator: document.separator, rows: rows, positions: positions, problems: problems)
    }

    /// A problem with the value of `column` on `row`'s line.
    public func valueProblem(_ row: Row, _ column: String, _ message: LocalizedText) -> ImportProblem {
        let position = positions[column]
        return ImportProblem(line: row.line, column: position?.index, header: position?.header, message: message)
    }

    /// The template file of a kind: the header line in one language, required columns marked " *",
    /// ready to fill in (what goes in each column is on the import page).
    public static func template(_ kind: ImportKind, in language: Language) -> [[String]] {
        [kind.columns.map { $0.title[language] + ($0.required ? " *" : "") }]
    }
}
