import Fluent
import Foundation
import JobcoachCore
import NIOConcurrencyHelpers
import Vapor

/// What a mail is for.
enum MailKind: String, CaseIterable, Sendable {
    case invitation
    case passwordReset = "password-reset"
    case coachReminder = "coach-reminder"
    case certificateExpiry = "certificate-expiry"
    case complaint
}

/// A mail's words, in the recipient's language: a greeting, short paragraphs, at most one button
/// (a link), and a line saying where it comes from. The same words as plain text and as simple HTML.
/// Mail never holds health data or a client's name: it says what to do and links to the page.
struct MailContent: Sendable {
    var subject: String
    var paragraphs: [String]
    var link: (label: String, url: String)?
    var language: Language

    func text(footer: String) -> String {
        var parts = paragraphs
        if let link { parts.append("\(link.label):\n\(link.url)") }
        parts.append("-- \n\(footer)")
        return parts.joined(separator: "\n\n") + "\n"
    }

    func html(footer: String) -> String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var body = paragraphs.map { "<p>\(escaped($0))</p>" }
        if let link {
            body.append("<p><a href=\"\(escaped(link.url))\" style=\"display:inline-block;padding:10px 16px;background:#0b5cab;"
                        + "color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px\">\(escaped(link.label))</a></p>")
            body.append("<p style=\"font-size:14px;color:#4a5560\">\(escaped(link.url))</p>")
        }
        body.append("<p style=\"font-size:14px;color:#4a5560\">\(escaped(footer))</p>")
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(escaped(subject))</title></head>
            <body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1b1f23;max-width:40em">
            \(body.joined(separator: "\n"))
            </body></html>
            """
    }
}

/// Putting mail in the outbox, always inside the transaction of the change that causes it.
enum Outbox {
    /// Queues a mail; with a `onceKey`, a mail already queued under that key is not queued again
    /// (returns nil).
    @discardableResult
    static func enqueue(_ content: MailContent, to recipient: String, kind: MailKind, onceKey: String? = nil,
                        on db: any Database, app: Application) async throws -> OutboxMessage? {
        if let onceKey, try await OutboxMessage.query(on: db).filter(\.$onceKey == onceKey).count() > 0 { return nil }
        let footer = app.strings.text("mailFooter", content.language)
        let now = app.clock.now()
        let message = OutboxMessage()
        message.recipient = recipient
        message.subject = content.subject
        message.textBody = content.text(footer: footer)
        message.htmlBody = content.html(footer: footer)
        message.kind = kind.rawValue
        message.status = .queued
        message.attempts = 0
        message.nextAttemptAt = now
        message.lastError = ""
        message.onceKey = onceKey
        message.createdAt = now
        try await message.create(on: db)
        try await AuditTrail(clock: app.clock).record(on: db, chain: .administration, actor: "system", action: "mail.queued", subject: "mail:\(message.id!.uuidString)",
                                                      details: ["kind": kind.rawValue])
        return message
    }
}

/// Links that set a password. The secret goes only into the mail; its hash is stored.
enum AccountLinks {
    /// Makes a link for `user` and returns its full address.
    static func issue(_ purpose: AccountLinkPurpose, for user: User, on db: any Database, app: Application) async throws -> String {
        let token = SecureToken.random()
        let now = app.clock.now()
        let link = AccountLink()
        link.$user.id = try user.requireID()
        link.purpose = purpose.rawValue
        link.tokenHash = SecureToken.sha256(token)
        link.expiresAt = now.addingTimeInterval(purpose.validity)
        link.createdAt = now
        try await link.create(on: db)
        return app.configuration.publicURL + SiteURL.accountLink(.value(token)).path
    }

    /// The invitation to a new account: a link valid for 72 hours, queued as mail in the language
    /// of `user`. Returns the link, for the page to show when no mail server is set up.
    static func invite(_ user: User, on db: any Database, app: Application) async throws -> String {
        let url = try await issue(.invitation, for: user, on: db, app: app)
        let content = mail(to: user, url: url, subjectKey: "mailInvitationSubject", textKey: "mailInvitationText",
                           validityKey: "mailInvitationValidity", buttonKey: "mailInvitationButton", app: app)
        try await Outbox.enqueue(content, to: user.email, kind: .invitation, on: db, app: app)
        return url
    }

    /// A mail that carries a link: greeting, what it is for, how long it works, and the button.
    static func mail(to user: User, url: String, subjectKey: String, textKey: String, validityKey: String, buttonKey: String,
                     app: Application) -> MailContent {
        let language = user.language
        return MailContent(
            subject: app.strings.text(subjectKey, language),
            paragraphs: [app.strings.text("mailGreeting", ["name": user.displayName], language),
                         app.strings.text(textKey, language), app.strings.text(validityKey, language)],
            link: (app.strings.text(buttonKey, language), url), language: language)
    }
}
