import Foundation

/// An attendance list as a provider uploads it: one person per line, by registration number or by
/// e-mail address, in the first column of a CSV (comma or semicolon), with or without a header line.
/// A file that is not text, is empty or is too long is refused whole; a line that names nobody is the
/// shell's to report as unknown, with its number.
public enum AttendanceList {
    public enum Reference: Hashable, Sendable {
        case registrationNumber(String)
        case email(String)
    }

    public struct Line: Hashable, Sendable {
        /// 1-based, counting the header and empty lines, as an editor shows them.
        public var number: Int
        public var text: String
        public var reference: Reference?
    }

    public struct Problem: Error, Hashable, Sendable {
        public var message: String
    }

    public static let maximumLines = 10_000
    static let headerWords: Set<String> = ["email", "e-mail", "emailadres", "e-mailadres", "registration number", "registrationnumber",
                                           "registratienummer", "registernummer", "number", "nummer"]

    public static func parse(_ data: Data) throws(Problem) -> [Line] {
        guard var text = String(data: data, encoding: .utf8) else { throw Problem(message: "the file is not UTF-8 text") }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let rows = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard rows.count <= maximumLines + 1 else { throw Problem(message: "the file has more than \(maximumLines) lines") }
        var lines: [Line] = []
        for (index, row) in rows.enumerated() {
            let first = row.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" }).first ?? ""
            let value = first.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                .trimmingCharacters(in: .whitespaces)
            if value.isEmpty { continue }
            if lines.isEmpty && headerWords.contains(value.lowercased()) { continue }
            lines.append(Line(number: index + 1, text: String(value.prefix(200)), reference: reference(value)))
        }
        guard !lines.isEmpty else { throw Problem(message: "the file names nobody: one registration number or e-mail address per line") }
        return lines
    }

    /// `RJ-2026-0001` (any case) or an address with one @ and a dot after it.
    static func reference(_ value: String) -> Reference? {
        if value.contains("@") {
            let parts = value.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !value.contains(where: \.isWhitespace) else { return nil }
            return .email(value.lowercased())
        }
        let upper = value.uppercased()
        guard upper.range(of: #"^[A-Z]{2,4}-[0-9]{4}-[0-9]{3,6}$"#, options: .regularExpression) != nil else { return nil }
        return .registrationNumber(upper)
    }
}

/// A trainee's progress through a programme: the modules passed, their hours and EC, and what they
/// cover of the framework the trainee aims for.
public struct TraineeProgress: Sendable {
    public struct Passed: Sendable {
        public var module: TrainingModule
        public var on: CalendarDate
    }

    public var passed: [Passed]
    public var hours: Double
    public var ec: Double
    public var coverage: TrainingCoverage

    /// `results`: the day each module was passed, by module id; other modules count for nothing.
    public static func compute(_ programme: TrainingProgramme, passedOn results: [String: CalendarDate], aimingFor version: FrameworkVersion,
                               on day: CalendarDate, engine: EligibilityEngine) -> TraineeProgress {
        let passed = programme.modules.compactMap { module in results[module.id].map { Passed(module: module, on: $0) } }
        let modules = programme.modules.map { module in
            TrainingCoverage.Module(id: module.id, hours: module.hours, covers: module.covers(in: version.id), completedOn: results[module.id])
        }
        let coverage = TrainingCoverage.compute(version, modules: modules, on: day, engine: engine)
        let counted = passed.filter { $0.on <= day }
        return TraineeProgress(passed: passed, hours: counted.reduce(0) { $0 + $1.module.hours }, ec: counted.reduce(0) { $0 + $1.module.ec },
                               coverage: coverage)
    }
}
