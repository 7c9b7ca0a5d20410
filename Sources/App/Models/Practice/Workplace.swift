import Fluent
import Foundation

/// A job at an employer: the job analysis (from a vacancy or an interview) and the workplace profile.
/// Condition lists hold vocabulary ids separated by spaces; skills one per line.
final class Workplace: Model, @unchecked Sendable {
    static let schema = "workplaces"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "employer_id") var employer: Employer
    @Field(key: "title") var title: String
    /// `vacancy` or `interview`: where the job analysis comes from.
    @Field(key: "source") var source: String
    @Field(key: "tasks") var tasks: String
    @OptionalField(key: "hours_min") var hoursMin: Double?
    @OptionalField(key: "hours_max") var hoursMax: Double?
    @OptionalField(key: "occupation_uri") var occupationURI: String?
    @OptionalField(key: "isco_code") var iscoCode: String?
    @Field(key: "required_skills") var requiredSkills: String
    @Field(key: "demands") var demands: String
    @Field(key: "adjustable") var adjustable: String
    @Field(key: "offers") var offers: String
    /// The work environment in words: team, noise, pace, supervision.
    @Field(key: "environment") var environment: String
    @Field(key: "place") var place: String
    @OptionalField(key: "lat") var lat: Double?
    @OptionalField(key: "lon") var lon: Double?
    /// `open`, `filled` or `closed`; only open workplaces are matched.
    @Field(key: "status") var status: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
