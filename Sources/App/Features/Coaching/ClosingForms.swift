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
    }

    struct Valid: Sendable {
        var months: Int
        var heldOn: CalendarDate
        var employed: Bool
        var hours: Double?
        var sameEmployer: Bool
        var supportNeeded: Bool
        var note: String

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
        if months != nil, alreadyDone { posted.problem(.months, "followUpAlreadyDone") }
        guard posted.problems.isEmpty, let months, let heldOn, let employed, let sameEmployer, let supportNeeded else { return nil }
        return Valid(months: months, heldOn: heldOn, employed: employed, hours: hours, sameEmployer: sameEmployer,
                     supportNeeded: supportNeeded, note: posted[.note])
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
