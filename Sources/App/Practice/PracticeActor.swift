import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The signed-in user as the practice sees them: their agency and team, and the one place that
/// decides which clients they may see and change (the role-level part is `Role.permissions`).
/// A job coach sees and works on their own caseload; a team lead also sees their team's clients and
/// assigns them to coaches. Everything is inside one agency: every query filters by its id.
struct PracticeActor: Sendable {
    let user: User
    let userID: UUID
    let organisationID: UUID
    let teamID: UUID?

    var leadsTeam: Bool { user.role.may(.leadTeam) && teamID != nil }

    /// The actor of a request; 403 with a message when the user belongs to no agency.
    static func of(_ request: Request) async throws -> PracticeActor {
        let user = try request.auth.require(User.self)
        guard user.role.may(.workWithClients) else { throw Abort(.forbidden) }
        let userID = try user.requireID()
        guard let membership = try await Membership.query(on: request.db).filter(\.$user.$id == userID).first() else {
            throw Abort(.forbidden, reason: request.t("practiceNoAgency"))
        }
        return PracticeActor(user: user, userID: userID, organisationID: membership.organisationID, teamID: membership.teamID)
    }

    /// The clients this actor may see.
    func visibleClients(on database: any Database) -> QueryBuilder<Client> {
        let query = Client.query(on: database).filter(\.$organisationID == organisationID)
        if leadsTeam, let teamID {
            return query.group(.or) { $0.filter(\.$coach.$id == userID).filter(\.$teamID == teamID) }
        }
        return query.filter(\.$coach.$id == userID)
    }

    func canView(_ client: Client) -> Bool {
        guard client.organisationID == organisationID else { return false }
        return client.$coach.id == userID || (leadsTeam && client.teamID == teamID)
    }

    /// Only the client's own coach writes in the trajectory.
    func canWork(on client: Client) -> Bool {
        client.organisationID == organisationID && client.$coach.id == userID
    }

    /// The team lead assigns the team's clients to the team's coaches.
    func canAssign(_ client: Client) -> Bool {
        client.organisationID == organisationID && leadsTeam && client.teamID == teamID
    }

    /// A client by the id in the path: 404 when it does not exist or this actor may not see it,
    /// so that ids of other caseloads reveal nothing.
    func client(_ request: Request) async throws -> Client {
        guard let id = request.parameters.get("client", as: UUID.self),
              let client = try await Client.query(on: request.db).filter(\.$id == id).filter(\.$organisationID == organisationID).first(),
              canView(client)
        else { throw Abort(.notFound) }
        return client
    }

    /// A client this actor works on; 403 for a team lead who only sees it.
    func workableClient(_ request: Request) async throws -> Client {
        let client = try await client(request)
        guard canWork(on: client) else { throw Abort(.forbidden, reason: request.t("practiceOnlyOwnCoach")) }
        return client
    }

    /// A record of this agency by the id in the path, or 404.
    func record<M: Model>(_ type: M.Type, parameter: String, organisation: KeyPath<M, FieldProperty<M, UUID>>,
                          on request: Request) async throws -> M where M.IDValue == UUID {
        guard let id = request.parameters.get(parameter, as: UUID.self),
              let row = try await M.query(on: request.db).filter(\M._$id == id).filter(organisation == organisationID).first()
        else { throw Abort(.notFound) }
        return row
    }
}
