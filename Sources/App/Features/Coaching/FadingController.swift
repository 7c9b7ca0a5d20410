import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The fading plan (task 6): planned support hours per week, falling to none when the employer takes
/// over, shown against the hours the support log says were given, as a chart and as a table.
enum FadingController {
    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let file = try await ClientFile.load(try request.scopedClient, on: request)
        return try await render(request, actor: actor, file: file, values: [:], errors: [])
    }

    static func render(_ request: Request, actor: PracticeActor, file: ClientFile, values: [String: String], errors: [FieldError],
                       status: HTTPStatus = .ok) async throws -> Response {
        let model = try await FadingPage.Model.load(file, on: request.db)
        let content = FadingPage.Content(model: model, request: request, actor: actor, values: values, errors: errors)
        return try await WorkPage.render(request, actor: actor, file: file, titleKey: "fadingTitle", leadKey: "fadingLead",
                                         audit: "fading.viewed", blocks: content.blocks, errors: errors, status: status)
    }

    static func save(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: FadingForm.self)
        var form = posted
        guard let plan = form.validate() else {
            return try await render(request, actor: actor, file: file, values: form.posted.values, errors: form.errors(request),
                                    status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        try await request.change { db in
            let row = try await FadingPlanRow.query(on: db).filter(\.$organisationID == actor.organisationID)
                .filter(\.$trajectory.$id == trajectoryID).first() ?? FadingPlanRow()
            row.organisationID = actor.organisationID
            row.$trajectory.id = trajectoryID
            row.takeoverOn = plan.takeoverOn.description
            row.weeks = FadingPlanRow.stored(plan)
            try await row.save(on: db)
            try await ClientAudit.record(on: db, request, actor, "fading.saved", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "weeks": String(plan.weeks.count)])
        }
        return request.redirect(to: SiteURL.clientFading(.value(try client.requireID())).path + "#comparison")
    }

    /// What is wrong with a fading plan, with the week it is about (counted from 1).
    static func message(_ problem: FadingPlanProblem, _ request: Request) -> String {
        let week = ["week": String((problem.week ?? 0) + 1)]
        return switch problem.kind {
        case .empty: request.t("fading_empty", week)
        case .hoursOutOfRange: request.t("fading_hours-out-of-range", week)
        case .notConsecutive: request.t("fading_not-consecutive", week)
        case .increases: request.t("fading_increases", week)
        case .supportAfterTakeover: request.t("fading_support-after-takeover", week)
        case .endsBeforeTakeover: request.t("fading_ends-before-takeover", week)
        }
    }
}
