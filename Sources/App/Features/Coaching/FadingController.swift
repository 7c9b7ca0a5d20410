import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The fading plan (task 6): planned support hours per week, falling to none when the employer takes
/// over, shown against the hours the support log says were given, as a chart and as a table.
enum FadingController {
    static func page(_ request: Request) async throws -> Response {
        try await WorkPage.open(FadingPage.self, request)
    }

    static func save(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: FadingForm.self)
        var form = posted
        guard let plan = form.validate() else {
            return try await WorkPage.show(FadingPage.self, request, file: file, values: form.values, errors: form.errors(request),
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
