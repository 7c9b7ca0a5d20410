import Foundation

/// How many clients a coach can support well (004: a caseload small enough to do the work): a
/// number per full-time coach, set per organisation (20 unless it says otherwise), scaled by the
/// coach's contracted hours.
public struct CaseloadLimit: Hashable, Sendable {
    public static let defaultPerFullTime = 20
    public static let defaultFullTimeHours = 36.0

    public let perFullTime: Int
    public let fullTimeHours: Double

    public init(perFullTime: Int = defaultPerFullTime, fullTimeHours: Double = defaultFullTimeHours) {
        self.perFullTime = perFullTime
        self.fullTimeHours = fullTimeHours
    }

    /// The limit for a coach working `hoursPerWeek`; part of a client does not count, so it rounds
    /// down, and a coach with any hours can hold at least one client.
    public func limit(hoursPerWeek: Double) -> Int {
        guard hoursPerWeek > 0, fullTimeHours > 0 else { return 0 }
        let share = min(hoursPerWeek, fullTimeHours) / fullTimeHours
        return max(1, Int((Double(perFullTime) * share + 1e-9).rounded(.down)))
    }

    public func load(clients: Int, hoursPerWeek: Double) -> CaseloadLoad {
        CaseloadLoad(clients: clients, limit: limit(hoursPerWeek: hoursPerWeek))
    }
}

public struct CaseloadLoad: Hashable, Sendable {
    public let clients: Int
    public let limit: Int

    /// Clients per place, as a percentage (120 means 20 % over the limit); 0 without a limit.
    public var percentage: Int { limit == 0 ? 0 : Int((Double(clients) / Double(limit) * 100).rounded()) }
    public var isOver: Bool { clients > limit }
    public var placesLeft: Int { max(0, limit - clients) }
}

extension TrajectoryPhase {
    /// Whether a client in this phase counts towards the coach's caseload: every open phase except
    /// aftercare, where contact is occasional (follow-up checks) rather than ongoing.
    public var countsTowardsCaseload: Bool { isOpen && self != .aftercare }
}
