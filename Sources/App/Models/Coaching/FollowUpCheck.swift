import Fluent
import Foundation

/// A follow-up check 3, 6 or 12 months after the placement: still employed, hours, same employer,
/// support still needed.
final class FollowUpCheck: Model, @unchecked Sendable {
    static let schema = "follow_up_checks"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "months_after") var monthsAfter: Int
    @Field(key: "held_on") var heldOn: String
    @Field(key: "still_employed") var stillEmployed: Bool
    @OptionalField(key: "hours_per_week") var hoursPerWeek: Double?
    @Field(key: "same_employer") var sameEmployer: Bool
    @Field(key: "support_needed") var supportNeeded: Bool
    @Field(key: "note") var note: String
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
