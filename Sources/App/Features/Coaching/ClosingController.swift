import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Closing and aftercare (task 7): the closing evaluation with commissioner, employer and client,
/// the closing report and aftercare offer, and the follow-up checks at 3, 6 and 12 months.
enum ClosingController {
    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let file = try await ClientFile.load(try request.scopedClient, on: request)
        return try await render(request, actor: actor, file: file, values: [:], errors: [])
    }

    static func render(_ request: Request, actor: PracticeActor, file: ClientFile, values: [String: String], errors: [FieldError],
                       status: HTTPStatus = .ok) async throws -> Response {
        let model = try await ClosingPage.Model.load(file, actor: actor, today: request.today, on: request.db)
        let content = ClosingPage.Content(model: model, request: request, actor: actor, values: values, errors: errors)
        return try await WorkPage.render(request, actor: actor, file: file, titleKey: "closingTitle", leadKey: "closingLead",
                                         audit: "closing.viewed", blocks: content.blocks, errors: errors, status: status)
    }

    static func save(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request)
        var form = posted
        let closedOn = form.date("closingClosedOn", required: true)
        if let closedOn, closedOn > request.today { form.problem("closingClosedOn", "cpdInFuture") }
        let outcome = ClosingOutcome(rawValue: form.value("closingOutcome"))
        if outcome == nil { form.problem("closingOutcome", "closingOutcomeMissing") }
        _ = form.text("closingSummary", missing: "closingSummaryMissing", maxLength: 10_000)
        if form.value("closingAftercare").count > 5_000 { form.problem("closingAftercare", "formTooLong") }
        guard form.problems.isEmpty, let closedOn, let outcome else {
            return try await render(request, actor: actor, file: file, values: form.values, errors: WorkPage.errors(request, form.problems),
                                    status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let input = form
        try await request.change { db in
            let closing = try await Closing.query(on: db).filter(\.$organisationID == actor.organisationID)
                .filter(\.$trajectory.$id == trajectoryID).first() ?? Closing()
            closing.organisationID = actor.organisationID
            closing.$trajectory.id = trajectoryID
            closing.closedOn = closedOn.description
            closing.outcome = outcome.rawValue
            closing.summary = input.value("closingSummary")
            closing.aftercareOffer = input.value("closingAftercare")
            try await closing.save(on: db)
            try await ClientAudit.record(on: db, request, actor, "closing.saved", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "outcome": outcome.rawValue])
        }
        return request.redirect(to: SiteURL.clientClosing(.value(try client.requireID())).path + "#closing")
    }

    static func addFollowUp(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request)
        var form = posted
        let months = Int(form.value("followUpMonths"))
        if months == nil || !FollowUpSchedule.monthsAfterPlacement.contains(months!) { form.problem("followUpMonths", "followUpMonthsInvalid") }
        if file.placements.isEmpty { form.problem("followUpMonths", "followUpsNoPlacement") }
        let heldOn = form.date("followUpHeldOn", required: true)
        if let heldOn, heldOn > request.today { form.problem("followUpHeldOn", "cpdInFuture") }
        func answer(_ field: String) -> Bool? {
            switch form.value(field) {
            case "yes": return true
            case "no": return false
            default: form.problem(field, "followUpAnswerMissing"); return nil
            }
        }
        let employed = answer("followUpEmployed"), sameEmployer = answer("followUpSameEmployer"), support = answer("followUpSupportNeeded")
        let hours = form.amount("followUpHours")
        if let hours, hours > 60 { form.problem("followUpHours", "profileHoursRange") }
        if employed == true, hours == nil, form.value("followUpHours").isEmpty { form.problem("followUpHours", "followUpHoursMissing") }
        if form.value("followUpNote").count > 2_000 { form.problem("followUpNote", "formTooLong") }
        let trajectoryID = file.trajectoryID
        if let months, try await FollowUpCheck.query(on: request.db).filter(\.$organisationID == actor.organisationID)
            .filter(\.$trajectory.$id == trajectoryID).filter(\.$monthsAfter == months).first() != nil {
            form.problem("followUpMonths", "followUpAlreadyDone")
        }
        guard form.problems.isEmpty, let months, let heldOn, let employed, let sameEmployer, let support else {
            return try await render(request, actor: actor, file: file, values: form.values, errors: WorkPage.errors(request, form.problems),
                                    status: .unprocessableEntity)
        }
        let note = form.value("followUpNote")
        let check = FollowUpCheck()
        check.organisationID = actor.organisationID
        check.$trajectory.id = trajectoryID
        check.monthsAfter = months
        check.heldOn = heldOn.description
        check.stillEmployed = employed
        check.hoursPerWeek = employed ? hours : nil
        check.sameEmployer = employed && sameEmployer
        check.supportNeeded = support
        check.note = note
        check.createdBy = actor.userID
        try await ClientAudit.create(check, request, actor, "follow-up.recorded", client: client,
                                     details: ["trajectory": trajectoryID.uuidString, "months": String(months), "employed": String(employed)])
        return request.redirect(to: SiteURL.clientClosing(.value(try client.requireID())).path + "#follow-ups")
    }
}
