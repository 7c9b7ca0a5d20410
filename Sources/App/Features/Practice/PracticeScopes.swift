import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The signed-in user as the practice sees them; 403 with a message when they belong to no agency.
enum PracticeScope: RequestScope {
    static func resolve(_ request: Request) async throws -> PracticeActor {
        let user = try request.auth.require(User.self)
        guard user.role.may(.workWithClients) else { throw Abort(.forbidden) }
        guard let actor = try await PracticeActor.of(user, on: request.db) else {
            throw Abort(.forbidden, reason: request.t("practiceNoAgency"))
        }
        return actor
    }
}

extension PracticeActor {
    /// The practice actor of a user who works with clients; nil for one in no agency.
    static func of(_ user: User, on database: any Database) async throws -> PracticeActor? {
        let userID = try user.requireID()
        guard user.role.may(.workWithClients),
              let membership = try await Membership.query(on: database).filter(\.$user.$id == userID).first() else { return nil }
        return PracticeActor(user: user, userID: userID, organisationID: membership.organisationID, teamID: membership.teamID)
    }
}

/// The client in the path (`:client`), within the actor's reach: 404 otherwise.
enum ClientScope: RequestScope {
    static func resolve(_ request: Request) async throws -> Client {
        let actor = try request.practiceActor
        guard let id = request.parameters.get("client", as: UUID.self),
              let client = try await Client.query(on: request.db).filter(\.$id == id)
                .filter(\.$organisationID == actor.organisationID).first(),
              actor.canView(client)
        else { throw Abort(.notFound) }
        return client
    }
}

/// The employer in the path (`:employer`), of the actor's agency: 404 otherwise.
enum EmployerScope: RequestScope {
    static func resolve(_ request: Request) async throws -> Employer {
        try await agencyRecord(Employer.self, parameter: "employer", organisation: \.$organisationID, request)
    }
}

/// The workplace in the path (`:workplace`), of the actor's agency: 404 otherwise.
enum WorkplaceScope: RequestScope {
    static func resolve(_ request: Request) async throws -> Workplace {
        try await agencyRecord(Workplace.self, parameter: "workplace", organisation: \.$organisationID, request)
    }
}

private func agencyRecord<M: Model>(_ type: M.Type, parameter: String, organisation: KeyPath<M, FieldProperty<M, UUID>>,
                                    _ request: Request) async throws -> M where M.IDValue == UUID {
    let actor = try request.practiceActor
    guard let id = request.parameters.get(parameter, as: UUID.self),
          let row = try await M.query(on: request.db).filter(\M._$id == id).filter(organisation == actor.organisationID).first()
    else { throw Abort(.notFound) }
    return row
}

/// Changes in a client's trajectory: only the client's own coach (403 for a team lead who only sees
/// it), and none while processing is restricted (409).
struct RequireClientWriteMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let client = try request.scopedClient
        guard try request.practiceActor.canWork(on: client) else {
            throw Abort(.forbidden, reason: request.t("practiceOnlyOwnCoach"))
        }
        // Restricted processing (GDPR article 18): the data is kept, and nothing is changed or sent.
        if let since = client.restrictedSince {
            throw Abort(.conflict, reason: request.t("privacyRestrictedRefused", ["date": WorkPage.date(since, request.language)]))
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    /// The practice actor of this request (`PracticeScope`).
    var practiceActor: PracticeActor { get throws { try scope(PracticeScope.self) } }
    /// The client of this request's path (`ClientScope`).
    var scopedClient: Client { get throws { try scope(ClientScope.self) } }
}
