import Fluent
import Foundation
import Vapor

/// Keeps sessions in the database (table `sessions`), so that any app instance can serve any request.
/// Sessions end after two idle hours and at most twelve hours after they began.
struct DatabaseSessionDriver: SessionDriver {
    static let idleTimeout: TimeInterval = 2 * 60 * 60
    static let absoluteTimeout: TimeInterval = 12 * 60 * 60
    /// A session seen more recently than this is not written again unless its data changed: most
    /// page views then cost one read and no write.
    static let touchInterval: TimeInterval = 5 * 60

    private struct LoadedKey: StorageKey { typealias Value = StoredSession }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        request.eventLoop.makeFutureWithTask {
            let token = SecureToken.random()
            let now = request.clock.now()
            let row = StoredSession(tokenHash: SecureToken.sha256(token), data: try Self.encode(data),
                                    userID: data["userID"].flatMap(UUID.init(uuidString:)),
                                    now: now, expiresAt: now.addingTimeInterval(Self.idleTimeout),
                                    userAgent: request.headers.first(name: .userAgent), address: request.clientAddress)
            try await row.create(on: request.db)
            // Expired sessions are cleared now and then rather than by a separate job.
            if Int.random(in: 0..<50) == 0 {
                try await StoredSession.query(on: request.db).filter(\.$expiresAt < now).delete()
            }
            return SessionID(string: token)
        }
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        request.eventLoop.makeFutureWithTask {
            guard let row = try await StoredSession.query(on: request.db)
                .filter(\.$tokenHash == SecureToken.sha256(sessionID.string)).first() else { return nil }
            let now = request.clock.now()
            if row.expiresAt < now {
                try await row.delete(on: request.db)
                return nil
            }
            request.storage[LoadedKey.self] = row
            return try Self.decode(row.data)
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        request.eventLoop.makeFutureWithTask {
            let now = request.clock.now()
            let encoded = try Self.encode(data)
            let loaded = request.storage[LoadedKey.self]
            let row: StoredSession
            if let loaded {
                if loaded.data == encoded && now.timeIntervalSince(loaded.lastSeenAt) < Self.touchInterval {
                    return sessionID
                }
                row = loaded
            } else if let found = try await StoredSession.query(on: request.db)
                .filter(\.$tokenHash == SecureToken.sha256(sessionID.string)).first() {
                row = found
            } else {
                return try await createSession(data, for: request).get()
            }
            row.data = encoded
            row.userID = data["userID"].flatMap(UUID.init(uuidString:))
            row.lastSeenAt = now
            row.expiresAt = min(now.addingTimeInterval(Self.idleTimeout), row.createdAt.addingTimeInterval(Self.absoluteTimeout))
            try await row.update(on: request.db)
            return sessionID
        }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        request.eventLoop.makeFutureWithTask {
            try await StoredSession.query(on: request.db)
                .filter(\.$tokenHash == SecureToken.sha256(sessionID.string)).delete()
        }
    }

    private static func encode(_ data: SessionData) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(data), as: UTF8.self)
    }

    private static func decode(_ text: String) throws -> SessionData {
        try JSONDecoder().decode(SessionData.self, from: Data(text.utf8))
    }
}
