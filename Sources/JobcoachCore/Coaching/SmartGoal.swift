import Foundation

/// A goal of the coaching plan (task 5), written so that client, employer and coach can tell when it
/// is reached: what the client will do (specific), why it matters to them (relevant), a measurable
/// target with its unit, agreed with the client (acceptable), and a date (time-bound).
public struct SmartGoal: Hashable, Sendable {
    public var what: String
    public var why: String
    public var target: Double?
    public var unit: String
    public var agreedWithClient: Bool
    public var dueOn: CalendarDate?

    public init(what: String, why: String, target: Double?, unit: String, agreedWithClient: Bool, dueOn: CalendarDate?) {
        self.what = what
        self.why = why
        self.target = target
        self.unit = unit
        self.agreedWithClient = agreedWithClient
        self.dueOn = dueOn
    }

    /// The longest a goal may run: a coaching plan is reviewed at least once a year.
    public static let longestMonths = 12
    public static let longestText = 1_000

    /// What keeps the goal from being SMART, each naming its field; empty when it is.
    public func problems(plannedOn: CalendarDate) -> [SmartGoalProblem] {
        var problems: [SmartGoalProblem] = []
        let what = what.trimmingCharacters(in: .whitespacesAndNewlines)
        if what.isEmpty {
            problems.append(.init(field: "what", kind: .missing))
        } else if what.split(whereSeparator: \.isWhitespace).count < 3 {
            // "Werken" says nothing; "Zelf de vaatwasser inruimen" does.
            problems.append(.init(field: "what", kind: .notSpecific))
        }
        if why.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append(.init(field: "why", kind: .missing)) }
        for (field, text) in [("what", what), ("why", why), ("unit", unit)] where text.count > Self.longestText {
            problems.append(.init(field: field, kind: .tooLong))
        }
        if let target {
            if !target.isFinite || target <= 0 { problems.append(.init(field: "target", kind: .notMeasurable)) }
        } else {
            problems.append(.init(field: "target", kind: .missing))
        }
        if unit.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append(.init(field: "unit", kind: .missing)) }
        if !agreedWithClient { problems.append(.init(field: "agreedWithClient", kind: .notAgreed)) }
        if let dueOn {
            if dueOn <= plannedOn {
                problems.append(.init(field: "dueOn", kind: .notAfterPlan))
            } else if dueOn > plannedOn.adding(months: Self.longestMonths) {
                problems.append(.init(field: "dueOn", kind: .tooFarAhead))
            }
        } else {
            problems.append(.init(field: "dueOn", kind: .missing))
        }
        return problems
    }
}

public struct SmartGoalProblem: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case missing
        case notSpecific = "not-specific"
        case notMeasurable = "not-measurable"
        case notAgreed = "not-agreed"
        case notAfterPlan = "not-after-plan"
        case tooFarAhead = "too-far-ahead"
        case tooLong = "too-long"
    }

    public let field: String
    public let kind: Kind
}
