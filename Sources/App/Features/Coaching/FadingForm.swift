import Foundation
import JobcoachCore
import Vapor

/// The fading plan, posted from one of two forms (`mode`): a linear plan from a start, the first
/// week's hours and the number of weeks, or a plan week by week ("start hours" a line) with the day
/// the employer takes over.
struct FadingForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case mode
        case start = "fadingStart", firstHours = "fadingFirstHours", weeksCount = "fadingWeeksCount"
        case weeks = "fadingWeeks", takeoverOn = "fadingTakeoverOn"
    }

    /// The two forms; anything but `weeks` is read as the linear one.
    enum Mode: String, Sendable {
        case linear, weeks
    }

    var posted: PostedForm<Field>
    /// The lines of the week-by-week plan that are not "start hours", counted from 1.
    private(set) var invalidLines: [Int] = []
    /// What is wrong with the plan made, with the field each problem is shown at.
    private(set) var planProblems: [(field: Field, problem: FadingPlanProblem)] = []

    /// The week-by-week plan as the page's table posts it: a start date and hours per row, in cells
    /// named `fadingWeek-ROW-start` and `fadingWeek-ROW-hours`. Rows left empty are skipped; the
    /// others become the lines of `weeks`, and `tableRowOfLine` says which row each line came from.
    static let tableRows = 112
    private(set) var tableValues: [String: String] = [:]
    private(set) var tableRowOfLine: [Int] = []

    static func cell(_ row: Int, _ part: String) -> String { "fadingWeek-\(row)-\(part)" }

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
        let container = try decoder.container(keyedBy: CellName.self)
        var lines: [String] = []
        for row in 0..<Self.tableRows {
            let start = try container.decodeIfPresent(String.self, forKey: CellName(Self.cell(row, "start")))
            let hours = try container.decodeIfPresent(String.self, forKey: CellName(Self.cell(row, "hours")))
            guard start != nil || hours != nil else { continue }
            tableValues[Self.cell(row, "start")] = start ?? ""
            tableValues[Self.cell(row, "hours")] = hours ?? ""
            let day = (start ?? "").trimmingCharacters(in: .whitespaces), amount = (hours ?? "").trimmingCharacters(in: .whitespaces)
            if day.isEmpty && amount.isEmpty { continue }
            // A missing half makes the line unreadable, which is reported for its row.
            lines.append("\(day.isEmpty ? "?" : day) \(amount.isEmpty ? "?" : amount)")
            tableRowOfLine.append(row)
        }
        if !tableValues.isEmpty { posted.set(.weeks, lines.joined(separator: "\n")) }
    }

    private struct CellName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Where a problem of line `line` (0-based) of the weeks is shown: its row's cell when the table
    /// was posted, else the weeks field.
    func field(ofLine line: Int, _ part: String) -> String {
        tableRowOfLine.indices.contains(line) ? Self.cell(tableRowOfLine[line], part) : Field.weeks.rawValue
    }

    /// The values to show the form again with, the table's cells included.
    var values: [String: String] { posted.values.merging(tableValues) { first, _ in first } }

    var mode: Mode { posted[.mode] == Mode.weeks.rawValue ? .weeks : .linear }

    /// The one validation step: the plan of the form posted, read and then checked by `FadingPlan`
    /// (an end before the takeover is shown at the takeover day of the week-by-week form). Nil with
    /// the problems by field.
    mutating func validate() -> FadingPlan? {
        let plan = mode == .weeks ? weekByWeek() : linear()
        if let plan {
            let field: Field = mode == .weeks ? .weeks : .firstHours
            for problem in plan.problems() {
                let shownAt: Field = problem.kind == .endsBeforeTakeover && mode == .weeks ? .takeoverOn : field
                planProblems.append((field: shownAt, problem: problem))
            }
        }
        guard posted.problems.isEmpty, invalidLines.isEmpty, planProblems.isEmpty, let plan else { return nil }
        return plan
    }

    /// The problems in the visitor's language: those of the fields, then the lines that could not be
    /// read, then what is wrong with the plan.
    func errors(_ request: Request) -> [FieldError] {
        posted.problems.fieldErrors(request)
            + invalidLines.map { line in
                tableRowOfLine.isEmpty ? FieldError(field: Field.weeks.rawValue, message: request.t("fadingLineInvalid", ["line": String(line)]))
                    : FieldError(field: field(ofLine: line - 1, "start"), message: request.t("fadingRowInvalid", ["week": String(tableRowOfLine[line - 1] + 1)]))
            }
            + planProblems.map { item in
                let shownAt = item.field == .weeks ? item.problem.week.map { field(ofLine: $0, "hours") } ?? item.field.rawValue : item.field.rawValue
                return FieldError(field: shownAt, message: FadingController.message(item.problem, request))
            }
    }

    /// The week-by-week plan, when the takeover day and every line can be read.
    private mutating func weekByWeek() -> FadingPlan? {
        let takeover = posted.date(.takeoverOn, required: true)
        var weeks: [FadingPlan.Week] = []
        for (number, line) in PracticeMapping.lines(posted[.weeks]).enumerated() {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ";" }).map(String.init)
            guard parts.count == 2, let start = CalendarDate(parts[0]), let hours = Double(parts[1].replacingOccurrences(of: ",", with: ".")) else {
                invalidLines.append(number + 1)
                continue
            }
            weeks.append(FadingPlan.Week(startsOn: start, plannedHours: hours))
        }
        if weeks.count > 104 { posted.problem(.weeks, "fadingTooLong") }
        guard let takeover, invalidLines.isEmpty else { return nil }
        return FadingPlan(weeks: weeks, takeoverOn: takeover)
    }

    /// The linear plan: a start, first hours (more than 0, at most 40) and 1 to 104 weeks.
    private mutating func linear() -> FadingPlan? {
        let start = posted.date(.start, required: true)
        let first = posted.amount(.firstHours)
        if posted[.firstHours].isEmpty { posted.problem(.firstHours, "fadingFirstHoursMissing") }
        else if let first, first <= 0 || first > 40 { posted.problem(.firstHours, "fadingHoursRange") }
        let count = Int(posted[.weeksCount])
        if !(1...104).contains(count ?? 0) { posted.problem(.weeksCount, "fadingWeeksCountInvalid") }
        guard let start, let first, let count, posted.problems.isEmpty else { return nil }
        return FadingPlan.linear(from: start, firstHours: first, weeksUntilTakeover: count)
    }
}
