import Fluent
import Foundation
import JobcoachCore
import SQLKit
import Vapor

/// Searching the caseload (`/clients?q=`): a coach's own clients, a team lead's team, by name,
/// client number, employer or place. Each result says the phase, the coach and the next action. The
/// search is a read of the list, audited like the caseload.
enum ClientSearchController {
    static let resultLimit = 50

    /// `%text%` for a case-insensitive LIKE, with the pattern characters taken out of the text.
    static func pattern(_ text: String) -> String {
        "%" + text.lowercased().replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
    }

    static func lowerLike(_ column: SQLColumn, _ pattern: String) -> any SQLExpression {
        SQLBinaryExpression(left: SQLFunction("LOWER", args: column), op: SQLBinaryOperator.like, right: SQLBind(pattern))
    }

    /// The ids of the clients in reach that match, name first.
    static func matches(_ actor: PracticeActor, query: String, on sql: any SQLDatabase) async throws -> [UUID] {
        let like = pattern(query)
        // Clients placed at a matching employer (their running placement).
        let placed = try await sql.select().column(SQLColumn("client_id", table: Trajectory.schema))
            .from(Placement.schema)
            .join(Trajectory.schema, on: SQLColumn("id", table: Trajectory.schema), .equal, SQLColumn("trajectory_id", table: Placement.schema))
            .join(Workplace.schema, on: SQLColumn("id", table: Workplace.schema), .equal, SQLColumn("workplace_id", table: Placement.schema))
            .join(Employer.schema, on: SQLColumn("id", table: Employer.schema), .equal, SQLColumn("employer_id", table: Workplace.schema))
            .where(SQLColumn("organisation_id", table: Placement.schema), .equal, SQLBind(actor.organisationID))
            .where(SQLColumn("ended_on", table: Placement.schema), .is, SQLLiteral.null)
            .where(lowerLike(SQLColumn("name", table: Employer.schema), like))
            .limit(1_000)
            .all().map { try $0.decode(column: "client_id", as: UUID.self) }
        return try await CaseloadController.visible(sql.select(), actor)
            .column(SQLColumn("id", table: Client.schema))
            .where { group in
                var group = group.where(lowerLike(SQLColumn("name", table: Client.schema), like))
                    .orWhere(lowerLike(SQLColumn("reference", table: Client.schema), like))
                    .orWhere(lowerLike(SQLColumn("place", table: Client.schema), like))
                if !placed.isEmpty { group = group.orWhere(SQLColumn("id", table: Client.schema), .in, SQLBind.group(placed)) }
                return group
            }
            .orderBy(SQLColumn("name", table: Client.schema)).orderBy(SQLColumn("id", table: Client.schema))
            .limit(resultLimit + 1)
            .all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let query = String(((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
        var blocks: [WorkBlock] = []
        var search = WorkBlock(id: "search", heading: request.t("searchHeading"))
        search.forms = [FormView(id: "search-form", url: SiteURL.clients.path, csrfToken: "", sections: [
            FormSectionView(legend: request.t("searchLegend"), fields: [
                FormFieldMaker(request: request, values: ["q": query], errors: [:])
                    .field("q", labelKey: "searchLabel", hintKey: "searchHint", kind: "search"),
            ]),
        ], submitLabel: request.t("searchButton"), readOnly: false, method: "get")]
        blocks.append(search)
        if !query.isEmpty, let sql = request.db as? any SQLDatabase {
            let ids = try await matches(actor, query: query, on: sql)
            try await ClientAudit.readList(request, actor, "clients.searched", count: min(ids.count, resultLimit),
                                           details: ["query length": String(query.count)])
            let shown = Array(ids.prefix(resultLimit))
            let rows = try await resultRows(actor, ids: shown, request)
            var results = WorkBlock(id: "results", heading: request.t("searchResults", ["count": String(shown.count)]))
            results.tables = [TableView(id: "results-table", caption: request.t("searchCaption", ["query": query]),
                                        headers: [request.t("clientName"), request.t("clientReference"), request.t("practicePhase"),
                                                  request.t("clientCoach"), request.t("searchEmployer"), request.t("practicePlace"),
                                                  request.t("searchNext")],
                                        rows: rows, empty: request.t("searchNone"))]
            if ids.count > resultLimit { results.text = request.t("searchMore", ["count": String(resultLimit)]) }
            blocks.append(results)
        }
        let context = WorkPageContext(
            layout: Layout(request: request, title: query.isEmpty ? request.t("searchTitle") : request.t("searchTitleFor", ["query": query]),
                           current: .clients),
            heading: request.t("searchTitle"), subtitle: "", lead: request.t(actor.leadsTeam ? "searchLeadTeam" : "searchLead"),
            backURL: SiteURL.caseload.path, backLabel: request.t("navCaseload"), notice: nil, blocks: blocks, errors: [], hasErrors: false)
        return try await request.page(.work, context)
    }

    /// Name, number, phase, coach, employer, place and the next thing to do, for each found client.
    static func resultRows(_ actor: PracticeActor, ids: [UUID], _ request: Request) async throws -> [[TableView.Cell]] {
        guard !ids.isEmpty else { return [] }
        let db = request.db
        let language = request.language
        let today = request.today
        let timeZone = request.application.configuration.timeZone
        let clients = try await Client.query(on: db).filter(\.$organisationID == actor.organisationID).filter(\.$id ~~ ids).all()
        let trajectories = try await Trajectory.query(on: db).filter(\.$organisationID == actor.organisationID)
            .filter(\.$client.$id ~~ ids).filter(\.$isCurrent == true).all()
        let trajectoryOf = Dictionary(trajectories.map { ($0.$client.id, $0) }, uniquingKeysWith: { first, _ in first })
        let trajectoryIDs = trajectories.compactMap(\.id)
        let coaches = Dictionary(try await User.query(on: db).filter(\.$id ~~ Set(clients.map { $0.$coach.id })).all()
            .map { (try $0.requireID(), $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let placements = try await Placement.query(on: db).filter(\.$organisationID == actor.organisationID)
            .filter(\.$trajectory.$id ~~ trajectoryIDs).filter(\.$endedOn == nil).with(\.$workplace) { $0.with(\.$employer) }.all()
        let employerOf = Dictionary(placements.map { ($0.$trajectory.id, $0.workplace.employer.name) }, uniquingKeysWith: { first, _ in first })
        let now = request.clock.now()
        let upcoming = try await Appointment.query(on: db).filter(\.$organisationID == actor.organisationID)
            .filter(\.$trajectory.$id ~~ trajectoryIDs).filter(\.$status == AppointmentStatus.planned.rawValue)
            .filter(\.$startsAt >= now).sort(\.$startsAt).all()
        var nextAppointment: [UUID: Appointment] = [:]
        for appointment in upcoming where nextAppointment[appointment.$trajectory.id] == nil { nextAppointment[appointment.$trajectory.id] = appointment }
        let goals = try await CoachingGoal.query(on: db).filter(\.$organisationID == actor.organisationID)
            .filter(\.$trajectory.$id ~~ trajectoryIDs).filter(\.$reachedOn == nil).filter(\.$droppedOn == nil).sort(\.$dueOn).all()
        var nextGoal: [UUID: CoachingGoal] = [:]
        for goal in goals where nextGoal[goal.$trajectory.id] == nil { nextGoal[goal.$trajectory.id] = goal }
        let byID = Dictionary(clients.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { id -> [TableView.Cell]? in
            guard let client = byID[id], let trajectory = trajectoryOf[id], let trajectoryID = trajectory.id else { return nil }
            var next = request.t("searchNoNext")
            var nextURL: String? = nil
            if let appointment = nextAppointment[trajectoryID] {
                next = request.t("searchNextAppointment", [
                    "when": PracticeOptions.dateTime(appointment.startsAt, timeZone: timeZone, language: language),
                    "kind": (AppointmentKind(rawValue: appointment.kind) ?? .other).title[language],
                ])
                nextURL = SiteURL.clientSupport(.value(id)).path + "#appointments"
            } else if let goal = nextGoal[trajectoryID], let due = CalendarDate(goal.dueOn) {
                next = request.t(due < today ? "searchNextGoalLate" : "searchNextGoal", ["goal": goal.what, "date": due.text(in: language)])
                nextURL = SiteURL.clientPlan(.value(id)).path + "#goals"
            }
            return [
                TableView.Cell(text: client.name, url: SiteURL.client(.value(id)).path),
                TableView.Cell(text: client.reference.isEmpty ? "–" : client.reference),
                TableView.Cell(text: trajectory.phase.title[language]),
                TableView.Cell(text: coaches[client.$coach.id] ?? ""),
                TableView.Cell(text: employerOf[trajectoryID] ?? "–"),
                TableView.Cell(text: client.place),
                TableView.Cell(text: next, url: nextURL),
            ]
        }
    }
}
