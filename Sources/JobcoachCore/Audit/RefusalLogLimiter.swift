import Foundation

/// Keeps a scan from flooding the audit trail: refused attempts are written for each actor up to
/// `perActor` a minute, and for everyone together up to `overall`. What is held back is counted and
/// named by the next entry written for that actor, so the trail still says how many there were.
public struct RefusalLogLimiter: Sendable {
    public let perActor: Int
    public let overall: Int
    public let window: TimeInterval

    private struct Tally: Sendable {
        var windowStart: Date
        var written = 0
        var heldBack = 0
    }

    private var tallies: [String: Tally] = [:]
    private var everyone: Tally?

    public init(perActor: Int = 10, overall: Int = 200, window: TimeInterval = 60) {
        self.perActor = perActor
        self.overall = overall
        self.window = window
    }

    public enum Admission: Sendable, Equatable {
        /// Write the entry, naming how many of this actor's refusals were held back before it.
        case write(heldBackBefore: Int)
        case holdBack
    }

    public mutating func admit(actor: String, at now: Date) -> Admission {
        var all = everyone.flatMap { now.timeIntervalSince($0.windowStart) < window ? $0 : nil } ?? Tally(windowStart: now)
        var tally = tallies[actor] ?? Tally(windowStart: now)
        if now.timeIntervalSince(tally.windowStart) >= window {
            // A new minute: held-back refusals stay owed to the next entry.
            tally.windowStart = now
            tally.written = 0
        }
        defer {
            tallies[actor] = tally
            everyone = all
        }
        guard tally.written < perActor, all.written < overall else {
            tally.heldBack += 1
            return .holdBack
        }
        tally.written += 1
        all.written += 1
        let owed = tally.heldBack
        tally.heldBack = 0
        forgetQuietActors(now: now)
        return .write(heldBackBefore: owed)
    }

    /// Actors whose window has passed with nothing held back need no memory.
    private mutating func forgetQuietActors(now: Date) {
        guard tallies.count > 1_000 else { return }
        tallies = tallies.filter { now.timeIntervalSince($0.value.windowStart) < window || $0.value.heldBack > 0 }
    }
}
