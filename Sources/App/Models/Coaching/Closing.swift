import Fluent
import Foundation

/// The closing of a trajectory (task 7): the outcome, the closing report's text and the aftercare
/// offered.
final class Closing: Model, @unchecked Sendable {
    static let schema = "closings"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "closed_on") var closedOn: String
    /// One of `ClosingOutcome`.
    @Field(key: "outcome") var outcome: String
    @Field(key: "summary") var summary: String
    @Field(key: "aftercare_offer") var aftercareOffer: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
