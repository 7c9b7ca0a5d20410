import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The administrator's view of the outbox: whether a mail server is set up, how many messages wait,
/// went or failed, and the failed ones with the server's answer, each of which can be tried again.
/// The bodies are never shown: they can hold a link that sets a password.
enum MailAdminController {
    static let listed = 50

    static func page(_ request: Request) async throws -> Response {
        try await render(request, notice: nil)
    }

    static func render(_ request: Request, notice: String?) async throws -> Response {
        func count(_ status: OutboxMessage.Status) async throws -> Int {
            try await OutboxMessage.query(on: request.db).filter(\.$statusName == status.rawValue).count()
        }
        let failed = try await OutboxMessage.query(on: request.db).filter(\.$statusName == OutboxMessage.Status.failed.rawValue)
            .sort(\.$createdAt, .descending).limit(listed).all()
        let waiting = try await OutboxMessage.query(on: request.db).filter(\.$statusName == OutboxMessage.Status.queued.rawValue)
            .sort(\.$createdAt).limit(listed).all()
        let context = MailAdminContext(request: request, queued: try await count(.queued), sent: try await count(.sent),
                                       failedCount: try await count(.failed), failed: failed, waiting: waiting, notice: notice)
        return try await request.page(.adminMail, context)
    }

    static func retry(_ request: Request) async throws -> Response {
        let admin = try request.auth.require(User.self)
        guard let id = request.parameters.get("message", as: UUID.self),
              let message = try await OutboxMessage.find(id, on: request.db), message.status == .failed
        else { throw Abort(.notFound) }
        try await request.change { db in
            message.status = .queued
            message.attempts = 0
            message.nextAttemptAt = request.clock.now()
            try await message.update(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: admin.auditName, action: "mail.retried",
                                                              subject: "mail:\(id.uuidString)")
        }
        return try await render(request, notice: request.t("mailRetried", ["to": message.recipient]))
    }
}

struct MailAdminContext: Encodable {
    struct Row: Encodable {
        var to: String
        var subject: String
        var kind: String
        var created: String
        var attempts: Int
        var error: String
        var retryURL: String
    }

    var layout: Layout
    var configured: Bool
    var server: String
    var from: String
    var queued: Int
    var sent: Int
    var failedCount: Int
    var failed: [Row]
    var waiting: [Row]
    var csrfToken: String
    var notice: String?

    init(request: Request, queued: Int, sent: Int, failedCount: Int, failed: [OutboxMessage], waiting: [OutboxMessage], notice: String?) {
        let configuration = request.application.configuration
        let language = request.language
        layout = Layout(request: request, title: request.t("mailTitle"), current: .adminMail)
        configured = configuration.smtp != nil
        server = configuration.smtp?.description ?? ""
        from = configuration.mailFrom
        self.queued = queued
        self.sent = sent
        self.failedCount = failedCount
        func row(_ message: OutboxMessage) -> Row {
            Row(to: message.recipient, subject: message.subject, kind: request.t(Self.kindKey(message.kind)),
                created: PracticeOptions.dateTime(message.createdAt, timeZone: configuration.timeZone, language: language),
                attempts: message.attempts, error: message.lastError, retryURL: SiteURL.adminMailRetry(.value(message.id!)).path)
        }
        self.failed = failed.map(row)
        self.waiting = waiting.map(row)
        csrfToken = request.csrfToken
        self.notice = notice
    }

    static func kindKey(_ kind: String) -> String {
        switch MailKind(rawValue: kind) {
        case .invitation: "mailKindInvitation"
        case .passwordReset: "mailKindPasswordReset"
        case .coachReminder: "mailKindCoachReminder"
        case .complaint: "mailKindComplaint"
        case .certificateExpiry, nil: "mailKindCertificateExpiry"
        }
    }
}
