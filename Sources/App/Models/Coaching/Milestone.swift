import JobcoachCore
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
    /// A milestone recorded by mistake is taken back, not deleted.
    @OptionalField(key: "taken_back_on") var takenBackOn: String?
    @Field(key: "take_back_reason") var takeBackReason: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {
        takeBackReason = ""
    }
}
