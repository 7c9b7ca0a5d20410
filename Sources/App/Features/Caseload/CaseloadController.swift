import Fluent
import Foundation
import JobcoachCore
import SQLKit
import Vapor

/// The coach's and the team lead's list of clients.
enum CaseloadController {
    static let pageSize = 50

    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let language = request.language
        let phase = (try? request.query.get(String.self, at: "phase")).flatMap(TrajectoryPhase.init(rawValue:))
        let pageNumber = min(max(1, (try? request.query.get(Int.self, at: "page")) ?? 1), 1_000_000)

        // One scan of the caseload in narrow rows gives the counts, the page of clients, the load and
        // the lead times; the due actions read only those trajectories' records.
        let overview = try await CaseloadOverview.load(actor, today: request.today, on: request.db)
        let counts = overview.phaseCounts
        let total = phase.map { counts[$0] ?? 0 } ?? counts.values.reduce(0, +)
        let clients = overview.items.filter { phase == nil || $0.phase == phase }.dropFirst((pageNumber - 1) * pageSize).prefix(pageSize)

        var coachNames: [UUID: String] = [:]
        if actor.leadsTeam {
            let ids = Set(clients.map(\.coachID))
            if !ids.isEmpty {
                for user in try await User.query(on: request.db).filter(\.$id ~~ ids).all() {
                    if let id = user.id { coachNames[id] = user.displayName }
                }
            }
        }
        try await ClientAudit.readList(request, actor, "caseload.viewed", count: clients.count,
                                       details: ["phase": phase?.rawValue ?? "all", "page": String(pageNumber)])

