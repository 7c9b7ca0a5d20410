import Fluent
import Foundation

/// An employer the agency works with, with the profile from the employer interview.
final class Employer: Model, @unchecked Sendable {
    static let schema = "employers"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "name") var name: String
    @Field(key: "sector") var sector: String
    @Field(key: "place") var place: String
    /// What the interview taught about the organisation: its work, culture and way of supervising.
    @Field(key: "profile") var profile: String
    /// Its experience with and view of inclusive employment.
    @Field(key: "inclusion") var inclusion: String
    /// Willing to carve tasks out of existing jobs into a new one.
    @Field(key: "job_carving") var jobCarving: Bool
    /// Willing to create a new, adapted job.
    @Field(key: "new_job") var newJob: Bool
    /// Other adjustments the employer is willing to make.
    @Field(key: "adjustments") var adjustments: String
    @OptionalField(key: "interviewed_on") var interviewedOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
