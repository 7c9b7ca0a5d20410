import Fluent
import Foundation

/// A milestone reached on the job, and whether it was celebrated with the client.
final class Milestone: Model, @unchecked Sendable {
    static let schema = "milestones"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "title") var title: String
    @Field(key: "reached_on") var reachedOn: String
    @Field(key: "celebrated") var celebrated: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
