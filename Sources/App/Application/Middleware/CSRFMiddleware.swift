import Vapor

/// Refuses a form post that does not carry this session's CSRF token (hidden field `_csrf` or
/// header `X-CSRF-Token`), so another site cannot make a signed-in browser change anything.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else {
            return try await next.respond(to: request)
        }
        // Routes collect their body after middleware; the token is in the body, so collect it here,
        // with room for evidence files in multipart forms.
        if request.body.data == nil {
            let multipart = request.headers.contentType?.type == "multipart"
            let limit = multipart ? EvidenceUpload.maximumBytes + 1_048_576 : request.application.routes.defaultMaxBodySize.value
            _ = try await request.body.collect(max: limit).get()
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
