import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Who looks at outcome figures, and over whom: a coach over their own clients, a team lead over the
/// team, an agency manager over the whole agency.
struct OutcomeViewer: Sendable {
    enum Reach: Sendable, Equatable {
        case coach
        case team(UUID)
        case agency
    }

    let user: User
    let userID: UUID
    let organisationID: UUID
    let reach: Reach

    /// Names whom the viewer sees: viewers with the same key see the same figures.
    var reachKey: String {
        switch reach {
        case .coach: "coach:\(userID)"
        case .team(let team): "team:\(team)"
        case .agency: "agency:\(organisationID)"
        }
    }

    func sees(_ trajectory: OutcomeData.Trajectory) -> Bool {
        switch reach {
        case .coach: trajectory.coachID == userID
        case .team(let team): trajectory.teamID == team
        case .agency: true
        }
    }

    /// Records an aggregate read: no client is named, but the figures come from client data.
    func audit(_ request: Request, _ action: String, details: [String: String] = [:]) async throws {
        var entry = details
        entry["organisation"] = organisationID.uuidString
        try await request.auditRead(chain: .organisation(organisationID), actor: user.auditName, action: action, subject: user.auditName,
                                    details: entry)
    }
}

/// Resolves the viewer from the role and the membership; 403 for anyone else.
enum OutcomesScope: RequestScope {
    static func resolve(_ request: Request) async throws -> OutcomeViewer {
        let user = try request.auth.require(User.self)
        guard user.role.may(.workWithClients) || user.role.may(.viewAgencyOutcomes) else { throw Abort(.forbidden) }
        let userID = try user.requireID()
        guard let membership = try await Membership.query(on: request.db).filter(\.$user.$id == userID).first() else {
            throw Abort(.forbidden, reason: request.t("practiceNoAgency"))
        }
        let reach: OutcomeViewer.Reach
        if user.role.may(.viewAgencyOutcomes) {
            reach = .agency
        } else if user.role.may(.leadTeam), let team = membership.teamID {
            reach = .team(team)
        } else {
            reach = .coach
        }
        return OutcomeViewer(user: user, userID: userID, organisationID: membership.organisationID, reach: reach)
    }
}

extension Request {
    var outcomeViewer: OutcomeViewer {
        get throws { try scope(OutcomesScope.self) }
    }
}
