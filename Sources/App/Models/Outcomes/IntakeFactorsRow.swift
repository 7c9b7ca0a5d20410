import Fluent
import Foundation
import JobcoachCore

/// What was known about a client at intake that makes paid work harder or easier to reach: the
/// factors outcomes are adjusted for, and the commissioner's payment group.
final class IntakeFactorsRow: Model, @unchecked Sendable {
    static let schema = "intake_factors"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    /// Target group ids separated by spaces.
    @Field(key: "target_groups") var targetGroups: String
    @OptionalField(key: "support_need") var supportNeed: String?
    @OptionalField(key: "months_out_of_work") var monthsOutOfWork: Int?
    @Field(key: "employed_at_intake") var employedAtIntake: Bool
    @OptionalField(key: "work_experience") var workExperience: Bool?
    /// Kept as a number so that the age survives when the date of birth is erased.
    @OptionalField(key: "age_at_intake") var ageAtIntake: Int?
    @Field(key: "payment_group") var paymentGroup: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var groups: Set<TargetGroup> {
        Set(targetGroups.split(separator: " ").compactMap { TargetGroup(rawValue: String($0)) })
    }

    var need: SupportNeed? { supportNeed.flatMap(SupportNeed.init(rawValue:)) }
}
