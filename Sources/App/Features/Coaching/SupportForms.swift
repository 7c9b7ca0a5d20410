import Foundation
import JobcoachCore
import Vapor

/// An entry of the support log (task 6): when, how long, with whom, where, what was done, and the
/// progress on each open goal. The progress inputs are named by data: `progress.<goal id>`.
struct SupportEntryForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case heldOn = "supportHeldOn", minutes = "supportMinutes", withWhom = "supportWithWhom"
        case location = "supportLocation", notes = "supportNotes"
        case contactMode = "supportContactMode", clientSummary = "supportClientSummary"
    }

    struct Valid: Sendable {
        var heldOn: CalendarDate
        var minutes: Int
        var party: SupportParty
        var location: String
        var notes: String
        var contactMode: ContactMode
        var clientSummary: String
        /// The progress notes by goal id.
        var progress: [String: String]

        /// Writes the entry's own values into its new row.
        func apply(to entry: SupportEntry) throws {
            entry.heldOn = heldOn.description
            entry.minutes = minutes
            entry.withWhom = party.rawValue
            entry.location = location
            entry.notes = notes
            entry.contactMode = contactMode.rawValue
            entry.clientSummary = clientSummary
            entry.progress = try ApplicationSnapshot.encode(progress)
        }
    }

    static let progressPrefix = "progress."

    /// The input of the progress on one goal.
    static func progressField(_ goalID: UUID) -> String { progressPrefix + goalID.uuidString }

    var posted: PostedForm<Field>
    /// The progress inputs posted, by input name, trimmed.
    private(set) var progress: [String: String] = [:]
    /// The problems of the progress inputs; they come after those of the fields.
    private var progressProblems: [FormProblem] = []

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
        let container = try decoder.container(keyedBy: InputName.self)
        for key in container.allKeys where key.stringValue.hasPrefix(Self.progressPrefix) {
            progress[key.stringValue] = try container.decodeIfPresent(String.self, forKey: key)?
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// The values by input id (the progress inputs included), to show the form again.
    var values: [String: String] { posted.values.merging(progress) { field, _ in field } }

    var problems: [FormProblem] { posted.problems + progressProblems }

    /// The one validation step: the day (not in the future), whole minutes within the limit of a
    /// support contact, with whom, the length of the location and notes, and progress only on goals of
    /// the trajectory (`goalIDs`, looked up by the handler). Nil with the problems by field.
    mutating func validate(today: CalendarDate, goalIDs: [UUID]) -> Valid? {
        let heldOn = posted.date(.heldOn, required: true)
        if let heldOn, heldOn > today { posted.problem(.heldOn, "cpdInFuture") }
        let minutes = Int(posted[.minutes])
        if posted[.minutes].isEmpty { posted.problem(.minutes, "supportMinutesMissing") }
        else if CoachingDuration.supportEntry.problem(minutes: minutes) != nil { posted.problem(.minutes, "supportMinutesInvalid") }
        let party = SupportParty(rawValue: posted[.withWhom])
        if party == nil { posted.problem(.withWhom, "supportWithWhomMissing") }
        posted.limit(.location, to: 200)
        let notes = posted.text(.notes, missing: "supportNotesMissing", maxLength: 5_000)
        // Without the mode (an older page, a script) the contact was face to face.
        let mode = posted[.contactMode].isEmpty ? ContactMode.faceToFace : ContactMode(rawValue: posted[.contactMode])
        if mode == nil { posted.problem(.contactMode, "supportContactModeInvalid") }
        posted.limit(.clientSummary, to: 2_000)
        let byGoal = progressByGoal(goalIDs)
        guard problems.isEmpty, let heldOn, let minutes, let party, let notes, let mode else { return nil }
        return Valid(heldOn: heldOn, minutes: minutes, party: party, location: posted[.location], notes: notes, contactMode: mode,
                     clientSummary: posted[.clientSummary], progress: byGoal)
    }

    /// The progress notes given, by goal id; a note on another goal, or a long one, is a problem.
    private mutating func progressByGoal(_ goalIDs: [UUID]) -> [String: String] {
        var byGoal: [String: String] = [:]
        for (field, text) in progress.sorted(by: { $0.key < $1.key }) where !text.isEmpty {
            guard let goalID = UUID(uuidString: String(field.dropFirst(Self.progressPrefix.count))), goalIDs.contains(goalID) else {
                progressProblems.append(FormProblem(field: field, messageKey: "supportGoalUnknown"))
                continue
            }
            if text.count > 2_000 { progressProblems.append(FormProblem(field: field, messageKey: "formTooLong")) }
            byGoal[goalID.uuidString] = text
        }
        return byGoal
    }

    private struct InputName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// A milestone reached, and whether it was celebrated with the client.
struct MilestoneForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case title = "milestoneTitle", reachedOn = "milestoneReachedOn", celebrated = "milestoneCelebrated"
    }

    struct Valid: Sendable {
        var title: String
        var reachedOn: CalendarDate
        var celebrated: Bool

        /// Writes the milestone's own values into its new row.
        func apply(to milestone: Milestone) {
            milestone.title = title
            milestone.reachedOn = reachedOn.description
            milestone.celebrated = celebrated
        }
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// The one validation step: a title of at most 300 characters and the day it was reached (not in
    /// the future). Nil with the problems by field.
    mutating func validate(today: CalendarDate) -> Valid? {
        let title = posted.text(.title, missing: "milestoneTitleMissing", maxLength: 300)
        let reachedOn = posted.date(.reachedOn, required: true)
        if let reachedOn, reachedOn > today { posted.problem(.reachedOn, "cpdInFuture") }
        let celebrated = posted.checkbox(.celebrated)
        guard posted.problems.isEmpty, let title, let reachedOn else { return nil }
        return Valid(title: title, reachedOn: reachedOn, celebrated: celebrated)
    }
}

