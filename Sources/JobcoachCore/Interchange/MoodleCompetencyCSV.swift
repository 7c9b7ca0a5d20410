import Foundation

/// A framework version as Moodle's competency framework CSV, the format of the admin tool
/// `tool_lpimportcsv`: the framework row first (with the scale "Not yet competent, Competent"), then
/// every top-level item and its indicators. Moodle attaches rows with an empty parent to the
/// framework, so top-level items leave `Parent id number` empty; an indicator names its item.
public enum MoodleCompetencyCSV {
    public static let header = [
        "Parent id number", "Id number", "Shortname", "Description", "Description format", "Scale values", "Scale configuration",
        "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)", "Cross referenced competency id numbers",
        "Exported id (optional)", "Is framework", "Taxonomy",
    ]

    /// Moodle's own default competence scale, so an import reuses it rather than making a new one.
    public static let scaleValues = "Not yet competent,Competent"
    /// Not yet competent is the default; Competent is proficient.
    public static let scaleConfiguration = #"[{"scaleid":"2"},{"id":1,"scaledefault":1,"proficient":0},{"id":2,"scaledefault":0,"proficient":1}]"#
    /// Description format 1: HTML.
    static let html = "1"
    /// Moodle keeps at most 100 characters of an id number or short name.
    static let nameLength = 100

    /// The rows, header first; `CSVText` or any RFC 4180 writer turns them into the file.
    public static func rows(_ version: FrameworkVersion, language: Language) -> [[String]] {
        let frameworkNumber = "\(version.id)-\(version.version)"
        var rows = [header]
        rows.append(["", frameworkNumber, shortName(version.title[language]), paragraph(version.summary[language]), html, scaleValues,
                     scaleConfiguration, "", "", "", "", "", "1", "competency,indicator"])
        func row(parent: String, id: String, name: String, description: String) -> [String] {
            [parent, id, shortName(name), paragraph(description), html, "", "", "", "0", "null", "", "", "", ""]
        }
        for kind in version.groupKinds {
            for group in version.groups(kind) {
                let name = group.number.map { "\($0). \(group.title[language])" } ?? group.title[language]
                rows.append(row(parent: "", id: group.id, name: name, description: group.description?[language] ?? group.title[language]))
                for indicator in group.indicators {
                    rows.append(row(parent: group.id, id: indicator.id, name: indicator.text[language], description: indicator.text[language]))
                }
            }
        }
        return rows
    }

    /// The file: RFC 4180 quoting, UTF-8 without a byte order mark, a line feed after each row, as
    /// Moodle's own exporter writes it. The data is the framework's, so no cell is rewritten.
    public static func text(_ version: FrameworkVersion, language: Language) -> String {
        rows(version, language: language).map { row in
            row.map { field in
                field.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    /// Cut at a word to at most 100 characters, with an ellipsis when cut.
    static func shortName(_ text: String) -> String {
        guard text.count > nameLength else { return text }
        let head = text.prefix(nameLength - 1)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return cut.trimmingCharacters(in: .whitespaces) + "…"
    }

    static func paragraph(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return "<p>\(escaped)</p>"
    }
}
