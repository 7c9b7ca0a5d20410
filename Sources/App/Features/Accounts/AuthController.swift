import Fluent
import JobcoachCore
import Vapor

/// Logging in and out, and changing one's password.
enum AuthController {
    struct LoginForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    static func loginPage(_ request: Request) async throws -> Response {
        if let user = request.auth.get(User.self) { return request.redirect(to: Layout.destination(user.role.startArea).url.path) }
        let next = safeNext((try? request.query.get(String.self, at: "next")) ?? "")
        return try await request.page(.login, LoginContext(request: request, next: next))
    }

    static func login(_ request: Request) async throws -> Response {
        let form = try request.content.decode(LoginForm.self)
        let email = User.normalize(email: form.email ?? "")
        let password = form.password ?? ""
        let next = safeNext(form.next ?? "")
        var errors: [FieldError] = []
        if email.isEmpty { errors.append(FieldError(field: "email", message: request.t("loginEmailMissing"))) }
        if password.isEmpty { errors.append(FieldError(field: "password", message: request.t("loginPasswordMissing"))) }
        guard errors.isEmpty else {
            return try await request.page(.login, LoginContext(request: request, email: email, next: next, errors: errors),
                                          status: .badRequest)
        }
        let attempt = LoginAttemptFacts(email: email, address: request.clientAddress, at: request.clock.now())
        try await refuseWhenThrottled(request, attempt)
        let user = try await User.query(on: request.db).filter(\.$email == email).first()
        // Hash even when the account does not exist, so response time does not tell which accounts exist.
        let valid = try await request.application.accounts.verify(password, hash: user?.passwordHash ?? Self.decoyHash)
        guard let user, valid, user.isActive else {
            try await recordFailure(request, attempt, user: user, reason: user == nil ? "unknown account" : (valid ? "account deactivated" : "wrong password"))
            let failed = [FieldError(field: "email", message: request.t("loginFailed"))]
            return try await request.page(.login, LoginContext(request: request, email: email, next: next, errors: failed),
                                          status: .unauthorized)
        }
        if user.totpSecret != nil {
            // The password was right; the session signs in once the second factor is too.
            try await recordPasswordAccepted(request, attempt, user: user)
            try TwoFactorController.startSecondStep(request, user: user, next: next)
            return request.redirect(to: SiteURL.loginCode.path)
        }
        try await startSession(request, attempt, user: user)
        let start = Layout.destination(user.role.startArea).url.path
        return request.redirect(to: user.mustChangePassword ? SiteURL.changePassword.path : (next.isEmpty ? start : next))
    }

    /// Who tries to sign in, from where, when.
    struct LoginAttemptFacts: Sendable {
        let email: String
        let address: String
        let at: Date
    }

