import Foundation

/// Changing what was written in a client's file. Nothing is overwritten without trace and a coach
/// never deletes: every change keeps the values before it, and a goal given up, an appointment
/// called off or a milestone entered by mistake stays in the file with its reason.
public enum RecordRevision {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case goal
        case supportEntry = "support-entry"
        case evaluation
        case appointment
        case milestone
    }

    public enum Change: String, CaseIterable, Codable, Sendable {
        /// The text or figures corrected.
        case edited
        /// A goal's due date moved later, with the reason.
        case postponed
        /// A goal no longer pursued, with the reason.
        case dropped
        /// An appointment moved to another time.
        case moved
        /// An appointment called off, with the reason.
        case cancelled
        /// A milestone entered by mistake.
        case takenBack = "taken-back"
    }

    /// Why a change cannot be made, as a word key for the message; nil when it can.
    public enum Refusal: String, Sendable, Error {
        case goalReached
        case goalDropped
        case notLater
        case reasonMissing
        case appointmentCancelled
        case milestoneTakenBack
        case nothingChanged
    }

    /// The state of a goal a change asks about.
    public struct GoalState: Sendable {
        public var dueOn: CalendarDate
        public var reached: Bool
        public var dropped: Bool

        public init(dueOn: CalendarDate, reached: Bool, dropped: Bool) {
            self.dueOn = dueOn
            self.reached = reached
            self.dropped = dropped
        }
    }

    /// A goal can be edited, postponed or dropped while it is open. Postponing needs a later date and
    /// a reason; dropping needs a reason.
    public static func refusal(goal: GoalState, change: Change, newDueOn: CalendarDate? = nil, reason: String = "") -> Refusal? {
        if goal.dropped { return .goalDropped }
        if goal.reached { return .goalReached }
        switch change {
        case .postponed:
            if let newDueOn, newDueOn <= goal.dueOn { return .notLater }
            if reason.trimmed.isEmpty { return .reasonMissing }
        case .dropped:
            if reason.trimmed.isEmpty { return .reasonMissing }
        default: break
        }
        return nil
    }

    /// An appointment can be moved or cancelled while it stands; cancelling needs a reason.
    public static func refusal(appointment status: AppointmentStatus, change: Change, reason: String = "") -> Refusal? {
        if status == .cancelled { return .appointmentCancelled }
        if change == .cancelled, reason.trimmed.isEmpty { return .reasonMissing }
        return nil
    }

    /// A milestone can be taken back once, with a reason.
    public static func refusal(milestoneTakenBack: Bool, reason: String) -> Refusal? {
        if milestoneTakenBack { return .milestoneTakenBack }
        if reason.trimmed.isEmpty { return .reasonMissing }
        return nil
    }

    /// The fields whose value differs between two versions of a record, with the value before: what a
    /// history line says after "was".
    public static func previousValues(before: [(String, String)], after: [String: String]) -> [(field: String, value: String)] {
        before.compactMap { field, value in after[field].map { $0 == value ? nil : (field, value) } ?? nil }
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
