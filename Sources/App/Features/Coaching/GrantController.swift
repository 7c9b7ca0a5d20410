import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Input financing in the UWV way: the grant of coaching hours for a placed employee (kept on the
/// support page, where the hours are logged), and the accountability report for the commissioner:
/// goals reached or not and the hours per goal, with no medical information.
enum GrantController {
    /// The grant with the support logged against it, per grant year.
    static func status(_ row: CoachingGrantRow, support: [SupportEntry], regimes: [GrantRegime])
        -> (grant: CoachingGrant, years: [CoachingGrant.Year], outside: Double)? {
        guard let regime = regimes.first(where: { $0.id == row.regime }), let start = CalendarDate(row.startsOn) else { return nil }
        let grant = CoachingGrant(start: start, contractHoursPerWeek: row.contractHours, regime: regime)
        let logged = support.compactMap { entry in CalendarDate(entry.heldOn).map { (day: $0, minutes: entry.minutes) } }
        let (years, outside) = grant.years(logged: logged)
        return (grant, years, outside)
    }

    static func save(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: GrantForm.self)
        var form = posted
        guard let valid = form.validate(regimes: request.standard.grantRegimes) else {
            return try await WorkPage.show(SupportPage.self, request, file: file, values: form.posted.values,
                                           errors: WorkPage.errors(request, form.posted.problems), status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        try await request.change { db in
            let grant = try await CoachingGrantRow.query(on: db).filter(\.$organisationID == actor.organisationID)
                .filter(\.$trajectory.$id == trajectoryID).first() ?? CoachingGrantRow()
            grant.organisationID = actor.organisationID
            grant.$trajectory.id = trajectoryID
            grant.regime = valid.regime.id
            grant.startsOn = valid.start.description
            grant.contractHours = valid.contractHours
            try await grant.save(on: db)
            try await ClientAudit.record(on: db, request, actor, "grant.saved", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "regime": valid.regime.id])
        }
        return request.redirect(to: SiteURL.clientSupport(.value(try client.requireID())).path + "#grant")
    }

    /// `GET /clients/:client/grant/report`: printable; goals, reached or not, and hours per goal.
    static func report(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let file = try await ClientFile.load(try request.scopedClient, on: request)
        let clientID = try file.client.requireID()
        try await ClientAudit.read(request, actor, "grant.report.viewed", client: file.client,
                                   details: ["trajectory": file.trajectoryID.uuidString])
        let coaching = try await CoachingFile.load(file, on: request.db)
        let language = request.language
        guard let row = try await CoachingGrantRow.query(on: request.db).filter(\.$organisationID == actor.organisationID)
            .filter(\.$trajectory.$id == file.trajectoryID).first(),
            let status = status(row, support: coaching.support, regimes: request.standard.grantRegimes) else {
            // No grant yet: the page says so and leads to where it is filled in.
            return try await request.page(.work, WorkPageContext(
                layout: Layout(request: request, title: request.t("grantReportTitle")), heading: request.t("grantReportTitle"),
                subtitle: file.client.name, lead: request.t("grantNone"), backURL: SiteURL.clientSupport(.value(clientID)).path,
                backLabel: request.t("supportTitle"), notice: nil, blocks: [], errors: [], hasErrors: false))
        }
        let inGrant = coaching.support.filter { entry in
            CalendarDate(entry.heldOn).map { $0 >= status.grant.start && $0 <= status.grant.end } ?? false
        }
        let perGoal = CoachingGrant.hoursPerGoal(inGrant.map { entry in (entry.minutes, entry.progressByGoal.keys.sorted()) })
        let goals = TableView(
            id: "grant-goals", caption: request.t("grantGoalsCaption"),
            headers: [request.t("grantGoal"), request.t("grantGoalReached"), request.t("grantHours")],
            rows: coaching.goals.map { goal in
                [.init(text: goal.what),
                 .init(text: goal.reachedOn.map { request.t("grantReachedOn", ["date": WorkPage.date($0, language)]) } ?? request.t("grantNotReached")),
                 .init(text: NumberText.format(perGoal[goal.id?.uuidString] ?? 0, in: language))]
            } + (perGoal[nil].map { [[.init(text: request.t("grantNoGoal")), .init(text: ""), .init(text: NumberText.format($0, in: language))]] } ?? []),
            empty: request.t("grantNoGoals"))
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("grantReportTitle")),
            heading: request.t("grantReportTitle"), subtitle: file.client.name,
            lead: request.t("grantReportLead", ["regime": status.grant.regime.name[language],
                                                "from": WorkPage.date(status.grant.start.description, language),
                                                "to": WorkPage.date(status.grant.end.description, language)]),
            backURL: SiteURL.clientSupport(.value(clientID)).path, backLabel: request.t("supportTitle"), notice: nil,
            blocks: [yearsBlock(status.years, outside: status.outside, request: request),
                     WorkBlock(id: "grant-goals-block", heading: request.t("grantGoalsHeading"), text: request.t("grantGoalsText"), tables: [goals])],
            errors: [], hasErrors: false)
        return try await request.page(.work, context)
    }

    /// The grant years: allowed, used and left, with a warning for every year past its hours.
    static func yearsBlock(_ years: [CoachingGrant.Year], outside: Double, request: Request, forms: [FormView] = []) -> WorkBlock {
        let language = request.language
        let table = TableView(
            id: "grant-years", caption: request.t("grantYearsCaption"),
            headers: [request.t("grantYear"), request.t("grantPeriod"), request.t("grantAllowed"), request.t("grantUsed"), request.t("grantLeft")],
            rows: years.map { year in
                [.init(text: String(year.number)),
                 .init(text: "\(WorkPage.date(year.from.description, language)) – \(WorkPage.date(year.to.description, language))"),
                 .init(text: NumberText.format(year.allowedHours, in: language)), .init(text: NumberText.format(year.usedHours, in: language)),
                 .init(text: NumberText.format(year.remainingHours, in: language) + (year.isOver ? " (\(request.t("grantOverShort")))" : ""))]
            }, empty: "")
        var facts: [KeyValue] = []
        for year in years where year.isOver {
            facts.append(KeyValue(key: request.t("grantWarning"),
                                  value: request.t("grantOver", ["year": String(year.number), "hours": NumberText.format(-year.remainingHours, in: language)])))
        }
        if outside > 0 {
            facts.append(KeyValue(key: request.t("grantOutside"), value: NumberText.format(outside, in: language)))
        }
        return WorkBlock(id: "grant", heading: request.t("grantHeading"), text: request.t("grantText"), facts: facts, tables: [table], forms: forms)
    }
}

/// The grant: its regime, its first day and the employee's contract hours per week.
struct GrantForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case regime = "grantRegime", start = "grantStart", contractHours = "grantContractHours"
    }

    struct Valid: Sendable {
        var regime: GrantRegime
        var start: CalendarDate
        var contractHours: Double
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    mutating func validate(regimes: [GrantRegime]) -> Valid? {
        let regime = regimes.first { $0.id == posted[.regime] }
        if regime == nil { posted.problem(.regime, "grantRegimeMissing") }
        let start = posted.date(.start, required: true)
        let hours = posted.amount(.contractHours)
        if !(hours.map { $0 > 0 && $0 <= 60 } ?? false) { posted.problem(.contractHours, "grantContractHoursRange") }
        guard posted.problems.isEmpty, let regime, let start, let hours else { return nil }
        return Valid(regime: regime, start: start, contractHours: hours)
    }
}
