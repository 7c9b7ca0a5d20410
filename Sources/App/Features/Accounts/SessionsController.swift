import Fluent
import JobcoachCore
import Vapor

/// One's own sessions: where one is signed in (browser, system, address, last seen), ending one of
/// them, or all but this one.
enum SessionsController {
    static func page(_ request: Request, notice: String? = nil) async throws -> Response {
        let user = try request.auth.require(User.self)
        let now = request.clock.now()
        let rows = try await StoredSession.query(on: request.db)
            .filter(\.$userID == user.requireID()).filter(\.$expiresAt > now)
            .sort(\.$lastSeenAt, .descending).all()
        return try await request.page(.sessions, SessionsContext(request: request, sessions: rows,
                                                                 currentHash: currentHash(request), notice: notice))
    }

    static func page(_ request: Request) async throws -> Response {
        try await page(request, notice: nil)
    }

    /// Ends one other session of one's own; someone else's, or one that has ended, is not found.
    static func end(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let userID = try user.requireID()
        guard let id = request.parameters.get("session", as: UUID.self),
              let row = try await StoredSession.query(on: request.db).filter(\.$id == id).filter(\.$userID == userID).first()
        else { throw Abort(.notFound) }
        guard row.tokenHash != currentHash(request) else {
            // This session ends by logging out, which says goodbye properly.
            return try await AuthController.logout(request)
        }
        let device = SessionsContext.deviceText(row, request)
        try await request.change { db in
            try await row.delete(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: user.auditName, action: "session.ended", subject: user.auditName,
                                                              details: ["device": device, "address": row.address ?? ""])
        }
        return try await page(request, notice: request.t("sessionsEndedOne", ["device": device]))
    }

    /// "Log out everywhere": every session of one's own but this one ends.
    static func endOthers(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let userID = try user.requireID()
        let keep = currentHash(request)
        let ended = try await request.change { db -> Int in
            let others = try await StoredSession.query(on: db).filter(\.$userID == userID).filter(\.$tokenHash != keep).count()
            try await StoredSession.query(on: db).filter(\.$userID == userID).filter(\.$tokenHash != keep).delete()
            try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: user.auditName, action: "sessions.ended-others", subject: user.auditName,
                                                              details: ["count": String(others)])
            return others
        }
        return try await page(request, notice: request.t(ended == 1 ? "sessionsEndedOthersOne" : "sessionsEndedOthers",
                                                         ["count": String(ended)]))
    }

    private static func currentHash(_ request: Request) -> String {
        request.session.id.map { SecureToken.sha256($0.string) } ?? ""
    }
}

/// The list of one's sessions, newest first, this one marked.
struct SessionsContext: Encodable {
    struct Row: Encodable {
        var device: String
        var address: String
        var started: String
        var lastSeen: String
        var current: Bool
        var endURL: String
    }

    var layout: Layout
    var csrfToken: String
    var sessions: [Row]
    var othersCount: Int
    var endOthersURL: String
    var securityURL: String
    var notice: String?

    init(request: Request, sessions: [StoredSession], currentHash: String, notice: String?) {
        layout = Layout(request: request, title: request.t("sessionsTitle"))
        csrfToken = request.csrfToken
        let zone = request.application.configuration.timeZone
        self.sessions = sessions.map { row in
            Row(device: Self.deviceText(row, request), address: row.address ?? request.t("sessionsUnknown"),
                started: PracticeOptions.dateTime(row.createdAt, timeZone: zone, language: request.language),
                lastSeen: PracticeOptions.dateTime(row.lastSeenAt, timeZone: zone, language: request.language),
                current: row.tokenHash == currentHash,
                endURL: SiteURL.accountSessionEnd(.value(row.id ?? UUID())).path)
        }
        othersCount = self.sessions.count { !$0.current }
        endOthersURL = SiteURL.accountSessionsEndOthers.path
        securityURL = SiteURL.twoFactor.path
        self.notice = notice
    }

    /// "Firefox op Linux", or as much of it as the browser said.
    static func deviceText(_ row: StoredSession, _ request: Request) -> String {
        let device = DeviceDescription(userAgent: row.userAgent ?? "")
        switch (device.browser, device.system) {
        case let (browser?, system?): return request.t("sessionsDevice", ["browser": browser, "system": system])
        case let (browser?, nil): return browser
        case let (nil, system?): return system
        case (nil, nil): return request.t("sessionsUnknownDevice")
        }
    }
}
