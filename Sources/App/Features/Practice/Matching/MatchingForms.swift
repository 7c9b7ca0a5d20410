import Foundation
import JobcoachCore
import Vapor

/// The coach's decision on one result of the matching page, with the explanation for commissioner
/// and employer. Each result has a form of its own.
struct MatchDecisionForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        /// `workplace` names the result; `all` keeps the page showing every result.
        case workplace, all, decision, forCommissioner, forEmployer
    }

    struct Valid: Sendable {
        var decision: MatchDecisionKind
        var forCommissioner: String
        var forEmployer: String
        var workplace: Workplace
        var profile: EmployeeProfile
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// The workplace posted, when it is an id.
    var workplaceID: UUID? { UUID(uuidString: posted[.workplace]) }

    /// The one validation step: a decision, both explanations, the agency's workplace of the result
    /// (looked up by the handler) and an employee profile to match. Nil with the problems by field.
    mutating func validate(workplace: Workplace?, profile: EmployeeProfile?) -> Valid? {
        let decision = MatchDecisionKind(rawValue: posted[.decision])
        if decision == nil { posted.problem(.decision, "decisionMissing") }
        let forCommissioner = posted.text(.forCommissioner, missing: "decisionCommissionerMissing", maxLength: 5_000)
        let forEmployer = posted.text(.forEmployer, missing: "decisionEmployerMissing", maxLength: 5_000)
        if workplace == nil { posted.problem(.workplace, "decisionWorkplaceUnknown") }
        if profile == nil { posted.problem(.workplace, "matchingNeedsProfile") }
        guard posted.problems.isEmpty, let decision, let forCommissioner, let forEmployer, let workplace, let profile else { return nil }
        return Valid(decision: decision, forCommissioner: forCommissioner, forEmployer: forEmployer, workplace: workplace, profile: profile)
    }

    /// The problems pointed at the inputs of the result's own form (`forEmployer-<workplace>`; the
    /// decision and the workplace at the first choice, `decision-match-<workplace>`).
    func errors(_ request: Request) -> [FieldError] {
        let suffix = "-" + posted[.workplace]
        return posted.problems.map { problem in
            let field = switch problem.field {
            case Field.decision.rawValue, Field.workplace.rawValue: "decision-match" + suffix
            default: problem.field + suffix
            }
            return FieldError(field: field, message: request.t(problem.messageKey))
        }
    }
}

/// The placement of the client in a workplace decided a match, with its agreements, and what the job
/// it starts is (`JobSpell`): the hourly wage when known, and whether it is a regular job.
struct PlacementForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case workplace, startOn, hoursPerWeek, contract, agreements, hourlyWage, jobKind
    }

    /// The kinds of job: a regular one (an ordinary workplace at no less than the minimum wage) or
    /// sheltered or subsidised work. A form without the field (an older client) means a regular job.
    static let regularJob = "regular"
    static let shelteredJob = "sheltered"
    static let maximumHourlyWage = 1_000.0

    struct Valid: Sendable {
        var workplace: Workplace
        var startOn: CalendarDate
        var hoursPerWeek: Double
        var contract: ContractKind
        var agreements: String
        var hourlyWage: Double?
        var regular: Bool

        /// Writes the placement's own values into its new row.
        func apply(to placement: Placement) throws {
            placement.$workplace.id = try workplace.requireID()
            placement.startOn = startOn.description
            placement.hoursPerWeek = hoursPerWeek
            placement.contract = contract.rawValue
            placement.agreements = agreements
            placement.endReason = ""
        }

        /// Writes the job the placement starts into its new spell, at the workplace's employer.
        func apply(to spell: JobSpell, placementID: UUID, employer: Employer) throws {
            spell.placementID = placementID
            spell.employerID = try employer.requireID()
            spell.employerName = employer.name
            spell.jobTitle = workplace.title
            spell.startOn = startOn.description
            spell.endOn = nil
            spell.hoursPerWeek = hoursPerWeek
            spell.hourlyWage = hourlyWage
            spell.contract = contract.rawValue
            spell.regular = regular
            spell.endReason = ""
        }
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// The workplace posted, when it is an id.
    var workplaceID: UUID? { UUID(uuidString: posted[.workplace]) }

    /// The one validation step: the start, hours a week (more than 0, at most 60), the contract, the
    /// length of the agreements, the hourly wage (optional, at most 1000), the kind of job, no
    /// placement already active, and a workplace decided a match (looked up by the handler). Nil with
    /// the problems by field.
    mutating func validate(workplace: Workplace?, hasActivePlacement: Bool) -> Valid? {
        let start = posted.date(.startOn, required: true)
        let hours = posted.amount(.hoursPerWeek)
        if hours == nil, posted[.hoursPerWeek].isEmpty { posted.problem(.hoursPerWeek, "placementHoursMissing") }
        if let hours, !(hours > 0 && hours <= 60) { posted.problem(.hoursPerWeek, "placementHoursRange") }
        let contract = ContractKind(rawValue: posted[.contract])
        if contract == nil { posted.problem(.contract, "placementContractMissing") }
        posted.limit(.agreements, to: 10_000)
        let wage = posted.amount(.hourlyWage)
        if let wage, wage > Self.maximumHourlyWage { posted.problem(.hourlyWage, "placementWageRange") }
        let kind = posted[.jobKind]
        if !kind.isEmpty, kind != Self.regularJob, kind != Self.shelteredJob { posted.problem(.jobKind, "placementJobKindInvalid") }
        if hasActivePlacement { posted.problem(.workplace, "placementAlreadyActive") }
        if workplace == nil, !hasActivePlacement { posted.problem(.workplace, "placementNeedsMatch") }
        guard posted.problems.isEmpty, let start, let hours, let contract, let workplace else { return nil }
        return Valid(workplace: workplace, startOn: start, hoursPerWeek: hours, contract: contract, agreements: posted[.agreements],
                     hourlyWage: wage, regular: kind != Self.shelteredJob)
    }
}

/// The end of the active placement. It posts to the placement's address too, with `action=end`.
struct PlacementEndForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case action, endedOn, endReason
    }

    struct Valid: Sendable {
        var placement: Placement
        var endedOn: CalendarDate
        var reason: String
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// Whether the form sent is this one rather than `PlacementForm`.
    var isPosted: Bool { posted[.action] == "end" }

    /// The one validation step: the date it ended (not before the start) and why, for the active
    /// placement. Nil with the problems by field.
    mutating func validate(placement: Placement?) -> Valid? {
        let ended = posted.date(.endedOn, required: true)
        let reason = posted.text(.endReason, missing: "placementEndReasonMissing", maxLength: 2_000)
        guard let placement else {
            posted.problem(.endedOn, "placementNoneActive")
            return nil
        }
        if let ended, let start = CalendarDate(placement.startOn), ended < start { posted.problem(.endedOn, "placementEndBeforeStart") }
        guard posted.problems.isEmpty, let ended, let reason else { return nil }
        return Valid(placement: placement, endedOn: ended, reason: reason)
    }
}
