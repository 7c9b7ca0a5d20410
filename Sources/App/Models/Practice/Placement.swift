import Fluent
import Foundation

/// A client placed in a workplace, with the agreements made.
final class Placement: Model, @unchecked Sendable {
    static let schema = "placements"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Parent(key: "workplace_id") var workplace: Workplace
    @Field(key: "start_on") var startOn: String
    @Field(key: "hours_per_week") var hoursPerWeek: Double
    /// One of `ContractKind`.
    @Field(key: "contract") var contract: String
    @Field(key: "agreements") var agreements: String
    @OptionalField(key: "ended_on") var endedOn: String?
    @Field(key: "end_reason") var endReason: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
