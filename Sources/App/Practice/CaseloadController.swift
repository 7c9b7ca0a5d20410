import Fluent
import Foundation
import JobcoachCore
import SQLKit
import Vapor

/// The coach's and the team lead's list of clients.
enum CaseloadController {
    static let pageSize = 50

    static func page(_ request: Request) async throws -> Response {
        let actor = try await PracticeActor.of(request)
        let language = request.language
        let phase = (try? request.query.get(String.self, at: "phase")).flatMap(TrajectoryPhase.init(rawValue:))
        let pageNumber = max(1, (try? request.query.get(Int.self, at: "page")) ?? 1)

        var query = actor.visibleClients(on: request.db)
            .join(Trajectory.self, on: \Trajectory.$client.$id == \Client.$id)
            .filter(Trajectory.self, \.$isCurrent == true)
        if let phase { query = query.filter(Trajectory.self, \.$phaseName == phase.rawValue) }
        let total = try await query.count()
        let clients = try await query.sort(\.$name).sort(\.$id)
            .range(((pageNumber - 1) * pageSize)..<(pageNumber * pageSize))
            .all()
        let counts = try await phaseCounts(actor, on: request.db)

        var coachNames: [UUID: String] = [:]
        if actor.leadsTeam {
            let ids = Set(clients.map { $0.$coach.id })
            if !ids.isEmpty {
                for user in try await User.query(on: request.db).filter(\.$id ~~ ids).all() {
                    if let id = user.id { coachNames[id] = user.displayName }
                }
            }
        }
        try await ClientAudit.readList(request, actor, "caseload.viewed", count: clients.count,
                                       details: ["phase": phase?.rawValue ?? "all", "page": String(pageNumber)])

        let now = request.clock.now()
        let rows = try clients.map { client in
            let trajectory = try client.joined(Trajectory.self)
            let days = Int(max(0, now.timeIntervalSince(trajectory.phaseSince)) / 86_400)
            return CaseloadContext.Row(
                name: client.name, url: SiteURL.client(.value(try client.requireID())).path,
                phase: trajectory.phase.title[language],
                daysInPhase: request.t(days == 1 ? "practiceDay" : "practiceDays").replacingOccurrences(of: "{days}", with: NumberText.format(days, in: language)),
                started: CalendarDate(trajectory.startedAt, in: request.application.configuration.timeZone).text(in: language),
                coach: coachNames[client.$coach.id] ?? "")
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
            heading: request.t(actor.leadsTeam ? "caseloadTeamTitle" : "caseloadTitle"),
            lead: request.t(actor.leadsTeam ? "caseloadTeamLead" : "caseloadLead"),
            rows: rows, showCoach: actor.leadsTeam, phases: filters, total: total,
            newClientURL: SiteURL.clientNew.path, employersURL: SiteURL.employers.path, commissionersURL: SiteURL.commissioners.path,
            previousURL: pageNumber > 1 ? link(pageNumber - 1) : nil,
            nextURL: pageNumber < pages ? link(pageNumber + 1) : nil,
            pageText: request.t("pageOf").replacingOccurrences(of: "{page}", with: String(pageNumber)).replacingOccurrences(of: "{pages}", with: String(pages)))
        return try await request.page("caseload", context)
    }

    /// How many of the actor's clients are in each phase (one grouped query).
    static func phaseCounts(_ actor: PracticeActor, on database: any Database) async throws -> [TrajectoryPhase: Int] {
        guard let sql = database as? any SQLDatabase else { return [:] }
        let rows = try await sql.select()
            .column(SQLColumn("phase", table: Trajectory.schema))
            .column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n")))
            .from(Client.schema)
            .join(Trajectory.schema, on: SQLColumn("client_id", table: Trajectory.schema), .equal, SQLColumn("id", table: Client.schema))
            .where(SQLColumn("is_current", table: Trajectory.schema), .equal, SQLBind(true))
            .where(SQLColumn("organisation_id", table: Client.schema), .equal, SQLBind(actor.organisationID))
            .where { group in
                if actor.leadsTeam, let teamID = actor.teamID {
                    return group.where(SQLColumn("coach_id", table: Client.schema), .equal, SQLBind(actor.userID))
                        .orWhere(SQLColumn("team_id", table: Client.schema), .equal, SQLBind(teamID))
                }
                return group.where(SQLColumn("coach_id", table: Client.schema), .equal, SQLBind(actor.userID))
            }
            .groupBy(SQLColumn("phase", table: Trajectory.schema))
            .all()
        var counts: [TrajectoryPhase: Int] = [:]
        for row in rows {
            if let phase = TrajectoryPhase(rawValue: try row.decode(column: "phase", as: String.self)) {
                counts[phase] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }
}
