import Foundation

/// Signs that results were reached by choosing the easy clients: whom a unit took on against whom it
/// placed, clients parked without contact, and who dropped out before a placement.
public struct CreamingIndicators: Hashable, Sendable {
    /// A client as the indicators see them.
    public struct Client: Hashable, Sendable {
        public var supportNeed: SupportNeed?
        public var targetGroups: Set<TargetGroup>
        public var placed: Bool
        public var parked: Bool
        public var droppedOutBeforePlacement: Bool

        public init(supportNeed: SupportNeed?, targetGroups: Set<TargetGroup>, placed: Bool, parked: Bool, droppedOutBeforePlacement: Bool) {
            self.supportNeed = supportNeed
            self.targetGroups = targetGroups
            self.placed = placed
            self.parked = parked
            self.droppedOutBeforePlacement = droppedOutBeforePlacement
        }
    }

    /// One group's share at intake and among the placed, and how many of it dropped out.
    public struct Mix: Hashable, Sendable {
        public var group: String
        public var atIntake: Int
        public var intakeShare: Double?
        public var placed: Int
        public var placedShare: Double?
        public var droppedOut: Int
        public var dropOutRate: Double?
    }

    public var clients: Int
    public var placed: Int
    public var parked: Int
    public var supportNeed: [Mix]
    public var targetGroups: [Mix]

    /// Eight weeks without a support entry or other contact, and not placed: parked.
    public static let parkedAfterDays = 56

    public static func isParked(placed: Bool, open: Bool, started: CalendarDate, lastContact: CalendarDate?, today: CalendarDate) -> Bool {
        guard open, !placed else { return false }
        return today.days(since: max(lastContact ?? started, started)) >= parkedAfterDays
    }

    public static func compute(_ clients: [Client]) -> CreamingIndicators {
        let placed = clients.count(where: \.placed)
        func mix(_ group: String, _ members: [Client]) -> Mix {
            let placedMembers = members.count(where: \.placed)
            let dropped = members.count(where: \.droppedOutBeforePlacement)
            return Mix(group: group, atIntake: members.count,
                       intakeShare: share(members.count, clients.count), placed: placedMembers, placedShare: share(placedMembers, placed),
                       droppedOut: dropped, dropOutRate: share(dropped, members.count))
        }
        let needs = SupportNeed.allCases.map { need in mix(need.rawValue, clients.filter { $0.supportNeed == need }) }
            + [mix("unknown", clients.filter { $0.supportNeed == nil })].filter { $0.atIntake > 0 }
        let groups = TargetGroup.allCases.map { group in mix(group.rawValue, clients.filter { $0.targetGroups.contains(group) }) }
        return CreamingIndicators(clients: clients.count, placed: placed, parked: clients.count(where: \.parked),
                                  supportNeed: needs, targetGroups: groups)
    }

    static func share(_ part: Int, _ whole: Int) -> Double? {
        whole == 0 ? nil : OutcomeRounding.round(Double(part) / Double(whole), places: 4)
    }
}

/// How many of the clients who started a regular job still had it 3, 6 and 12 months later,
/// counting only those whose job started long enough ago to know.
public struct Retention: Hashable, Sendable {
    public struct Point: Hashable, Sendable {
        public var months: Int
        public var eligible: Int
        public var kept: Int
        public var rate: Double?
    }

    public static let months = [3, 6, 12]

    public var points: [Point]

    /// Per client, their first regular job: kept at N months when that job had not ended N months after its start.
    public static func compute(_ clients: [OutcomeClient], asOf today: CalendarDate) -> Retention {
        let first = clients.compactMap { client in client.jobs.filter(\.regular).min { $0.start < $1.start } }
        return Retention(points: months.map { months in
            let eligible = first.filter { $0.start.adding(months: months) <= today }
            let kept = eligible.count { job in job.end.map { $0 >= job.start.adding(months: months) } ?? true }
            return Point(months: months, eligible: eligible.count, kept: kept,
                         rate: eligible.isEmpty ? nil : OutcomeRounding.round(Double(kept) / Double(eligible.count), places: 4))
        })
    }
}

extension OutcomePeriod {
    /// The calendar quarter a day falls in.
    public static func quarter(of day: CalendarDate) -> OutcomePeriod {
        let firstMonth = (day.month - 1) / 3 * 3 + 1
        let from = CalendarDate(year: day.year, month: firstMonth, day: 1)!
        return OutcomePeriod(from: from, to: from.adding(months: 3).adding(days: -1))
    }

    /// The `count` quarters up to and including the one `day` falls in, oldest first.
    public static func quarters(endingWith day: CalendarDate, count: Int) -> [OutcomePeriod] {
        let last = quarter(of: day)
        return (0..<count).reversed().map { back in quarter(of: last.from.adding(months: -3 * back)) }
    }

    /// `2025-Q3` for a quarter, `2025` for a year, else `from/to`.
    public var name: String {
        if from.month == 1, from.day == 1, to == from.adding(years: 1).adding(days: -1) { return "\(from.year)" }
        if from.day == 1, (from.month - 1) % 3 == 0, to == from.adding(months: 3).adding(days: -1) {
            return "\(from.year)-Q\((from.month - 1) / 3 + 1)"
        }
        return "\(from)/\(to)"
    }

    /// A calendar year.
    public static func year(_ year: Int) -> OutcomePeriod {
        let from = CalendarDate(year: year, month: 1, day: 1)!
        return OutcomePeriod(from: from, to: from.adding(years: 1).adding(days: -1))
    }
}
