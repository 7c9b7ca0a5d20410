import Foundation

/// The fading plan of on-the-job support (task 6): planned hours of support per week, declining
/// until the employer's colleague takes over, set against the hours actually given.
public struct FadingPlan: Hashable, Sendable {
    public struct Week: Hashable, Sendable {
        public let startsOn: CalendarDate
        public let plannedHours: Double

        public init(startsOn: CalendarDate, plannedHours: Double) {
            self.startsOn = startsOn
            self.plannedHours = plannedHours
        }
    }

    public let weeks: [Week]
    /// The day the employer takes over: from then on no support is planned.
    public let takeoverOn: CalendarDate

    public init(weeks: [Week], takeoverOn: CalendarDate) {
        self.weeks = weeks.sorted { $0.startsOn < $1.startsOn }
        self.takeoverOn = takeoverOn
    }

    /// A plan of `count` weeks from `start`, going down in equal steps from `firstHours` to none in
    /// the week the employer takes over (rounded to quarter hours).
    public static func linear(from start: CalendarDate, firstHours: Double, weeksUntilTakeover count: Int) -> FadingPlan {
        let weeks = (0...max(0, count)).map { index -> Week in
            let share = count == 0 ? 0 : Double(count - index) / Double(count)
            return Week(startsOn: start.adding(days: 7 * index), plannedHours: (firstHours * share * 4).rounded() / 4)
        }
        return FadingPlan(weeks: weeks, takeoverOn: start.adding(days: 7 * max(0, count)))
    }

    /// What is wrong with the plan, each naming the week (by its position, from 0) or the plan.
    public func problems() -> [FadingPlanProblem] {
        var problems: [FadingPlanProblem] = []
        if weeks.isEmpty { problems.append(.init(week: nil, kind: .empty)) }
        for (index, week) in weeks.enumerated() {
            if !week.plannedHours.isFinite || week.plannedHours < 0 || week.plannedHours > 40 {
                problems.append(.init(week: index, kind: .hoursOutOfRange))
            }
            if index > 0 {
                let previous = weeks[index - 1]
                if week.startsOn.days(since: previous.startsOn) != 7 { problems.append(.init(week: index, kind: .notConsecutive)) }
                if week.plannedHours > previous.plannedHours { problems.append(.init(week: index, kind: .increases)) }
            }
            if week.startsOn >= takeoverOn, week.plannedHours > 0 { problems.append(.init(week: index, kind: .supportAfterTakeover)) }
        }
        if let last = weeks.last, last.startsOn.adding(days: 7) <= takeoverOn {
            problems.append(.init(week: nil, kind: .endsBeforeTakeover))
        }
        return problems
    }

    public var plannedTotal: Double { weeks.reduce(0) { $0 + $1.plannedHours } }

    /// Planned against given, per week of the plan: support minutes from the log, by the day they
    /// were given, are counted in the plan week they fall in; minutes outside the plan are counted
    /// apart so that nothing given goes unseen.
    public func compare(given: [(on: CalendarDate, minutes: Int)]) -> FadingComparison {
        var minutes = Array(repeating: 0, count: weeks.count)
        var outside = 0
        for entry in given {
            if let index = weeks.firstIndex(where: { entry.on >= $0.startsOn && entry.on < $0.startsOn.adding(days: 7) }) {
                minutes[index] += entry.minutes
            } else {
                outside += entry.minutes
            }
        }
        let rows = weeks.enumerated().map { index, week in
            FadingComparison.Row(startsOn: week.startsOn, plannedHours: week.plannedHours, givenHours: Double(minutes[index]) / 60)
        }
        return FadingComparison(rows: rows, givenOutsideHours: Double(outside) / 60)
    }
}

public struct FadingPlanProblem: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case empty
        case hoursOutOfRange = "hours-out-of-range"
        case notConsecutive = "not-consecutive"
        case increases
        case supportAfterTakeover = "support-after-takeover"
        case endsBeforeTakeover = "ends-before-takeover"
    }

    public let week: Int?
    public let kind: Kind
}

public struct FadingComparison: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public let startsOn: CalendarDate
        public let plannedHours: Double
        public let givenHours: Double
        public var differenceHours: Double { givenHours - plannedHours }
    }

    public let rows: [Row]
    public let givenOutsideHours: Double
    public var plannedTotal: Double { rows.reduce(0) { $0 + $1.plannedHours } }
    public var givenTotal: Double { rows.reduce(0) { $0 + $1.givenHours } + givenOutsideHours }
}
