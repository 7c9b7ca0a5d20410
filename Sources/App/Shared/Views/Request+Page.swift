import Vapor

extension Request {
    /// Renders a page: a Leaf template and its context. Pages that may hold personal data are not
    /// stored by browsers or proxies.
    func page<Context: Encodable>(_ template: Template, _ context: Context, status: HTTPStatus = .ok) async throws -> Response {
        let view = try await render(template, context)
        let response = try await view.encodeResponse(status: status, for: self)
        if auth.has(User.self) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }

    /// Renders a template with its context. The template is recorded first, so that the context's
    /// layout, made before, encodes only the words this template reads (`PageStrings`).
    func render<Context: Encodable>(_ template: Template, _ context: Context) async throws -> View {
        renderedTemplate.current = template
        return try await view.render(template.rawValue, context)
    }

    /// The CSRF token of this session, made on first use.
    var csrfToken: String {
        if let token = session.data["csrf"] { return token }
        let token = SecureToken.random()
        session.data["csrf"] = token
        return token
    }
}
