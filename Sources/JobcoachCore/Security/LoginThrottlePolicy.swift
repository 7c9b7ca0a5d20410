import Foundation

/// One failed login: a wrong password, or a wrong second factor after the right password.
public struct LoginFailure: Sendable, Equatable {
    public let email: String
    public let address: String
    public let at: Date

    public init(email: String, address: String, at: Date) {
        self.email = email
        self.address = address
        self.at = at
    }
}

/// How logins are slowed down without locking the owner out (OWASP ASVS 2.2.1).
///
/// - Too many failures for one account *from one address* lock that pair for the rest of the
///   window: a guesser at one address stops, while the owner elsewhere signs in as usual.
/// - An address that fails against many *different* accounts is slowed, never blocked: a shared
///   office address where people mistype their own passwords keeps its speed, a scan crawls.
/// - An account that fails from many different addresses is slowed the same way, so that
///   spreading a guess over addresses does not undo the lock.
public struct LoginThrottlePolicy: Sendable, Equatable {
    /// Failures of one account from one address within the window before that pair is locked.
    public var lockPairAfter: Int
    /// Different accounts failed from one address within the window before its attempts are slowed.
    public var slowAddressAfter: Int
    /// Different addresses an account failed from within the window before its attempts are slowed.
    public var slowAccountAfter: Int
    public var window: TimeInterval
    /// Added per account (or address) beyond a slowing threshold, up to `maximumDelay`.
    public var delayStep: TimeInterval
    public var maximumDelay: TimeInterval

    public init(lockPairAfter: Int = 5, slowAddressAfter: Int = 20, slowAccountAfter: Int = 10, window: TimeInterval = 15 * 60,
                delayStep: TimeInterval = 0.5, maximumDelay: TimeInterval = 5) {
        self.lockPairAfter = lockPairAfter
        self.slowAddressAfter = slowAddressAfter
        self.slowAccountAfter = slowAccountAfter
        self.window = window
        self.delayStep = delayStep
        self.maximumDelay = maximumDelay
    }

    public enum Verdict: Sendable, Equatable {
        /// Go ahead, after waiting this long (0: at once).
        case proceed(delay: TimeInterval)
        /// This account from this address is locked for this many more seconds.
        case locked(retryAfter: Int)
    }

    /// What happens to an attempt, given the failures the store holds for its account or its address
    /// (older ones and unrelated ones are ignored).
    public func verdict(email: String, address: String, at now: Date, failures: [LoginFailure]) -> Verdict {
        let recent = failures.filter { $0.at > now.addingTimeInterval(-window) && $0.at <= now }
        let pair = recent.filter { $0.email == email && $0.address == address }.map(\.at).sorted()
        if pair.count >= lockPairAfter {
            // Locked until the oldest of the last `lockPairAfter` failures leaves the window.
            let oldest = pair[pair.count - lockPairAfter]
            let wait = oldest.addingTimeInterval(window).timeIntervalSince(now)
            return .locked(retryAfter: max(1, Int(wait.rounded(.up))))
        }
        let accountsTried = Self.distinct(recent.filter { $0.address == address }.map(\.email))
        let addressesUsed = Self.distinct(recent.filter { $0.email == email }.map(\.address))
        return .proceed(delay: max(delay(count: accountsTried, after: slowAddressAfter), delay(count: addressesUsed, after: slowAccountAfter)))
    }

    private func delay(count: Int, after threshold: Int) -> TimeInterval {
        guard count >= threshold else { return 0 }
        return min(maximumDelay, delayStep * Double(count - threshold + 1))
    }

    private static func distinct(_ values: [String]) -> Int { Set(values).count }

    /// The throttles a failure just switched on: each is logged once, when it begins.
    public enum Onset: String, Sendable, Equatable, CaseIterable {
        case pairLocked = "login.locked"
        case addressSlowed = "login.address-slowed"
        case accountSlowed = "login.account-slowed"
    }

    /// Which throttles begin with the newest of `failures` (which includes it).
    public func onsets(of failure: LoginFailure, failures: [LoginFailure]) -> [Onset] {
        let recent = failures.filter { $0.at > failure.at.addingTimeInterval(-window) && $0.at <= failure.at }
        var onsets: [Onset] = []
        if recent.count(where: { $0.email == failure.email && $0.address == failure.address }) == lockPairAfter { onsets.append(.pairLocked) }
        // A throttle begins with the failure that brings in the threshold's new account or address.
        let sameAddress = recent.filter { $0.address == failure.address }
        if Self.distinct(sameAddress.map(\.email)) == slowAddressAfter,
           !sameAddress.contains(where: { $0.email == failure.email && $0.at < failure.at }) { onsets.append(.addressSlowed) }
        let sameAccount = recent.filter { $0.email == failure.email }
        if Self.distinct(sameAccount.map(\.address)) == slowAccountAfter,
           !sameAccount.contains(where: { $0.address == failure.address && $0.at < failure.at }) { onsets.append(.accountSlowed) }
        return onsets
    }
}

/// The address a request comes from. Behind a reverse proxy the socket's peer is the proxy; only a
/// proxy named as trusted may say who its client is (`X-Forwarded-For`), or anyone could pick an
/// address and walk around the login throttle.
public enum ClientAddress {
    /// What a connection without an IP address (a Unix socket, a test) is called.
    public static let noSocketAddress = "local"
    /// Longer than any IPv6 address with a zone: what a proxy passes on is cut to this.
    static let maximumLength = 64

    /// The rightmost address in the chain that is not a trusted proxy.
    public static func resolve(peer: String, forwardedFor: String?, trustedProxies: Set<String>) -> String {
        guard trustedProxies.contains(peer), let forwardedFor else { return peer }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let client = hops.last { !trustedProxies.contains($0) } ?? hops.first ?? peer
        return String(client.prefix(maximumLength))
    }
}
