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
        let phase = (try? request.query.get(String.self, at: "phase")).flatMap(TrajectoryPhase.init(rawValue:))
        let pageNumber = min(max(1, (try? request.query.get(Int.self, at: "page")) ?? 1), 1_000_000)
        let model = try await CaseloadPage.Model.load(actor, phase: phase, page: pageNumber, today: request.today,
                                                      timeZone: request.application.configuration.timeZone, on: request.db)
        try await ClientAudit.readList(request, actor, "caseload.viewed", count: model.clients.count,
                                       details: ["phase": phase?.rawValue ?? "all", "page": String(pageNumber)])
        return try await request.page(.caseload, CaseloadContext(model, request: request))
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
