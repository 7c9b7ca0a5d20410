import Fluent
import Foundation

/// A grant of coaching hours for a placed employee (input financing), under a regime of the data.
final class CoachingGrantRow: Model, @unchecked Sendable {
    static let schema = "coaching_grants"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "regime") var regime: String
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "contract_hours") var contractHours: Double
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
