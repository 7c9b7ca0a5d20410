import Fluent
import Foundation

/// The employee profile (task 2): who the client is as an employee, what they want and need, and
/// the goals and plan of approach agreed with them. Its last part feeds matching.
final class EmployeeProfile: Model, @unchecked Sendable {
    static let schema = "employee_profiles"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "motivators") var motivators: String
    @Field(key: "values") var values: String
    @Field(key: "skills") var skills: String
    @Field(key: "interests") var interests: String
    @Field(key: "wishes") var wishes: String
    @Field(key: "learning_style") var learningStyle: String
    @Field(key: "attention_points") var attentionPoints: String
    @Field(key: "limitations") var limitations: String
    @Field(key: "possibilities") var possibilities: String
    @Field(key: "lasting_participation") var lastingParticipation: String
    @Field(key: "goals") var goals: String
    @Field(key: "plan_of_approach") var planOfApproach: String
    @OptionalField(key: "agreed_on") var agreedOn: String?
    /// ESCO URIs or ISCO codes, one per line.
    @Field(key: "desired_occupations") var desiredOccupations: String
    @OptionalField(key: "hours_min") var hoursMin: Double?
    @OptionalField(key: "hours_max") var hoursMax: Double?
    @Field(key: "home_place") var homePlace: String
    @OptionalField(key: "home_lat") var homeLat: Double?
    @OptionalField(key: "home_lon") var homeLon: Double?
    @OptionalField(key: "max_travel_km") var maxTravelKm: Double?
    @Field(key: "needs") var needs: String
    @Field(key: "cannot") var cannot: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
