import Foundation

/// Aftercare's follow-up checks (task 7): at 3, 6 and 12 months after the placement started, the
/// coach asks whether the client is still employed, for how many hours, at the same employer, and
/// whether support is still needed. The schedule says when each is due and which are late.
public enum FollowUpSchedule {
    public static let monthsAfterPlacement = [3, 6, 12]
    /// A check shows as "due soon" this many days before its date.
    public static let noticeDays = 14

    public static func due(placedOn start: CalendarDate) -> [FollowUpDue] {
        monthsAfterPlacement.map { FollowUpDue(monthsAfter: $0, dueOn: start.adding(months: $0)) }
    }

    /// Each check's state on a day, given the checks done (by months after placement).
    public static func states(placedOn start: CalendarDate, done: Set<Int>, on today: CalendarDate) -> [FollowUpState] {
        due(placedOn: start).map { check in
            let state: FollowUpState.Kind
            if done.contains(check.monthsAfter) {
                state = .done
            } else if today > check.dueOn {
                state = .overdue(days: today.days(since: check.dueOn))
            } else if check.dueOn.days(since: today) <= noticeDays {
                state = .dueSoon(days: check.dueOn.days(since: today))
            } else {
                state = .later
            }
            return FollowUpState(check: check, kind: state)
        }
    }
}

public struct FollowUpDue: Hashable, Sendable {
    public let monthsAfter: Int
    public let dueOn: CalendarDate
}

public struct FollowUpState: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case done
        case later
        case dueSoon(days: Int)
        case overdue(days: Int)
    }

    public let check: FollowUpDue
    public let kind: Kind
}
