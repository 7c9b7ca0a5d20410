import Fluent
import Foundation
import JobcoachCore
import SQLKit
import Vapor

/// Two-factor login with an authenticator app (TOTP): the second step after the password,
/// enrolment with a QR code drawn here and ten recovery codes, and turning it off where the
/// account may. Who must have it is `TwoFactorPolicy`'s to say.
enum TwoFactorController {
    // MARK: The second step of logging in

    /// The account that gave the right password in this session, not longer ago than the policy allows.
    static func pendingUser(_ request: Request) async throws -> User? {
        guard request.hasSession, let idText = request.session.data["pendingUserID"], let id = UUID(uuidString: idText),
              let since = request.session.data["pendingSince"].flatMap(Double.init),
              request.clock.now().timeIntervalSince1970 - since <= TwoFactorPolicy.secondStepSeconds,
              let user = try await User.find(id, on: request.db), user.isActive, user.totpSecret != nil else { return nil }
        return user
    }

    /// Remembers that the password was right; the session signs in only once the code is too.
    static func startSecondStep(_ request: Request, user: User, next: String) throws {
        request.session.data["pendingUserID"] = try user.requireID().uuidString
        request.session.data["pendingSince"] = String(request.clock.now().timeIntervalSince1970)
        request.session.data["pendingNext"] = next
    }

    static func codePage(_ request: Request) async throws -> Response {
        guard try await pendingUser(request) != nil else { return request.redirect(to: SiteURL.login.path) }
        return try await request.page(.loginCode, LoginCodeContext(request: request, errors: []))
    }

    struct CodeForm: Content {
        var code: String?
    }

