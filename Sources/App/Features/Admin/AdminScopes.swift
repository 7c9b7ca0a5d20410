import Fluent
import Foundation
import Vapor

/// An agency by the id in the path, for the administrator (the route group requires
/// `manageOrganisations`); 404 when there is none.
enum OrganisationScope: RequestScope {
    static func resolve(_ request: Request) async throws -> Organisation {
        guard let id = request.parameters.get("organisation", as: UUID.self), let organisation = try await Organisation.find(id, on: request.db)
        else { throw Abort(.notFound) }
        return organisation
    }
}

/// An account by the id in the path, for the user administrator (the route group requires
/// `manageUsers`); 404 when there is none.
enum AccountScope: RequestScope {
    static func resolve(_ request: Request) async throws -> User {
        guard let id = request.parameters.get("user", as: UUID.self), let user = try await User.find(id, on: request.db)
        else { throw Abort(.notFound) }
        return user
    }
}
