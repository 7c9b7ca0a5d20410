import Fluent
import Foundation

/// The coaching plan of a trajectory (task 5): who in the client's network does what, what the
/// employer does and which colleague takes over support, and when client and employer agreed.
/// Its goals are `CoachingGoal` rows.
final class CoachingPlan: Model, @unchecked Sendable {
    static let schema = "coaching_plans"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "network_roles") var networkRoles: String
    @Field(key: "employer_role") var employerRole: String
    @Field(key: "employer_colleague") var employerColleague: String
    @OptionalField(key: "agreed_with_client_on") var agreedWithClientOn: String?
    @OptionalField(key: "agreed_with_employer_on") var agreedWithEmployerOn: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
