import Foundation

/// Input financing in the UWV way: a grant of coaching hours for a placed employee, at most a share
/// of the employee's contract hours per grant year, for at most as many years as the regime has
/// shares. The regime is data (`Outcomes/input-financing.yaml`).
public struct GrantRegime: Hashable, Sendable {
    public var id: String
    public var name: LocalizedText
    /// The largest share of the contract hours per grant year, year 1 first.
    public var yearShares: [Double]

    public init(id: String, name: LocalizedText, yearShares: [Double]) {
        self.id = id
        self.name = name
        self.yearShares = yearShares
    }

    static let bundledFile = "Outcomes/input-financing.yaml"

    public static func loadBundled() throws -> [GrantRegime] {
        let url = ProfessionalStandard.resourceDirectory.appendingPathComponent(bundledFile)
        return try load(yaml: String(contentsOf: url, encoding: .utf8), file: bundledFile)
    }

    public static func load(yaml: String, file: String) throws -> [GrantRegime] {
        let issues = IssueCollector(file: file)
        var reader = try YAMLMappingReader.document(yaml, file: file, issues: issues)
        _ = reader.string("version")
        var regimes: [GrantRegime] = []
        for (index, node) in reader.list("regimes").enumerated() {
            guard var entry = YAMLMappingReader(node, item: "regimes[\(index)]", issues: issues, what: "a regime") else { continue }
            let id = entry.string("id")
            let name = entry.text("name")
            let shares = entry.list("yearShares").compactMap { $0.float ?? $0.int.map(Double.init) }
            entry.finish()
            if shares.isEmpty || shares.contains(where: { !(0...1).contains($0) }) {
                issues.add("'yearShares' must list shares from 0 to 1, year 1 first", item: id, line: entry.line)
            }
            if let id, let name { regimes.append(GrantRegime(id: id, name: name, yearShares: shares)) }
        }
        reader.finish()
        if regimes.isEmpty { issues.add("'regimes' must list at least one regime", item: nil, line: nil) }
        if !issues.issues.isEmpty { throw FrameworkDataError(issues: issues.issues) }
        return regimes
    }
}

/// One grant: from its start, for an employee with these contract hours, under a regime.
public struct CoachingGrant: Hashable, Sendable {
    public struct Year: Hashable, Sendable {
        public var number: Int
        public var from: CalendarDate
        public var to: CalendarDate
        /// Contract hours per week × the year's weeks × the year's share, rounded to 2 decimals.
        public var allowedHours: Double
        public var usedHours: Double
        public var remainingHours: Double
        public var isOver: Bool
    }

    public var start: CalendarDate
    public var contractHoursPerWeek: Double
    public var regime: GrantRegime

    public init(start: CalendarDate, contractHoursPerWeek: Double, regime: GrantRegime) {
        self.start = start
        self.contractHoursPerWeek = contractHoursPerWeek
        self.regime = regime
    }

    /// The last day of the grant.
    public var end: CalendarDate { start.adding(years: regime.yearShares.count).adding(days: -1) }

    /// The grant years with the coaching hours logged in each: `logged` is (day, minutes). Hours
    /// before the start or after the end are not on the grant (`outside`).
    public func years(logged: [(day: CalendarDate, minutes: Int)]) -> (years: [Year], outsideHours: Double) {
        var outside = 0.0
        var used = [Double](repeating: 0, count: regime.yearShares.count)
        for entry in logged {
            guard entry.day >= start, entry.day <= end else { outside += Double(entry.minutes) / 60; continue }
            var index = 0
            while index + 1 < used.count, entry.day >= start.adding(years: index + 1) { index += 1 }
            used[index] += Double(entry.minutes) / 60
        }
        let years = regime.yearShares.enumerated().map { index, share -> Year in
            let from = start.adding(years: index)
            let to = start.adding(years: index + 1).adding(days: -1)
            let allowed = OutcomeRounding.round(contractHoursPerWeek * Double(to.days(since: from) + 1) / 7 * share, places: 2)
            let usedHours = OutcomeRounding.round(used[index], places: 2)
            return Year(number: index + 1, from: from, to: to, allowedHours: allowed, usedHours: usedHours,
                        remainingHours: OutcomeRounding.round(allowed - usedHours, places: 2), isOver: usedHours > allowed)
        }
        return (years, OutcomeRounding.round(outside, places: 2))
    }

    /// Hours per goal for the accountability report: an entry's minutes are shared equally among the
    /// goals its progress notes name; an entry that names none is "not tied to a goal" (the nil key).
    public static func hoursPerGoal(_ entries: [(minutes: Int, goals: [String])]) -> [String?: Double] {
        var result: [String?: Double] = [:]
        for entry in entries {
            let hours = Double(entry.minutes) / 60
            if entry.goals.isEmpty {
                result[nil, default: 0] += hours
            } else {
                for goal in entry.goals { result[goal, default: 0] += hours / Double(entry.goals.count) }
            }
        }
        return result.mapValues { OutcomeRounding.round($0, places: 2) }
    }
}