        let now = request.clock.now()
        let timeZone = request.application.configuration.timeZone
        let policy = try await CaseloadPolicy.load(actor.organisationID, coaches: [actor.userID], on: request.db)
        let own = overview.items.filter { $0.coachID == actor.userID && $0.phase.countsTowardsCaseload }.count
        let load = policy.load(of: actor.userID, clients: own)
        let today = request.today
        let due = overview.items.flatMap { item in (overview.actions[item.trajectoryID] ?? []).map { (item, $0) } }
            .sorted { ($0.1.dueOn, $0.0.name) < ($1.1.dueOn, $1.0.name) }
        let actionRows = due.prefix(pageSize).map { item, action in
            CaseloadContext.ActionRow(
                client: item.name,
                clientURL: SiteURL.client(.value(item.clientID)).path,
                url: (action.kind == .goal ? SiteURL.clientPlan(.value(item.clientID)) : SiteURL.clientClosing(.value(item.clientID))).path
                    + (action.kind == .goal ? "#goals" : "#follow-ups"),
                what: action.kind == .goal ? request.t("caseloadActionGoal").replacingOccurrences(of: "{goal}", with: action.subject)
                    : request.t("caseloadActionFollowUp").replacingOccurrences(of: "{months}", with: action.subject),
                due: action.dueOn.text(in: language),
                state: action.isOverdue(on: today)
                    ? request.t("followUpOverdue").replacingOccurrences(of: "{days}", with: String(today.days(since: action.dueOn)))
                    : request.t("followUpDueSoon").replacingOccurrences(of: "{days}", with: String(action.dueOn.days(since: today))),
                overdue: action.isOverdue(on: today))
        }
        let leadTimes = overview.leadTimes(now: now).map { time in
            CaseloadContext.LeadTimeRow(phase: time.phase.title[language], clients: time.clients,
                                        average: PracticeOptions.days(time.averageDays, request), longest: PracticeOptions.days(time.longestDays, request))
        }
        _ = timeZone
        let rows = clients.map { client in
            let days = TrajectoryTimeline.daysInPhase(since: client.phaseSince, now: now)
            return CaseloadContext.Row(
                name: client.name, url: SiteURL.client(.value(client.clientID)).path,
                phase: client.phase.title[language],
                daysInPhase: PracticeOptions.days(days, request),
                started: CalendarDate(client.startedAt, in: request.application.configuration.timeZone).text(in: language),
                coach: coachNames[client.coachID] ?? "")
        }
        var filters = [CaseloadContext.PhaseFilter(label: request.t("practiceAllPhases"), count: counts.values.reduce(0, +),
                                                   url: SiteURL.caseload.path, current: phase == nil)]
        for candidate in TrajectoryPhase.allCases {
            filters.append(CaseloadContext.PhaseFilter(
                label: candidate.title[language], count: counts[candidate] ?? 0,
                url: SiteURL.caseload.path(query: [("phase", candidate.rawValue)]), current: candidate == phase))
        }
        func link(_ number: Int) -> String {
            SiteURL.caseload.path(query: (phase.map { [("phase", $0.rawValue)] } ?? []) + [("page", String(number))])
        }
        let pages = max(1, (total + pageSize - 1) / pageSize)
        let context = CaseloadContext(
            layout: Layout(request: request, title: request.t(actor.leadsTeam ? "caseloadTeamTitle" : "caseloadTitle"), current: .caseload),
            load: CaseloadPolicy.text(load, request), loadPercentage: min(load.percentage, 200), loadOver: load.isOver,
            loadNote: request.t(load.isOver ? "caseloadOver" : "caseloadPlacesLeft").replacingOccurrences(of: "{places}", with: String(load.placesLeft))
                .replacingOccurrences(of: "{hours}", with: NumberText.format(policy.hours(of: actor.userID), in: language))
                .replacingOccurrences(of: "{perFullTime}", with: String(policy.policy.caseloadPerFullTime)),
            actions: Array(actionRows),
            actionsMore: due.count > pageSize ? request.t("caseloadActionsMore").replacingOccurrences(of: "{count}", with: String(due.count - pageSize)) : "",
            leadTimes: leadTimes,
            teamURL: actor.leadsTeam ? SiteURL.teamCaseload.path : nil,
            csvURL: SiteURL.caseloadCSV.path,
            settingsURL: actor.leadsTeam ? SiteURL.caseloadSettings.path : nil,
            heading: request.t(actor.leadsTeam ? "caseloadTeamTitle" : "caseloadTitle"),
            lead: request.t(actor.leadsTeam ? "caseloadTeamLead" : "caseloadLead"),
            rows: rows, showCoach: actor.leadsTeam, phases: filters, total: total,
            newClientURL: SiteURL.clientNew.path, employersURL: SiteURL.employers.path, commissionersURL: SiteURL.commissioners.path,
            previousURL: pageNumber > 1 ? link(pageNumber - 1) : nil,
            nextURL: pageNumber < pages ? link(pageNumber + 1) : nil,
            pageText: request.t("pageOf").replacingOccurrences(of: "{page}", with: String(pageNumber)).replacingOccurrences(of: "{pages}", with: String(pages)))
        return try await request.page(.caseload, context)
    }

    /// The clients the actor may see (`PracticeActor.visibleClients`, in SQL) joined to their current
    /// trajectory. The agency's id on both sides lets the join use the trajectories' index per client.
    static func visible(_ select: SQLSelectBuilder, _ actor: PracticeActor) -> SQLSelectBuilder {
        select
            .from(Client.schema)
            .join(Trajectory.schema, on: SQLColumn("client_id", table: Trajectory.schema), .equal, SQLColumn("id", table: Client.schema))
            .where(SQLColumn("is_current", table: Trajectory.schema), .equal, SQLBind(true))
            .where(SQLColumn("organisation_id", table: Trajectory.schema), .equal, SQLBind(actor.organisationID))
            .where(SQLColumn("organisation_id", table: Client.schema), .equal, SQLBind(actor.organisationID))
            .where { group in
                if actor.leadsTeam, let teamID = actor.teamID {
                    return group.where(SQLColumn("coach_id", table: Client.schema), .equal, SQLBind(actor.userID))
                        .orWhere(SQLColumn("team_id", table: Client.schema), .equal, SQLBind(teamID))
                }
                return group.where(SQLColumn("coach_id", table: Client.schema), .equal, SQLBind(actor.userID))
            }
    }
}
