import Vapor

/// Refuses a form post that does not carry this session's CSRF token (hidden field `_csrf` or
/// header `X-CSRF-Token`), so another site cannot make a signed-in browser change anything.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else {
            return try await next.respond(to: request)
        }
        let expected = request.hasSession ? request.session.data["csrf"] : nil
        let provided = request.headers.first(name: "X-CSRF-Token")
            ?? (try? request.content.get(String.self, at: "_csrf"))
        guard let expected, let provided, SecureToken.constantTimeEquals(expected, provided) else {
            throw Abort(.forbidden, reason: request.t("errorCSRF"))
        }
        return try await next.respond(to: request)
    }
}
