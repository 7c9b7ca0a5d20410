import Fluent
import Foundation
import JobcoachCore

/// A job a client holds, from its start to its end (none: still working). A placement opens one;
/// follow-up checks confirm it or close it.
final class JobSpell: Model, @unchecked Sendable {
    static let schema = "job_spells"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @OptionalField(key: "placement_id") var placementID: UUID?
    @OptionalField(key: "employer_id") var employerID: UUID?
    @Field(key: "employer_name") var employerName: String
    @Field(key: "job_title") var jobTitle: String
    @Field(key: "start_on") var startOn: String
    @OptionalField(key: "end_on") var endOn: String?
    @Field(key: "hours_per_week") var hoursPerWeek: Double
    @OptionalField(key: "hourly_wage") var hourlyWage: Double?
    @Field(key: "contract") var contract: String
    /// An ordinary workplace at no less than the minimum wage; sheltered or subsidised work is not.
    @Field(key: "regular") var regular: Bool
    @Field(key: "end_reason") var endReason: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var job: OutcomeJob? {
        guard let start = CalendarDate(startOn) else { return nil }
        return OutcomeJob(start: start, end: endOn.flatMap(CalendarDate.init), hoursPerWeek: hoursPerWeek,
                          hourlyWage: hourlyWage, regular: regular)
    }
}
