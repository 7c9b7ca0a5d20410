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
        let (actor, client, file, posted) = try await ClientWrite.begin(request)
        var form = posted
        var plan: FadingPlan?
        var extra: [FieldError] = []
        if form.value("mode") == "weeks" {
            let takeover = form.date("fadingTakeoverOn", required: true)
            var weeks: [FadingPlan.Week] = []
            for (number, line) in PracticeMapping.lines(form.value("fadingWeeks")).enumerated() {
                let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ";" }).map(String.init)
                guard parts.count == 2, let start = CalendarDate(parts[0]), let hours = Double(parts[1].replacingOccurrences(of: ",", with: ".")) else {
                    extra.append(FieldError(field: "fadingWeeks", message: request.t("fadingLineInvalid").replacingOccurrences(of: "{line}", with: String(number + 1))))
                    continue
                }
                weeks.append(FadingPlan.Week(startsOn: start, plannedHours: hours))
            }
            if weeks.count > 104 { form.problem("fadingWeeks", "fadingTooLong") }
            if let takeover, extra.isEmpty { plan = FadingPlan(weeks: weeks, takeoverOn: takeover) }
        } else {
            let start = form.date("fadingStart", required: true)
            let first = form.amount("fadingFirstHours")
            if form.value("fadingFirstHours").isEmpty { form.problem("fadingFirstHours", "fadingFirstHoursMissing") }
            else if let first, first <= 0 || first > 40 { form.problem("fadingFirstHours", "fadingHoursRange") }
            let count = Int(form.value("fadingWeeksCount"))
            if count == nil || count! < 1 || count! > 104 { form.problem("fadingWeeksCount", "fadingWeeksCountInvalid") }
            if let start, let first, let count, form.problems.isEmpty { plan = FadingPlan.linear(from: start, firstHours: first, weeksUntilTakeover: count) }
        }
        if let plan {
            let field = form.value("mode") == "weeks" ? "fadingWeeks" : "fadingFirstHours"
            for problem in plan.problems() {
                let message = request.t("fading_\(problem.kind.rawValue)").replacingOccurrences(of: "{week}", with: String((problem.week ?? 0) + 1))
                extra.append(FieldError(field: problem.kind == .endsBeforeTakeover && form.value("mode") == "weeks" ? "fadingTakeoverOn" : field, message: message))
            }
        }
        guard form.problems.isEmpty, extra.isEmpty, let plan else {
            return try await render(request, actor: actor, file: file, values: form.values,
                                    errors: WorkPage.errors(request, form.problems) + extra, status: .unprocessableEntity)
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
}
