/// Something a coach must do by a date: a goal's due date, or a follow-up check after placement.
/// The coach's list shows what is overdue or due within `noticeDays`.
public struct DueAction: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case goal
        case followUp = "follow-up"
    }

    public static let noticeDays = 14

    public let kind: Kind
    public let dueOn: CalendarDate
    /// The goal's text, or the months after placement of the check.
    public let subject: String

    public init(kind: Kind, dueOn: CalendarDate, subject: String) {
        self.kind = kind
        self.dueOn = dueOn
        self.subject = subject
    }

    public func isOverdue(on today: CalendarDate) -> Bool { today > dueOn }

    /// Actions open for one trajectory on a day: goals not reached that are due soon or late, and
    /// follow-up checks due soon or late (only while the placement lasts and the trajectory is
    /// in support, closing or aftercare).
    public static func open(goals: [(what: String, dueOn: CalendarDate, reached: Bool)], placedOn: CalendarDate?,
                            followUpsDone: Set<Int>, phase: TrajectoryPhase, on today: CalendarDate) -> [DueAction] {
        let horizon = today.adding(days: noticeDays)
        var actions = goals.filter { !$0.reached && $0.dueOn <= horizon }.map { DueAction(kind: .goal, dueOn: $0.dueOn, subject: $0.what) }
        if let placedOn, [.onTheJob, .closing, .aftercare].contains(phase) {
            for state in FollowUpSchedule.states(placedOn: placedOn, done: followUpsDone, on: today) {
                switch state.kind {
                case .dueSoon, .overdue:
                    actions.append(DueAction(kind: .followUp, dueOn: state.check.dueOn, subject: String(state.check.monthsAfter)))
                case .done, .later:
                    break
                }
            }
        }
        return actions.sorted { ($0.dueOn, $0.kind.rawValue) < ($1.dueOn, $1.kind.rawValue) }
    }
}
