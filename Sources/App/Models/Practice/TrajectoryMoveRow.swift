import Fluent
import Foundation
import JobcoachCore

/// A recorded move between phases: the history the lead times are worked out from.
final class TrajectoryMoveRow: Model, @unchecked Sendable {
    static let schema = "trajectory_moves"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "from_phase") var fromPhase: String
    @Field(key: "to_phase") var toPhase: String
    @Field(key: "moved_at") var movedAt: Date
    @Field(key: "reason") var reason: String
    @Field(key: "moved_by") var movedBy: UUID

    init() {}

    var core: TrajectoryMove? {
        guard let from = TrajectoryPhase(rawValue: fromPhase), let to = TrajectoryPhase(rawValue: toPhase) else { return nil }
        return TrajectoryMove(from: from, to: to, at: movedAt, reason: reason)
    }
}
