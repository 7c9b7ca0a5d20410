import Foundation

/// A coach's agenda: the appointments across the caseload and the goals and checks that fall due,
/// from today over the next days. What is late comes first, then each day in order.
public struct Agenda: Sendable {
    public struct Item: Hashable, Sendable {
        public enum What: Hashable, Sendable {
            /// An appointment at a minute of the day (local time), lasting some minutes.
            case appointment(AppointmentKind, minuteOfDay: Int, minutes: Int)
            case goal(String)
            case followUp(FollowUpCheckName, monthsAfter: Int)
        }

        public let clientID: UUID
        public let day: CalendarDate
        public let what: What
        /// The record the item comes from (an appointment's id), for the page to show its details.
        public let recordID: UUID?

        public init(clientID: UUID, day: CalendarDate, what: What, recordID: UUID? = nil) {
            self.clientID = clientID
            self.day = day
            self.what = what
            self.recordID = recordID
        }

        var order: (Int, Int) {
            switch what {
            case .appointment(_, let minute, _): (0, minute)
            case .goal: (1, 0)
            case .followUp: (2, 0)
            }
        }
    }

    public struct Day: Sendable {
        public let day: CalendarDate
        public let items: [Item]
    }

    public static let horizonDays = 14

    /// Goals and checks whose day has passed (appointments in the past are not overdue: they happened).
    public let overdue: [Item]
    /// Every day from the first to the last with something on it, in order.
    public let days: [Day]

    public var isEmpty: Bool { overdue.isEmpty && days.isEmpty }

    /// The agenda from `today` through `through`. Appointments outside those days are left out; due
    /// goals and checks before today are overdue.
    public init(appointments: [Item], actions: [Item], today: CalendarDate, through last: CalendarDate) {
        func sorted(_ items: [Item]) -> [Item] {
            items.sorted { ($0.day, $0.order.0, $0.order.1, $0.clientID.uuidString) < ($1.day, $1.order.0, $1.order.1, $1.clientID.uuidString) }
        }
        overdue = sorted(actions.filter { $0.day < today })
        let coming = appointments.filter { $0.day >= today && $0.day <= last } + actions.filter { $0.day >= today && $0.day <= last }
        days = Dictionary(grouping: sorted(coming), by: \.day).keys.sorted().map { day in
            Day(day: day, items: sorted(coming.filter { $0.day == day }))
        }
    }

    /// The seven days of the week that holds `day`, Monday first, each with its items (empty days too).
    public static func week(of day: CalendarDate, appointments: [Item], actions: [Item]) -> [Day] {
        let monday = day.startOfWeek
        return (0..<7).map { offset in
            let date = monday.adding(days: offset)
            let items = (appointments + actions).filter { $0.day == date }
            return Day(day: date, items: items.sorted { ($0.order.0, $0.order.1) < ($1.order.0, $1.order.1) })
        }
    }
}

/// What a follow-up check is called. Checks count from the placement; while the client is still in
/// on-the-job support they are checks after placement, and only after support ends are they aftercare.
public enum FollowUpCheckName: String, Hashable, Sendable {
    case checkAfterPlacement
    case aftercareCheck

    public init(phase: TrajectoryPhase) {
        self = phase == .onTheJob ? .checkAfterPlacement : .aftercareCheck
    }
}

/// How a person is named where a name must not be: a calendar feed, a wall planner. The first letter
/// of each part of the name, with Dutch and other family-name particles ("de", "van der") in lower
/// case: "Lotte de Vries" is "L.d.V.".
public enum Initials {
    static let particles: Set<String> = ["de", "den", "der", "van", "von", "het", "ten", "ter", "te", "la", "le", "du", "da", "di", "op", "in", "'t"]

    public static func of(_ name: String) -> String {
        let parts = name.split(whereSeparator: { $0.isWhitespace || $0 == "-" }).map(String.init)
        let letters = parts.enumerated().compactMap { index, part -> String? in
            guard let first = part.first(where: \.isLetter) else { return nil }
            let isParticle = index > 0 && index < parts.count - 1 && particles.contains(part.lowercased())
            return isParticle ? String(first).lowercased() : String(first).uppercased()
        }
        return letters.isEmpty ? "?" : letters.joined(separator: ".") + "."
    }
}