    static func verifyCode(_ request: Request) async throws -> Response {
        guard let user = try await pendingUser(request) else { return request.redirect(to: SiteURL.login.path) }
        let entered = (try request.content.decode(CodeForm.self).code ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let attempt = AuthController.LoginAttemptFacts(email: user.email, address: request.clientAddress,
                                                       at: request.clock.now())
        try await AuthController.refuseWhenThrottled(request, attempt)
        guard !entered.isEmpty else {
            return try await request.page(.loginCode, LoginCodeContext(request: request, errors: [
                FieldError(field: "code", message: request.t("twoFactorCodeMissing")),
            ]), status: .badRequest)
        }
        let accepted = try await request.change { db in try await accept(entered, for: user, clock: request.clock, on: db) }
        guard let method = accepted else {
            try await AuthController.recordFailure(request, attempt, user: user, reason: "wrong second factor")
            return try await request.page(.loginCode, LoginCodeContext(request: request, errors: [
                FieldError(field: "code", message: request.t("twoFactorCodeWrong")),
            ]), status: .unauthorized)
        }
        let next = request.session.data["pendingNext"] ?? ""
        try await AuthController.startSession(request, attempt, user: user, details: ["secondFactor": method])
        let start = Layout.destination(user.role.startArea).url.path
        return request.redirect(to: user.mustChangePassword ? SiteURL.changePassword.path : (next.isEmpty ? start : next))
    }

    /// Accepts a code from the app (once per time step) or an unused recovery code; says which it was.
    static func accept(_ entered: String, for user: User, clock: any AppClock, on db: any Database) async throws -> String? {
        let now = clock.now()
        guard let secret = user.totpSecret.flatMap(Base32.decode) else { return nil }
        if let step = TOTP(secret: secret).matchingStep(entered, at: now, usedUpTo: user.totpLastStep) {
            user.totpLastStep = step
            try await user.update(on: db)
            return "app"
        }
        let hash = SecureToken.sha256(RecoveryCodes.normalized(entered))
        guard let code = try await RecoveryCode.query(on: db).filter(\.$user.$id == user.requireID())
            .filter(\.$codeHash == hash).filter(\.$usedAt == nil).first() else { return nil }
        code.usedAt = now
        try await code.update(on: db)
        try await AuditTrail(clock: clock).record(on: db, chain: .administration, actor: user.auditName, action: "two-factor.recovery-code-used",
                                                             subject: user.auditName)
        return "recovery code"
    }

    // MARK: Enrolment

    /// Whether the account must have a second factor: by role, and by the agency it works in.
    static func isRequired(_ user: User, on db: any Database) async throws -> Bool {
        if TwoFactorPolicy.isRequired(for: user.role, agencyRequires: false) { return true }
        guard TwoFactorPolicy.isRequired(for: user.role, agencyRequires: true), let sql = db as? any SQLDatabase else { return false }
        // One query on every page of a coach or team lead without a second factor.
        let row = try await sql.raw("""
            SELECT o.require_two_factor FROM memberships m JOIN organisations o ON o.id = m.organisation_id
            WHERE m.user_id = \(bind: try user.requireID()) LIMIT 1
            """).first()
        return try row?.decode(column: "require_two_factor", as: Bool.self) ?? false
    }

    static func page(_ request: Request) async throws -> Response {
        try await render(request, user: try request.auth.require(User.self))
    }

    static func render(_ request: Request, user: User, errors: [FieldError] = [], recoveryCodes: [String] = [],
                       notice: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let required = try await isRequired(user, on: request.db)
        var pending: String?
        if user.totpSecret == nil {
            // A new secret until the first code confirms it; it stays in the session, not on the account.
            pending = request.session.data["totpPending"] ?? Base32.encode(randomBytes(20))
            request.session.data["totpPending"] = pending
        }
        let unused = user.totpSecret == nil ? 0
            : try await RecoveryCode.query(on: request.db).filter(\.$user.$id == user.requireID()).filter(\.$usedAt == nil).count()
        let context = try TwoFactorContext(request: request, user: user, required: required, pendingSecret: pending,
                                           unusedRecoveryCodes: unused, recoveryCodes: recoveryCodes, notice: notice, errors: errors)
        return try await request.page(.twoFactor, context, status: status)
    }

    static func enable(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        guard user.totpSecret == nil else { throw Abort(.conflict, reason: request.t("twoFactorAlreadyOn")) }
        let entered = (try request.content.decode(CodeForm.self).code ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let secretText = request.session.data["totpPending"], let secret = Base32.decode(secretText) else {
            return try await render(request, user: user, status: .conflict)
        }
        let now = request.clock.now()
        guard !entered.isEmpty, let step = TOTP(secret: secret).matchingStep(entered, at: now) else {
            let message = request.t(entered.isEmpty ? "twoFactorCodeMissing" : "twoFactorCodeWrong")
            return try await render(request, user: user, errors: [FieldError(field: "code", message: message)], status: .unprocessableEntity)
        }
        let codes = (0..<RecoveryCodes.count).map { _ in RecoveryCodes.code(from: randomBytes(7)) }
        let userID = try user.requireID()
        let keep = request.session.id.map { SecureToken.sha256($0.string) } ?? ""
        try await request.change { db in
            user.totpSecret = secretText
            user.totpEnabledAt = now
            user.totpLastStep = step
            try await user.update(on: db)
            try await replaceRecoveryCodes(codes, of: userID, at: now, on: db)
            // Turning the second factor on ends every other session, as a password change does.
            try await StoredSession.query(on: db).filter(\.$userID == userID).filter(\.$tokenHash != keep).delete()
            try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: user.auditName, action: "two-factor.enabled", subject: user.auditName)
        }
        request.session.data["totpPending"] = nil
        return try await render(request, user: user, recoveryCodes: codes, notice: request.t("twoFactorEnabled"))
    }

    /// Ten new recovery codes; the old ones stop working.
    static func newRecoveryCodes(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        guard user.totpSecret != nil else { throw Abort(.conflict, reason: request.t("twoFactorNotOn")) }
        let codes = (0..<RecoveryCodes.count).map { _ in RecoveryCodes.code(from: randomBytes(7)) }
        let userID = try user.requireID()
        try await request.change { db in
            try await replaceRecoveryCodes(codes, of: userID, at: request.clock.now(), on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: user.auditName, action: "two-factor.recovery-codes-renewed",
                                                              subject: user.auditName)
        }
        return try await render(request, user: user, recoveryCodes: codes, notice: request.t("twoFactorCodesRenewed"))
    }

    /// Turns the second factor off, with a current code; not for an account that must have it.
    static func disable(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        guard user.totpSecret != nil else { throw Abort(.conflict, reason: request.t("twoFactorNotOn")) }
        guard !(try await isRequired(user, on: request.db)) else { throw Abort(.forbidden, reason: request.t("twoFactorRequiredCannotOff")) }
        let entered = (try request.content.decode(CodeForm.self).code ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let userID = try user.requireID()
        let accepted = try await request.change { db -> String? in
            guard let method = try await accept(entered, for: user, clock: request.clock, on: db) else { return nil }
            user.totpSecret = nil
            user.totpEnabledAt = nil
            user.totpLastStep = nil
            try await user.update(on: db)
            try await RecoveryCode.query(on: db).filter(\.$user.$id == userID).delete()
            try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: user.auditName, action: "two-factor.disabled", subject: user.auditName)
            return method
        }
        guard accepted != nil else {
            let message = request.t(entered.isEmpty ? "twoFactorCodeMissing" : "twoFactorCodeWrong")
            return try await render(request, user: user, errors: [FieldError(field: "offCode", message: message)], status: .unprocessableEntity)
        }
        return try await render(request, user: user, notice: request.t("twoFactorDisabled"))
    }

    private static func replaceRecoveryCodes(_ codes: [String], of userID: UUID, at now: Date, on db: any Database) async throws {
        try await RecoveryCode.query(on: db).filter(\.$user.$id == userID).delete()
        for code in codes {
            try await RecoveryCode(userID: userID, codeHash: SecureToken.sha256(RecoveryCodes.normalized(code)), createdAt: now).create(on: db)
        }
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
