import Foundation

/// A recorded move: when the trajectory went from one phase to another, and why (for moves back
/// and early endings).
public struct TrajectoryMove: Hashable, Sendable {
    public var from: TrajectoryPhase
    public var to: TrajectoryPhase
    public var at: Date
    public var reason: String

    public init(from: TrajectoryPhase, to: TrajectoryPhase, at: Date, reason: String = "") {
        self.from = from
        self.to = to
        self.at = at
        self.reason = reason
    }
}
