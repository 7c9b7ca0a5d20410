import Foundation
import JobcoachCore
import Vapor

/// The closing of the trajectory: the day, the outcome, the closing report and the aftercare offer.
struct ClosingForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case closedOn = "closingClosedOn", outcome = "closingOutcome", summary = "closingSummary", aftercare = "closingAftercare"
    }

    struct Valid: Sendable {
        var closedOn: CalendarDate
        var outcome: ClosingOutcome
        var summary: String
        var aftercareOffer: String

        /// Writes the closing's own values into its row.
        func apply(to closing: Closing) {
            closing.closedOn = closedOn.description
            closing.outcome = outcome.rawValue
            closing.summary = summary
            closing.aftercareOffer = aftercareOffer
        }
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// A stored closing by input id, to show it in the form.
    static func values(_ closing: Closing) -> [String: String] {
        [Field.closedOn.rawValue: closing.closedOn, Field.outcome.rawValue: closing.outcome,
         Field.summary.rawValue: closing.summary, Field.aftercare.rawValue: closing.aftercareOffer]
    }

    /// The one validation step: the day (not in the future), an outcome, the closing report (at most
    /// 10,000 characters) and the length of the aftercare offer. Nil with the problems by field.
    mutating func validate(today: CalendarDate) -> Valid? {
        let closedOn = posted.date(.closedOn, required: true)
        if let closedOn, closedOn > today { posted.problem(.closedOn, "cpdInFuture") }
        let outcome = ClosingOutcome(rawValue: posted[.outcome])
        if outcome == nil { posted.problem(.outcome, "closingOutcomeMissing") }
        let summary = posted.text(.summary, missing: "closingSummaryMissing", maxLength: 10_000)
        posted.limit(.aftercare, to: 5_000)
        guard posted.problems.isEmpty, let closedOn, let outcome, let summary else { return nil }
        return Valid(closedOn: closedOn, outcome: outcome, summary: summary, aftercareOffer: posted[.aftercare])
    }
}

/// A follow-up check some months after the placement: still employed, for how many hours, with the
/// same employer, whether support is needed, and a note.
struct FollowUpForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case months = "followUpMonths", heldOn = "followUpHeldOn", employed = "followUpEmployed", hours = "followUpHours"
        case sameEmployer = "followUpSameEmployer", supportNeeded = "followUpSupportNeeded", note = "followUpNote"
        case careerStep = "followUpCareerStep"
    }

    struct Valid: Sendable {
        var months: Int
        var heldOn: CalendarDate
        var employed: Bool
        var hours: Double?
        var sameEmployer: Bool
        var supportNeeded: Bool
        var note: String
        /// The next career step agreed, if any was chosen.
        var careerStep: CareerStep?

        /// Writes the check's own values into its new row: hours and employer only while employed.
        func apply(to check: FollowUpCheck) {
            check.monthsAfter = months
            check.heldOn = heldOn.description
            check.stillEmployed = employed
            check.hoursPerWeek = employed ? hours : nil
            check.sameEmployer = employed && sameEmployer
            check.supportNeeded = supportNeeded
            check.note = note
        }
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// The check posted, in months after the placement, when it is a number.
    var months: Int? { Int(posted[.months]) }

    /// The one validation step: a check of the schedule, a placement to follow up (`hasPlacement`),
    /// the day (not in the future), the three answers, hours a week (at most 60, needed while still
    /// employed), the length of the note, and a check not recorded yet (`alreadyDone`, looked up by the
    /// handler). Nil with the problems by field.
    mutating func validate(today: CalendarDate, hasPlacement: Bool, alreadyDone: Bool) -> Valid? {
        let months = self.months
        let scheduled = months.map { FollowUpSchedule.monthsAfterPlacement.contains($0) } ?? false
        if !scheduled { posted.problem(.months, "followUpMonthsInvalid") }
        if !hasPlacement { posted.problem(.months, "followUpsNoPlacement") }
        let heldOn = posted.date(.heldOn, required: true)
        if let heldOn, heldOn > today { posted.problem(.heldOn, "cpdInFuture") }
        let employed = answer(.employed), sameEmployer = answer(.sameEmployer), supportNeeded = answer(.supportNeeded)
        let hours = posted.amount(.hours)
        if let hours, hours > 60 { posted.problem(.hours, "profileHoursRange") }
        if employed == true, hours == nil, posted[.hours].isEmpty { posted.problem(.hours, "followUpHoursMissing") }
        posted.limit(.note, to: 2_000)
        let stepText = posted[.careerStep]
        let careerStep = CareerStep(rawValue: stepText)
        if !stepText.isEmpty, careerStep == nil { posted.problem(.careerStep, "followUpCareerStepInvalid") }
        if months != nil, alreadyDone { posted.problem(.months, "followUpAlreadyDone") }
        guard posted.problems.isEmpty, let months, let heldOn, let employed, let sameEmployer, let supportNeeded else { return nil }
        return Valid(months: months, heldOn: heldOn, employed: employed, hours: hours, sameEmployer: sameEmployer,
                     supportNeeded: supportNeeded, note: posted[.note], careerStep: careerStep)
    }

    /// A yes-or-no answer; none is a problem.
    private mutating func answer(_ field: Field) -> Bool? {
        switch posted[field] {
        case "yes": return true
        case "no": return false
        default:
            posted.problem(field, "followUpAnswerMissing")
            return nil
        }
    }
}

