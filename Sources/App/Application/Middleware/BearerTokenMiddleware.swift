import Fluent
import Vapor

/// Signs in the user of an API token (`Authorization: Bearer ...`). Protected API routes add
/// `RequireAPIUserMiddleware`, which answers 401 JSON without one.
struct BearerTokenMiddleware: AsyncMiddleware {
    /// `last_used_at` is written at most this often, so API calls are not all writes.
    static let usageResolution: TimeInterval = 60 * 60

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            let now = request.clock.now()
            if let token = try await APIToken.query(on: request.db)
                .filter(\.$tokenHash == SecureToken.sha256(bearer.token))
                .with(\.$user).first(),
               token.user.isActive, (token.expiresAt.map { $0 > now } ?? true), token.user.role.may(.useAPI) {
                request.auth.login(token.user)
                if token.lastUsedAt.map({ now.timeIntervalSince($0) > Self.usageResolution }) ?? true {
                    token.lastUsedAt = now
                    try await token.update(on: request.db)
                }
            }
        }
        return try await next.respond(to: request)
    }
}

struct RequireAPIUserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.auth.has(User.self) else {
            throw APIProblem(status: .unauthorized,
                             message: "a valid API token is required (Authorization: Bearer <token>)",
                             headers: ["WWW-Authenticate": "Bearer"])
        }
        return try await next.respond(to: request)
    }
}
