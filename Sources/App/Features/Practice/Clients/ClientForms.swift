import Foundation
import JobcoachCore
import Vapor

/// The new-client form: who the client is, who pays, which coach.
struct ClientForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case name, dateOfBirth, email, phone, place, commissioner, coach
    }

    struct Valid: Sendable {
        var name: String
        var dateOfBirth: CalendarDate?
        var email: String
        var phone: String
        var place: String
        var commissionerID: UUID?
        var coachID: UUID

        /// Writes who the client is into the new client row.
        func apply(to client: Client) {
            client.name = name
            client.dateOfBirth = dateOfBirth?.description
            client.email = email
            client.phone = phone
            client.place = place
        }
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// The form with values from elsewhere (a line of an import file).
    init(_ values: [Field: String]) {
        posted = PostedForm(values)
    }

    /// The commissioner posted, when it is an id.
    var commissionerID: UUID? { UUID(uuidString: posted[.commissioner]) }

    /// The one validation step: a name, a date of birth in the past, a plausible e-mail address, a
    /// short phone number, a known place, the agency's commissioner (`commissionerKnown`, looked up by
    /// the handler) and, for a team lead, a coach of `teamCoaches` (nil for a coach, who takes the
    /// client on: `actorID`). Nil with the problems by field.
    mutating func validate(today: CalendarDate, places: PlaceCatalog, commissionerKnown: Bool, teamCoaches: [User]?,
                           actorID: UUID) -> Valid? {
        let name = posted.text(.name, missing: "clientNameMissing", maxLength: 200)
        let dateOfBirth = posted.date(.dateOfBirth, required: false)
        if let dateOfBirth, dateOfBirth >= today { posted.problem(.dateOfBirth, "clientBirthInFuture") }
        let email = posted.email(.email)
        posted.limit(.phone, to: 40)
        let place = posted.place(.place, in: places)
        let commissionerID = posted[.commissioner].isEmpty ? nil : self.commissionerID
        if !posted[.commissioner].isEmpty, commissionerID == nil { posted.problem(.commissioner, "clientCommissionerUnknown") }
        let coachID = posted[.coach].isEmpty ? nil : UUID(uuidString: posted[.coach])
        if !posted[.coach].isEmpty, coachID == nil { posted.problem(.coach, "clientCoachUnknown") }
        // The agency's commissioner and the team's coach are checked once the client has a name.
        if name != nil, commissionerID != nil, !commissionerKnown { posted.problem(.commissioner, "clientCommissionerUnknown") }
        var coach = actorID
        if let teamCoaches {
            if name != nil, let coachID, teamCoaches.contains(where: { $0.id == coachID }) {
                coach = coachID
            } else {
                posted.problem(.coach, "clientCoachUnknown")
            }
        }
        guard posted.problems.isEmpty, let name else { return nil }
        return Valid(name: name, dateOfBirth: dateOfBirth, email: email, phone: posted[.phone], place: place?.name ?? "",
                     commissionerID: commissionerID, coachID: coach)
    }
}

/// The move of the trajectory to another phase, with the reason.
struct MoveForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case to, reason
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    var reason: String { posted[.reason] }

    /// The one validation step: a phase to move to, a reason of at most 2,000 characters (whether the
    /// move may be made is the state machine's rule). Nil with the first problem.
    mutating func validate() -> TrajectoryPhase? {
        guard let to = TrajectoryPhase(rawValue: posted[.to]) else {
            posted.problem(.to, "moveChooseTarget")
            return nil
        }
        if reason.count > 2_000 {
            posted.problem(.reason, "formTooLong")
            return nil
        }
        return to
    }

    /// The input a refused move is about: the reason when the move needs one and none was given.
    func refusedField(from: TrajectoryPhase, to: TrajectoryPhase) -> String {
        (TrajectoryStateMachine.move(from: from, to: to)?.needsReason == true && reason.isEmpty ? Field.reason : Field.to).rawValue
    }
}

/// One item of the phase checklist: done or not, with a note.
struct ChecklistTickForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        /// `phase` is the phase whose checklist was shown, to show it again.
        case indicator, phase, done, note
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    var indicator: String { posted[.indicator] }
    var isDone: Bool { posted.isChecked(.done) }
    var phase: TrajectoryPhase? { TrajectoryPhase(rawValue: posted[.phase]) }

    /// What the client's page shows again after a problem: the checklist of the same phase.
    var values: [String: String] { [Field.phase.rawValue: posted[.phase]] }

    /// The one validation step: an indicator of the trajectory's framework, a note of at most 2,000
    /// characters. The problems on the page's own ids (the checklist, the item's note); none when the
    /// tick can be saved.
    func errors(indicators: Set<String>, _ request: Request) -> [FieldError] {
        var errors: [FieldError] = []
        if !indicators.contains(indicator) {
            errors.append(FieldError(field: "checklist", message: request.t("checklistUnknownIndicator", ["id": indicator])))
        }
        if posted[.note].count > 2_000 { errors.append(FieldError(field: "\(Field.note.rawValue)-\(indicator)", message: request.t("formTooLong"))) }
        return errors
    }

    /// Writes the item into its tick row.
    func apply(to tick: ChecklistTick) {
        tick.indicatorID = indicator
        tick.done = isDone
        tick.note = posted[.note]
    }
}
