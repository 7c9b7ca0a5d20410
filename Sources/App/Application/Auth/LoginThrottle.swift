import Fluent
import Foundation

/// Slows password guessing: after too many failed logins for one account, or from one address,
/// within a window, logins are refused until the window has passed. Counted in the database so
/// every app instance sees the same attempts.
struct LoginThrottle: Sendable {
    let perAccount: Int
    let perAddress: Int
    let window: TimeInterval

    /// Seconds until another attempt is allowed, or nil when allowed now.
    func retryAfter(email: String, address: String, now: Date, on database: any Database) async throws -> Int? {
        let since = now.addingTimeInterval(-window)
        let byAccount = try await LoginAttempt.query(on: database)
            .filter(\.$email == email).filter(\.$succeeded == false).filter(\.$attemptedAt > since)
            .sort(\.$attemptedAt, .ascending).all()
        let byAddress = try await LoginAttempt.query(on: database)
            .filter(\.$address == address).filter(\.$succeeded == false).filter(\.$attemptedAt > since)
            .sort(\.$attemptedAt, .ascending).all()
        var waits: [TimeInterval] = []
        if byAccount.count >= perAccount, let oldest = byAccount.suffix(perAccount).first {
            waits.append(oldest.attemptedAt.addingTimeInterval(window).timeIntervalSince(now))
        }
        if byAddress.count >= perAddress, let oldest = byAddress.suffix(perAddress).first {
            waits.append(oldest.attemptedAt.addingTimeInterval(window).timeIntervalSince(now))
        }
        guard let wait = waits.max() else { return nil }
        return max(1, Int(wait.rounded(.up)))
    }
}
