import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Setting a password from a link sent by mail: asking for a reset (every role, the same answer
/// whether the address is known or not), and the page a link opens (an invitation or a reset) where
/// the person chooses their password. A link works once and only until it expires.
enum AccountLinkController {
    struct ResetForm: Content {
        var email: String?
    }

    static func resetPage(_ request: Request) async throws -> Response {
        try await request.page(.passwordReset, PasswordResetContext(request: request))
    }

    static func requestReset(_ request: Request) async throws -> Response {
        let email = User.normalize(email: try request.content.decode(ResetForm.self).email ?? "")
        guard AccountService.isPlausibleEmail(email) else {
            return try await request.page(.passwordReset, PasswordResetContext(
                request: request, email: email, errors: [FieldError(field: "email", message: request.t("resetEmailInvalid"))]),
                status: .badRequest)
        }
        let app = request.application
        let audit = AuditTrail(clock: request.clock)
        if let user = try await User.query(on: request.db).filter(\.$email == email).filter(\.$isActive == true).first() {
            let since = request.clock.now().addingTimeInterval(-3_600)
            let recent = try await AccountLink.query(on: request.db).filter(\.$user.$id == user.id!)
                .filter(\.$purpose == AccountLinkPurpose.passwordReset.rawValue).filter(\.$createdAt > since).count()
            try await request.change { db in
                guard recent < AccountLinkPurpose.resetRequestsPerHour else {
                    try await audit.record(on: db, chain: .administration, actor: "anonymous", action: "password.reset-limited", subject: user.auditName)
                    return
                }
                let url = try await AccountLinks.issue(.passwordReset, for: user, on: db, app: app)
                let content = AccountLinks.mail(to: user, url: url, subjectKey: "mailResetSubject", textKey: "mailResetText",
                                                validityKey: "mailResetValidity", buttonKey: "mailResetButton", app: app)
                try await Outbox.enqueue(content, to: user.email, kind: .passwordReset, on: db, app: app)
                try await audit.record(on: db, chain: .administration, actor: "anonymous", action: "password.reset-requested", subject: user.auditName)
            }
        } else {
            // Recorded without the address: it may belong to someone who has no account.
            try await request.change { db in
                try await audit.record(on: db, chain: .administration, actor: "anonymous", action: "password.reset-unknown", subject: "user:unknown")
            }
        }
        return try await request.page(.passwordReset, PasswordResetContext(request: request, sent: true))
    }

    /// The link of the path, when it can still be used; nil otherwise (the page says so, 410).
    private static func usableLink(_ request: Request) async throws -> AccountLink? {
        let token = request.parameters.get("token") ?? ""
        guard let link = try await AccountLink.query(on: request.db).filter(\.$tokenHash == SecureToken.sha256(token)).with(\.$user).first(),
              AccountLinkPurpose.isUsable(expiresAt: link.expiresAt, usedAt: link.usedAt, now: request.clock.now()),
              link.user.isActive
        else { return nil }
        return link
    }

    static func linkPage(_ request: Request) async throws -> Response {
        guard let link = try await usableLink(request) else {
            return try await request.page(.choosePassword, ChoosePasswordContext(request: request, link: nil), status: .gone)
        }
        return try await request.page(.choosePassword, ChoosePasswordContext(request: request, link: link))
    }

    static func choosePassword(_ request: Request) async throws -> Response {
        guard let link = try await usableLink(request) else {
            try await request.change { db in
                try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: "anonymous", action: "password.link-refused", subject: "user:unknown")
            }
            return try await request.page(.choosePassword, ChoosePasswordContext(request: request, link: nil), status: .gone)
        }
        let form = try request.content.decode(AuthController.PasswordForm.self)
        let new = form.new ?? "", confirm = form.confirm ?? ""
        let user = link.user
        var errors: [FieldError] = []
        if let problemKey = PasswordPolicy.problemKey(new, email: user.email) {
            errors.append(FieldError(field: "new", message: request.t(problemKey, ["min": String(PasswordPolicy.minimumLength)])))
        }
        if confirm != new { errors.append(FieldError(field: "confirm", message: request.t("passwordMismatch"))) }
        guard errors.isEmpty else {
            return try await request.page(.choosePassword, ChoosePasswordContext(request: request, link: link, errors: errors), status: .badRequest)
        }
        let hash = try await request.application.accounts.hash(new)
        let userID = try user.requireID()
        let now = request.clock.now()
        try await request.change { db in
            user.passwordHash = hash
            user.mustChangePassword = false
            try await user.update(on: db)
            // This link and every other open link of the person stop working; so do their sessions.
            try await AccountLink.query(on: db).filter(\.$user.$id == userID).filter(\.$usedAt == nil).set(\.$usedAt, to: now).update()
            try await StoredSession.query(on: db).filter(\.$userID == userID).delete()
            let action = link.purpose == AccountLinkPurpose.invitation.rawValue ? "user.invitation-accepted" : "password.reset"
            try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: user.auditName, action: action, subject: user.auditName)
        }
        return try await request.page(.choosePassword, ChoosePasswordContext(request: request, link: link, done: true))
    }
}

struct PasswordResetContext: Encodable {
    var layout: Layout
    var formURL: String
    var csrfToken: String
    var email: String
    var sent: Bool
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]

    init(request: Request, email: String = "", sent: Bool = false, errors: [FieldError] = []) {
        layout = Layout(request: request, title: request.t("resetTitle"))
        formURL = SiteURL.passwordReset.path
        csrfToken = request.csrfToken
        self.email = email
        self.sent = sent
        self.errors = errors
        hasErrors = !errors.isEmpty
        fieldErrors = errors.byField
    }
}

struct ChoosePasswordContext: Encodable {
    var layout: Layout
    var usable: Bool
    var invitation: Bool
    var email: String
    var formURL: String
    var csrfToken: String
    var minimumLength: Int
    var done: Bool
    var loginURL: String
    var resetURL: String
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]

    init(request: Request, link: AccountLink?, errors: [FieldError] = [], done: Bool = false) {
        let invitation = link?.purpose == AccountLinkPurpose.invitation.rawValue
        let title = request.t(link == nil ? "linkUnusableTitle" : invitation ? "linkWelcomeTitle" : "linkResetTitle")
        layout = Layout(request: request, title: title)
        usable = link != nil
        self.invitation = invitation
        email = link?.user.email ?? ""
        formURL = request.url.path
        csrfToken = request.csrfToken
        minimumLength = PasswordPolicy.minimumLength
        self.done = done
        loginURL = SiteURL.login.path
        resetURL = SiteURL.passwordReset.path
        self.errors = errors
        hasErrors = !errors.isEmpty
        fieldErrors = errors.byField
    }
}
