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
}
