import JobcoachCore
import Vapor

/// Lets through only users whose role has the permission (see `Role.permissions`).
struct RequirePermissionMiddleware: AsyncMiddleware {
    let permission: Permission

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.auth.get(User.self) else { throw Abort(.unauthorized) }
        guard user.role.may(permission) else { throw Abort(.forbidden) }
        return try await next.respond(to: request)
    }
}
