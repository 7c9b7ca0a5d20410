import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Closing and aftercare (task 7): the closing evaluation with commissioner, employer and client,
/// the closing report and aftercare offer, and the follow-up checks at 3, 6 and 12 months.
enum ClosingController {
    /// Why a job ended that a follow-up check found the client no longer in.
    static let noLongerEmployedReason = "follow-up: no longer employed"

    static func page(_ request: Request) async throws -> Response {
        try await WorkPage.open(ClosingPage.self, request)
    }

    static func save(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: ClosingForm.self)
        var form = posted
        guard let valid = form.validate(today: request.today) else {
            return try await WorkPage.show(ClosingPage.self, request, file: file, values: form.posted.values,
                                    errors: WorkPage.errors(request, form.posted.problems), status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        try await request.change { db in
            let closing = try await Closing.query(on: db).filter(\.$organisationID == actor.organisationID)
                .filter(\.$trajectory.$id == trajectoryID).first() ?? Closing()
            closing.organisationID = actor.organisationID
            closing.$trajectory.id = trajectoryID
            valid.apply(to: closing)
            try await closing.save(on: db)
            try await ClientAudit.record(on: db, request, actor, "closing.saved", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "outcome": valid.outcome.rawValue])
        }
        return request.redirect(to: SiteURL.clientClosing(.value(try client.requireID())).path + "#closing")
    }

    static func addFollowUp(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: FollowUpForm.self)
        var form = posted
        let trajectoryID = file.trajectoryID
        var alreadyDone = false
        if let months = form.months {
            alreadyDone = try await FollowUpCheck.query(on: request.db).filter(\.$organisationID == actor.organisationID)
                .filter(\.$trajectory.$id == trajectoryID).filter(\.$monthsAfter == months).first() != nil
        }
        guard let valid = form.validate(today: request.today, hasPlacement: !file.placements.isEmpty, alreadyDone: alreadyDone) else {
            return try await WorkPage.show(ClosingPage.self, request, file: file, values: form.posted.values,
                                    errors: WorkPage.errors(request, form.posted.problems), status: .unprocessableEntity)
        }
        let check = FollowUpCheck()
        check.organisationID = actor.organisationID
        check.$trajectory.id = trajectoryID
        valid.apply(to: check)
        check.createdBy = actor.userID
        let organisationID = actor.organisationID
        try await request.change { db in
            try await check.create(on: db)
            // No longer employed: the jobs still open end on the day of the check (never before they
            // started). Still employed, they stay open: the check confirms them.
            if !valid.employed {
                let open = try await JobSpell.query(on: db).filter(\.$organisationID == organisationID)
                    .filter(\.$trajectory.$id == trajectoryID).filter(\.$endOn == nil).all()
                for spell in open {
                    let end = CalendarDate(spell.startOn).map { max($0, valid.heldOn) } ?? valid.heldOn
                    spell.endOn = end.description
                    spell.endReason = ClosingController.noLongerEmployedReason
                    try await spell.update(on: db)
                }
            }
            if let step = valid.careerStep {
                let row = CareerStepRow()
                row.organisationID = organisationID
                row.$trajectory.id = trajectoryID
                row.monthsAfter = valid.months
                row.step = step.rawValue
                row.note = ""
                try await row.create(on: db)
            }
            try await ClientAudit.record(on: db, request, actor, "follow-up.recorded", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "months": String(valid.months),
                                                  "employed": String(valid.employed)])
        }
        return request.redirect(to: SiteURL.clientClosing(.value(try client.requireID())).path + "#follow-ups")
    }

    /// The client's or the employer's satisfaction at closing; a second answer replaces the first.
    static func saveSatisfaction(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: SatisfactionForm.self)
        var form = posted
        guard let valid = form.validate(today: request.today) else {
            return try await WorkPage.show(ClosingPage.self, request, file: file, values: form.posted.values,
                                           errors: WorkPage.errors(request, form.posted.problems), status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        try await request.change { db in
            let rating = try await SatisfactionRating.query(on: db).filter(\.$organisationID == actor.organisationID)
                .filter(\.$trajectory.$id == trajectoryID).filter(\.$respondent == valid.respondent.rawValue).first() ?? SatisfactionRating()
            rating.organisationID = actor.organisationID
            rating.$trajectory.id = trajectoryID
            valid.apply(to: rating)
            try await rating.save(on: db)
            try await ClientAudit.record(on: db, request, actor, "satisfaction.recorded", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "respondent": valid.respondent.rawValue])
        }
        return request.redirect(to: SiteURL.clientClosing(.value(try client.requireID())).path + "#satisfaction")
    }
}
