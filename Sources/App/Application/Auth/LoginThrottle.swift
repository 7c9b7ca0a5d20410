import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Reads the failed logins `LoginThrottlePolicy` judges from the database, so that every app
/// instance sees the same attempts.
struct LoginThrottle: Sendable {
    let policy: LoginThrottlePolicy

    /// Enough to judge any threshold; a scan beyond it is slowed at the maximum anyway.
    private static let rowLimit = 500

    func failures(email: String, address: String, now: Date, on database: any Database) async throws -> [LoginFailure] {
        try await LoginAttempt.query(on: database)
            .filter(\.$succeeded == false)
            .filter(\.$attemptedAt > now.addingTimeInterval(-policy.window))
            .group(.or) { $0.filter(\.$email == email).filter(\.$address == address) }
            .sort(\.$attemptedAt, .descending)
            .limit(Self.rowLimit)
            .all()
            .map { LoginFailure(email: $0.email, address: $0.address, at: $0.attemptedAt) }
    }
}

extension AppConfiguration {
    var loginThrottlePolicy: LoginThrottlePolicy {
        LoginThrottlePolicy(lockPairAfter: loginLockPerPair, slowAddressAfter: loginSlowPerAddress,
                            slowAccountAfter: loginSlowPerAccount, window: loginWindow)
    }
}

extension Request {
    /// The client's address, through the proxies `JOBCOACH_TRUSTED_PROXIES` names.
    var clientAddress: String {
        ClientAddress.resolve(peer: remoteAddress?.ipAddress ?? ClientAddress.noSocketAddress,
                              forwardedFor: headers.first(name: .xForwardedFor),
                              trustedProxies: application.configuration.trustedProxies)
    }
}
