import Vapor

/// Pages for signed-in users: others go to the login page and come back after. A user who must
/// replace a one-time password is sent to do that first.
struct RequireUserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.auth.get(User.self) else {
            let back = request.url.path + (request.url.query.map { "?\($0)" } ?? "")
            return request.redirect(to: SiteURL.login.path(query: [("next", back)]))
        }
        if user.mustChangePassword, request.url.path != SiteURL.changePassword.path {
            return request.redirect(to: SiteURL.changePassword.path)
        }
        // Someone who must have a second factor sets it up before anything else.
        if user.totpSecret == nil, !request.url.path.hasPrefix(SiteURL.twoFactor.path),
           try await TwoFactorController.isRequired(user, on: request.db) {
            return request.redirect(to: SiteURL.twoFactor.path)
        }
        return try await next.respond(to: request)
    }
}