/// How satisfied the client or the employer was, asked at closing: a score from 1 to 10 (the
/// client's form in easy words), a comment and the day it was given. The two forms share a page, so
/// each has its own field names.
struct SatisfactionForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case respondent = "satisfactionRespondent"
        case clientScore = "clientSatisfactionScore", clientComment = "clientSatisfactionComment", clientGivenOn = "clientSatisfactionGivenOn"
        case employerScore = "employerSatisfactionScore", employerComment = "employerSatisfactionComment"
        case employerGivenOn = "employerSatisfactionGivenOn"

        static func score(_ respondent: SatisfactionRespondent) -> Field { respondent == .client ? .clientScore : .employerScore }
        static func comment(_ respondent: SatisfactionRespondent) -> Field { respondent == .client ? .clientComment : .employerComment }
        static func givenOn(_ respondent: SatisfactionRespondent) -> Field { respondent == .client ? .clientGivenOn : .employerGivenOn }
    }

    struct Valid: Sendable {
        var respondent: SatisfactionRespondent
        var score: Int
        var comment: String
        var givenOn: CalendarDate

        func apply(to rating: SatisfactionRating) {
            rating.respondent = respondent.rawValue
            rating.score = score
            rating.comment = comment
            rating.givenOn = givenOn.description
        }
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// Who answers, a score on the scale, the day (not in the future) and a comment of at most 2,000
    /// characters. Nil with the problems by field.
    mutating func validate(today: CalendarDate) -> Valid? {
        guard let respondent = SatisfactionRespondent(rawValue: posted[.respondent]) else {
            posted.problem(.clientScore, "satisfactionRespondentMissing")
            return nil
        }
        let score = Int(posted[Field.score(respondent)])
        if !(score.map { Satisfaction.scores.contains($0) } ?? false) { posted.problem(Field.score(respondent), "satisfactionScoreMissing") }
        let givenOn = posted.date(Field.givenOn(respondent), required: true)
        if let givenOn, givenOn > today { posted.problem(Field.givenOn(respondent), "cpdInFuture") }
        posted.limit(Field.comment(respondent), to: 2_000)
        guard posted.problems.isEmpty, let score, let givenOn else { return nil }
        return Valid(respondent: respondent, score: score, comment: posted[Field.comment(respondent)], givenOn: givenOn)
    }
}
