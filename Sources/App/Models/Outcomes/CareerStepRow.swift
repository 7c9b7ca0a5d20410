import Fluent
import Foundation

/// The next step in the client's career agreed at a follow-up check: more hours, training, another
/// role, a permanent contract, or none yet.
final class CareerStepRow: Model, @unchecked Sendable {
    static let schema = "career_steps"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "months_after") var monthsAfter: Int
    @Field(key: "step") var step: String
    @Field(key: "note") var note: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