    /// 429 with the minutes to wait when this account is locked from this address; a pause first
    /// when the address or the account is being slowed (`LoginThrottlePolicy`).
    static func refuseWhenThrottled(_ request: Request, _ attempt: LoginAttemptFacts) async throws {
        let throttle = LoginThrottle(policy: request.application.configuration.loginThrottlePolicy)
        let failures = try await throttle.failures(email: attempt.email, address: attempt.address, now: attempt.at, on: request.db)
        switch throttle.policy.verdict(email: attempt.email, address: attempt.address, at: attempt.at, failures: failures) {
        case .proceed(let delay):
            if delay > 0 { try await request.clock.pause(seconds: delay) }
        case .locked(let wait):
            _ = try await request.change { db in
                try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: attempt.email, action: "login.refused",
                                                                  details: ["address": attempt.address, "reason": "locked from this address"])
            }
            var headers = HTTPHeaders()
            headers.add(name: .retryAfter, value: String(wait))
            throw Abort(.tooManyRequests, headers: headers,
                        reason: request.t("loginThrottled", ["minutes": String(max(1, (wait + 59) / 60))]))
        }
    }

    /// Counts the failure, and logs each throttle it switches on.
    static func recordFailure(_ request: Request, _ attempt: LoginAttemptFacts, user: User?, reason: String) async throws {
        let throttle = LoginThrottle(policy: request.application.configuration.loginThrottlePolicy)
        try await request.change { db in
            try await LoginAttempt(email: attempt.email, address: attempt.address, succeeded: false, attemptedAt: attempt.at).create(on: db)
            let trail = AuditTrail(clock: request.clock)
            try await trail.record(on: db, chain: .administration, actor: attempt.email, action: "login.failed", subject: user?.auditName ?? "",
                                   details: ["address": attempt.address, "reason": reason])
            let failures = try await throttle.failures(email: attempt.email, address: attempt.address, now: attempt.at, on: db)
            let failure = LoginFailure(email: attempt.email, address: attempt.address, at: attempt.at)
            for onset in throttle.policy.onsets(of: failure, failures: failures) {
                try await trail.record(on: db, chain: .administration, actor: attempt.email, action: onset.rawValue, subject: user?.auditName ?? "",
                                       details: ["address": attempt.address, "windowMinutes": String(Int(throttle.policy.window / 60))])
            }
        }
    }

    private static func recordPasswordAccepted(_ request: Request, _ attempt: LoginAttemptFacts, user: User) async throws {
        _ = try await request.change { db in
            try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: user.auditName, action: "login.password-accepted",
                                                              subject: user.auditName, details: ["address": attempt.address])
        }
    }

    /// Records the login and starts a new session for the user.
    static func startSession(_ request: Request, _ attempt: LoginAttemptFacts, user: User, details: [String: String] = [:]) async throws {
        let userID = try user.requireID()
        try await request.change { db in
            try await LoginAttempt(email: attempt.email, address: attempt.address, succeeded: true, attemptedAt: attempt.at).create(on: db)
            user.lastLoginAt = attempt.at
            // Mail and feeds speak the language the user signs in with.
            user.languageCode = request.language.rawValue
            try await user.update(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: user.auditName, action: "login", subject: user.auditName,
                                                              details: details.merging(["address": attempt.address]) { _, new in new })
        }
        // A new session id at login, so an id planted before login is worth nothing after it.
        if let old = request.session.id {
            try await request.application.sessions.driver.deleteSession(old, for: request).get()
        }
        request.session.id = nil
        request.session.data = SessionData()
        request.session.data["userID"] = userID.uuidString
        request.session.data["csrf"] = SecureToken.random()
    }

    static func logout(_ request: Request) async throws -> Response {
        if let user = request.auth.get(User.self) {
            _ = try await request.change { db in
                try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: user.auditName, action: "logout",
                                                                  subject: user.auditName)
            }
        }
        request.auth.logout(User.self)
        request.session.destroy()
        return request.redirect(to: SiteURL.home.path)
    }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirm: String?
    }

    static func changePasswordPage(_ request: Request) async throws -> Response {
        try await request.page(.changePassword, ChangePasswordContext(request: request))
    }

    static func changePassword(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let form = try request.content.decode(PasswordForm.self)
        let current = form.current ?? "", new = form.new ?? "", confirm = form.confirm ?? ""
        var errors: [FieldError] = []
        let accounts = request.application.accounts
        if current.isEmpty {
            errors.append(FieldError(field: "current", message: request.t("passwordCurrentMissing")))
        } else if !(try await accounts.verify(current, hash: user.passwordHash)) {
            errors.append(FieldError(field: "current", message: request.t("passwordCurrentWrong")))
        }
        if let problemKey = PasswordPolicy.problemKey(new, email: user.email) {
            errors.append(FieldError(field: "new", message: request.t(problemKey, ["min": String(PasswordPolicy.minimumLength)])))
        } else if new == current {
            errors.append(FieldError(field: "new", message: request.t("passwordUnchanged")))
        }
        if confirm != new { errors.append(FieldError(field: "confirm", message: request.t("passwordMismatch"))) }
        guard errors.isEmpty else {
            return try await request.page(.changePassword, ChangePasswordContext(request: request, errors: errors),
                                          status: .badRequest)
        }
        let hash = try await accounts.hash(new)
        let userID = try user.requireID()
        let keep = request.session.id.map { SecureToken.sha256($0.string) } ?? ""
        try await request.change { db in
            user.passwordHash = hash
            user.mustChangePassword = false
            try await user.update(on: db)
            // Other browsers signed in with the old password are signed out.
            try await StoredSession.query(on: db).filter(\.$userID == userID).filter(\.$tokenHash != keep).delete()
            try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: user.auditName, action: "password.changed",
                                                              subject: user.auditName)
        }
        return try await request.page(.changePassword, ChangePasswordContext(request: request, done: true))
    }

    /// Only a path on this site: `next=https://evil.example` must not send anyone away.
    static func safeNext(_ next: String) -> String {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.contains("\n") else { return "" }
        return next
    }

    /// A bcrypt hash of a random string, compared against when the account does not exist.
    static let decoyHash = (try? Bcrypt.hash(SecureToken.random(), cost: 12)) ?? ""
}
