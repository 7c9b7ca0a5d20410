/// What a purge may remove of one client after the agency's retention period: closed trajectories
/// that ended before the cut-off day. When every trajectory of the client is such, the client goes
/// too; an open or recently ended trajectory keeps the client (and itself).
public enum RetentionRule {
    public struct Trajectory<ID: Hashable & Sendable>: Sendable {
        public let id: ID
        public let endedOn: CalendarDate?
        public init(id: ID, endedOn: CalendarDate?) {
            self.id = id
            self.endedOn = endedOn
        }
    }

    public enum Decision<ID: Hashable & Sendable>: Equatable, Sendable {
        case keep
        case trajectories(Set<ID>)
        case wholeClient
    }

    public static func cutoff(today: CalendarDate, retentionMonths: Int) -> CalendarDate {
        today.adding(months: -retentionMonths)
    }

    public static func decide<ID>(_ trajectories: [Trajectory<ID>], cutoff: CalendarDate) -> Decision<ID> {
        let expired = trajectories.filter { trajectory in trajectory.endedOn.map { $0 < cutoff } ?? false }
        if expired.isEmpty { return .keep }
        if expired.count == trajectories.count { return .wholeClient }
        return .trajectories(Set(expired.map(\.id)))
    }
}
