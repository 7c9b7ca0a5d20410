import Fluent
import Foundation

/// An evaluation of the plan: during support (it may change the plan) or the closing one with
/// commissioner, employer and client (task 7).
final class Evaluation: Model, @unchecked Sendable {
    static let schema = "evaluations"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "held_on") var heldOn: String
    /// "interim" or "closing".
    @Field(key: "kind") var kind: String
    @Field(key: "with_client") var withClient: Bool
    @Field(key: "with_employer") var withEmployer: Bool
    @Field(key: "with_commissioner") var withCommissioner: Bool
    @Field(key: "outcome") var outcome: String
    @Field(key: "plan_changes") var planChanges: String
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
