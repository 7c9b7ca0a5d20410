import Fluent
import Vapor

extension User: Authenticatable {}

/// Signs in the user of the browser session, if the session names an active user.
struct SessionUserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // `hasSession` is false for visitors without a session cookie: no session is made for them.
        if request.hasSession, let idText = request.session.data["userID"] {
            if let id = UUID(uuidString: idText), let user = try await User.find(id, on: request.db), user.isActive {
                request.auth.login(user)
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}
