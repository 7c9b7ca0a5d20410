import Fluent
import Foundation

/// The intake conversation (task 1) of a trajectory.
final class Intake: Model, @unchecked Sendable {
    static let schema = "intakes"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "held_on") var heldOn: String
    @Field(key: "reason") var reason: String
    @Field(key: "question") var question: String
    @Field(key: "motivation") var motivation: String
    @Field(key: "life_world") var lifeWorld: String
    @Field(key: "social_network") var socialNetwork: String
    @Field(key: "professional_network") var professionalNetwork: String
    @Field(key: "agreed_trajectory") var agreedTrajectory: String
    @Field(key: "expectations") var expectations: String
    @Field(key: "code_of_conduct_discussed") var codeOfConductDiscussed: Bool
    @Field(key: "follow_up") var followUp: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
