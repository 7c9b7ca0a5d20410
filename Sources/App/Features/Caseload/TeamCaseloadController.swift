import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The team lead's view of the team: every coach's load against their limit, their clients by phase
/// and their overdue items, as a chart with the same figures in a table; the caseload as CSV; and the
/// agency's caseload settings.
enum TeamCaseloadController {
    struct CoachLine {
        let name: String
        let hours: Double
        let load: CaseloadLoad
        let phases: [TrajectoryPhase: Int]
        let overdue: Int
    }

    static func lines(_ request: Request, actor: PracticeActor) async throws -> [CoachLine] {
        let overview = try await CaseloadOverview.load(actor, today: request.today, on: request.db)
        let coaches = try await ClientController.teamCoaches(actor, on: request.db)
        let policy = try await CaseloadPolicy.load(actor.organisationID, coaches: coaches.compactMap(\.id), on: request.db)
        let today = request.today
        let byCoach = Dictionary(grouping: overview.items, by: \.coachID)
        return coaches.compactMap { coach in
            guard let id = coach.id else { return nil }
            let items = byCoach[id] ?? []
            let counted = items.filter { $0.phase.countsTowardsCaseload }.count
            let overdue = items.reduce(0) { total, item in
                total + (overview.actions[item.trajectoryID] ?? []).filter { $0.isOverdue(on: today) }.count
            }
            return CoachLine(name: coach.displayName, hours: policy.hours(of: id), load: policy.load(of: id, clients: counted),
                             phases: Dictionary(grouping: items, by: \.phase).mapValues(\.count), overdue: overdue)
        }
    }

    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        guard actor.leadsTeam else { throw Abort(.forbidden) }
        let language = request.language
        let lines = try await lines(request, actor: actor)
        let clientsShown = lines.reduce(0) { $0 + $1.phases.values.reduce(0, +) }
        try await ClientAudit.readList(request, actor, "team.viewed", count: clientsShown)
        let phases = TrajectoryPhase.allCases.filter { $0 != .ended }
        let clients = request.t("caseloadClients"), limit = request.t("teamLimit")
        let chart = RowChartView(
            id: "team-chart", title: request.t("teamChartTitle"),
            summary: request.t("teamChartSummary", ["over": String(lines.filter(\.load.isOver).count), "coaches": String(lines.count)]),
            rows: lines.map { line in
                (label: line.name, value: Double(line.load.clients), limit: Double(line.load.limit),
                 figures: request.t("teamChartFigures", ["clients": String(line.load.clients), "limit": String(line.load.limit)])
                    + (line.load.isOver ? " (\(request.t("caseloadOverShort")))" : ""))
            },
            valueLabel: clients, limitLabel: limit, overLabel: request.t("teamChartOver"))
        let table = TableView(
            id: "team-table", caption: request.t("teamTableCaption"),
            headers: [request.t("clientCoach"), request.t("teamHours"), clients, limit, request.t("teamLoad"), request.t("teamOverdue")]
                + phases.map { $0.title[language] },
            rows: lines.map { line in
                [.init(text: line.name), .init(text: NumberText.format(line.hours, in: language)), .init(text: String(line.load.clients)),
                 .init(text: String(line.load.limit)),
                 .init(text: "\(line.load.percentage)%" + (line.load.isOver ? " (\(request.t("caseloadOverShort")))" : "")),
                 .init(text: String(line.overdue))]
                + phases.map { TableView.Cell(text: String(line.phases[$0] ?? 0)) }
            }, empty: request.t("teamNoCoaches"))
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("teamTitle"), current: .caseload),
            heading: request.t("teamTitle"), subtitle: "", lead: request.t("teamLead"),
            backURL: SiteURL.caseload.path, backLabel: request.t("caseloadTeamTitle"), notice: nil,
            blocks: [WorkBlock(id: "team", heading: request.t("teamLoadHeading"), rowCharts: [chart], tables: [table],
                               links: [LinkView(url: SiteURL.caseloadCSV.path, label: request.t("caseloadCSV")),
                                       LinkView(url: SiteURL.caseloadSettings.path, label: request.t("settingsTitle")),
                                       LinkView(url: SiteURL.mentoring.path, label: request.t("mentorTitle")),
                                       LinkView(url: SiteURL.peerGroups.path, label: request.t("peerTitle"))])],
            errors: [], hasErrors: false)
        return try await request.page(.work, context)
    }

    // MARK: CSV

    static func csv(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let language = request.language
        let overview = try await CaseloadOverview.load(actor, today: request.today, on: request.db)
        let today = request.today
        let timeZone = request.application.configuration.timeZone
        var names: [UUID: String] = [:]
        let coachIDs = Set(overview.items.map(\.coachID))
        if !coachIDs.isEmpty {
            for user in try await User.query(on: request.db).filter(\.$id ~~ coachIDs).all() { names[user.id!] = user.displayName }
        }
        try await ClientAudit.readList(request, actor, "caseload.exported", count: overview.items.count)
        let now = request.clock.now()
        let rows = overview.items.map { item -> [String] in
            let actions = overview.actions[item.trajectoryID] ?? []
            let overdue = actions.filter { $0.isOverdue(on: today) }.count
            return [item.name, names[item.coachID] ?? "", item.phase.title[language],
                    String(TrajectoryTimeline.daysInPhase(since: item.phaseSince, now: now)),
                    CalendarDate(item.startedAt, in: timeZone).description, String(overdue), String(actions.count - overdue)]
        }
        let text = CSVText.document(header: ["client", "coach", "phase", "days_in_phase", "trajectory_started", "overdue_actions", "actions_due_soon"],
                                    rows: rows)
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"caseload-\(today).csv\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    // MARK: Settings

    static func settings(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        guard actor.leadsTeam else { throw Abort(.forbidden) }
        return try await renderSettings(request, actor: actor, values: [:], errors: [])
    }

    static func renderSettings(_ request: Request, actor: PracticeActor, values: [String: String], errors: [FieldError],
                               status: HTTPStatus = .ok, notice: String? = nil) async throws -> Response {
        let coaches = try await ClientController.teamCoaches(actor, on: request.db)
        let policy = try await CaseloadPolicy.load(actor.organisationID, coaches: coaches.compactMap(\.id), on: request.db)
        var shown = values
        if values.isEmpty {
            shown["caseloadPerFullTime"] = String(policy.policy.caseloadPerFullTime)
            shown["fullTimeHours"] = NumberText.format(policy.policy.fullTimeHours, in: .en)
            shown["retentionMonths"] = String(policy.policy.retentionMonths)
            for coach in coaches { if let id = coach.id { shown[CaseloadSettingsForm.hoursField(id)] = NumberText.format(policy.hours(of: id), in: .en) } }
        }
        let make = FormFieldMaker(request: request, values: shown, errors: errors.byField)
        let form = FormView(id: "settings-form", url: SiteURL.caseloadSettings.path, csrfToken: request.csrfToken, sections: [
            FormSectionView(legend: request.t("settingsAgency"), fields: [
                make.field("caseloadPerFullTime", labelKey: "caseloadPerFullTime", hintKey: "caseloadPerFullTimeHint", optional: false, inputMode: "numeric"),
                make.field("fullTimeHours", labelKey: "fullTimeHours", optional: false, inputMode: "decimal"),
                make.field("retentionMonths", labelKey: "retentionMonths", hintKey: "retentionMonthsHint", optional: false, inputMode: "numeric"),
            ]),
            FormSectionView(legend: request.t("settingsCoachHours"), hint: request.t("settingsCoachHoursHint"), fields: coaches.compactMap { coach in
                guard let id = coach.id else { return nil }
                let field = CaseloadSettingsForm.hoursField(id)
                return FormFieldView(id: field, label: coach.displayName, value: shown[field] ?? "", error: errors.byField[field],
                                     optional: false, inputMode: "decimal")
            }),
        ], submitLabel: request.t("save"), readOnly: false)
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("settingsTitle"), current: .caseload),
            heading: request.t("settingsTitle"), subtitle: "", lead: request.t("settingsLead"),
            backURL: SiteURL.caseload.path, backLabel: request.t("caseloadTeamTitle"), notice: notice,
            blocks: [WorkBlock(id: "settings", heading: request.t("settingsHeading"), forms: [form])],
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.work, context, status: status)
    }

    static func saveSettings(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        guard actor.leadsTeam else { throw Abort(.forbidden) }
        var form = try request.content.decode(CaseloadSettingsForm.self)
        let coaches = try await ClientController.teamCoaches(actor, on: request.db).compactMap(\.id)
        guard let valid = form.validate(coaches: coaches) else {
            return try await renderSettings(request, actor: actor, values: form.values, errors: WorkPage.errors(request, form.problems),
                                            status: .unprocessableEntity)
        }
        let organisationID = actor.organisationID
        let chosen = valid.hours
        let (perFullTime, fullTime, retention) = (valid.perFullTime, valid.fullTimeHours, valid.retentionMonths)
        try await request.change { db in
            let policy = try await OrganisationPolicy.of(organisationID, on: db)
            policy.caseloadPerFullTime = perFullTime
            policy.fullTimeHours = fullTime
            policy.retentionMonths = retention
            try await policy.save(on: db)
            for (userID, value) in chosen {
                let row = try await CoachHours.query(on: db).filter(\.$user.$id == userID).first() ?? CoachHours()
                row.organisationID = organisationID
                row.$user.id = userID
                row.hoursPerWeek = value
                try await row.save(on: db)
            }
            try await AuditTrail(clock: request.clock).record(
                on: db, chain: .organisation(organisationID), actor: actor.user.auditName, action: "caseload.settings", subject: "organisation:\(organisationID.uuidString)",
                details: ["perFullTime": String(perFullTime), "fullTimeHours": String(fullTime), "retentionMonths": String(retention),
                          "coaches": String(chosen.count)])
        }
        return try await renderSettings(request, actor: actor, values: [:], errors: [], notice: request.t("settingsSaved"))
    }
}