/// An evaluation with who was there: an interim one from the support page, the closing one (with
/// `kind=closing`) from the closing page.
struct EvaluationForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        /// `presence` is the group of the three boxes: its problem is shown there.
        case kind, heldOn = "evaluationHeldOn", outcome = "evaluationOutcome", planChanges = "evaluationPlanChanges"
        case presence = "evaluationWith", client = "evaluationWithClient", employer = "evaluationWithEmployer"
        case commissioner = "evaluationWithCommissioner"
    }

    struct Valid: Sendable {
        var kind: EvaluationKind
        var heldOn: CalendarDate
        var withClient: Bool
        var withEmployer: Bool
        var withCommissioner: Bool
        var outcome: String
        var planChanges: String

        /// Writes the evaluation's own values into its new row.
        func apply(to evaluation: Evaluation) {
            evaluation.heldOn = heldOn.description
            evaluation.kind = kind.rawValue
            evaluation.withClient = withClient
            evaluation.withEmployer = withEmployer
            evaluation.withCommissioner = withCommissioner
            evaluation.outcome = outcome
            evaluation.planChanges = planChanges
        }
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// The kind posted; a form without one is an interim evaluation.
    var kind: EvaluationKind { EvaluationKind(rawValue: posted[.kind]) ?? .interim }

    /// The one validation step: the day it was held (not in the future), the outcome, the length of
    /// the plan changes, and who must have been there for the kind. Nil with the problems by field.
    mutating func validate(today: CalendarDate) -> Valid? {
        let heldOn = posted.date(.heldOn, required: true)
        if let heldOn, heldOn > today { posted.problem(.heldOn, "cpdInFuture") }
        let outcome = posted.text(.outcome, missing: "evaluationOutcomeMissing", maxLength: 5_000)
        posted.limit(.planChanges, to: 5_000)
        let client = posted.checkbox(.client), employer = posted.checkbox(.employer), commissioner = posted.checkbox(.commissioner)
        switch kind.absence(client: client, employer: employer, commissioner: commissioner) {
        case .client: posted.problem(.presence, "evaluationWithoutClient")
        case .closingParties: posted.problem(.presence, "evaluationClosingParties")
        case nil: break
        }
        guard posted.problems.isEmpty, let heldOn, let outcome else { return nil }
        return Valid(kind: kind, heldOn: heldOn, withClient: client, withEmployer: employer, withCommissioner: commissioner,
                     outcome: outcome, planChanges: posted[.planChanges])
    }
}

/// An appointment the client sees on their own page.
struct AppointmentForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case date = "appointmentDate", time = "appointmentTime", minutes = "appointmentMinutes"
        case location = "appointmentLocation", topic = "appointmentTopic", kind = "appointmentKind"
    }

    struct Valid: Sendable {
        var kind: AppointmentKind
        var date: CalendarDate
        var hour: Int
        var minute: Int
        var minutes: Int
        var location: String
        var topic: String

        /// When it starts, in the practice's time zone; nil for a moment the calendar cannot make.
        func startsAt(in timeZone: TimeZone) -> Date? {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute))
        }

        /// Writes the appointment's own values into its new row.
        func apply(to appointment: Appointment, startsAt: Date) {
            appointment.startsAt = startsAt
            appointment.minutes = minutes
            appointment.location = location
            appointment.topic = topic
            appointment.kind = kind.rawValue
        }
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// The one validation step: the day, a time (hours and minutes), whole minutes within the limit of
    /// an appointment, the location and the topic. Nil with the problems by field.
    mutating func validate() -> Valid? {
        let date = posted.date(.date, required: true)
        let time = posted[.time]
        let parts = time.split(separator: ":").compactMap { Int($0) }
        if time.isEmpty { posted.problem(.time, "appointmentTimeMissing") }
        else if parts.count != 2 || !(0..<24).contains(parts[0]) || !(0..<60).contains(parts[1]) { posted.problem(.time, "appointmentTimeInvalid") }
        let minutes = Int(posted[.minutes])
        if CoachingDuration.appointment.problem(minutes: minutes) != nil { posted.problem(.minutes, "supportMinutesInvalid") }
        let location = posted.text(.location, missing: "appointmentLocationMissing", maxLength: 200)
        let topic = posted.text(.topic, missing: "appointmentTopicMissing", maxLength: 300)
        // A form without the kind (an older page, a script) plans a conversation.
        let kind = posted[.kind].isEmpty ? AppointmentKind.conversation : AppointmentKind(rawValue: posted[.kind])
        if kind == nil { posted.problem(.kind, "appointmentKindInvalid") }
        guard posted.problems.isEmpty, let kind, let date, let minutes, let location, let topic, parts.count == 2 else { return nil }
        return Valid(kind: kind, date: date, hour: parts[0], minute: parts[1], minutes: minutes, location: location, topic: topic)
    }
}
