import Vapor

extension Request {
    /// Renders a page: a Leaf template and its context. Pages that may hold personal data are not
    /// stored by browsers or proxies.
    func page<Context: Encodable>(_ template: Template, _ context: Context, status: HTTPStatus = .ok) async throws -> Response {
        let view = try await view.render(template.rawValue, context)
        let response = try await view.encodeResponse(status: status, for: self)
        if auth.has(User.self) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }

    /// The CSRF token of this session, made on first use.
    var csrfToken: String {
        if let token = session.data["csrf"] { return token }
        let token = SecureToken.random()
        session.data["csrf"] = token
        return token
    }
}
