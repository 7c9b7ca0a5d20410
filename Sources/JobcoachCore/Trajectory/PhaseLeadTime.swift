/// How long a trajectory spent in one phase, over all its visits to it.
public struct PhaseLeadTime: Hashable, Sendable {
    public var phase: TrajectoryPhase
    public var seconds: Double
    /// How often the trajectory entered the phase (more than once after a move back).
    public var visits: Int
    /// The trajectory is in this phase now (its time is still counting).
    public var isCurrent: Bool

    /// Whole days, rounded down: what people read.
    public var days: Int { Int(seconds / 86_400) }
}
