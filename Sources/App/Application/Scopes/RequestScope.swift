import Vapor

/// What a group of routes works on, resolved from the request once by `ScopeMiddleware` and kept on
/// the request for its handlers: the signed-in actor, or a record by the id in the path. A resolver
/// throws 404 for a record that does not exist or is out of the user's reach, so that ids of other
/// people's records reveal nothing.
protocol RequestScope {
    associatedtype Value: Sendable
    static func resolve(_ request: Request) async throws -> Value
}

/// Resolves one scope before the route's handler runs.
struct ScopeMiddleware<Scope: RequestScope>: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.storage[ScopeStorageKey<Scope>.self] = try await Scope.resolve(request)
        return try await next.respond(to: request)
    }
}

private struct ScopeStorageKey<Scope: RequestScope>: StorageKey {
    typealias Value = Scope.Value
}

extension Request {
    /// The value `ScopeMiddleware<Scope>` resolved for this request. A handler that asks for a scope
    /// its route group does not resolve is a wiring error, not the user's.
    func scope<Scope: RequestScope>(_: Scope.Type) throws -> Scope.Value {
        guard let value = storage[ScopeStorageKey<Scope>.self] else {
            throw Abort(.internalServerError, reason: "\(Scope.self) is not resolved for this route")
        }
        return value
    }
}

extension RoutesBuilder {
    /// Routes whose handlers read `Scope`.
    func scoped<Scope: RequestScope>(_: Scope.Type) -> any RoutesBuilder {
        grouped(ScopeMiddleware<Scope>())
    }
}
