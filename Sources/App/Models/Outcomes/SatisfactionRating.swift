import Fluent
import Foundation

/// How satisfied the client or the employer was, asked at closing: a score from 1 to 10.
final class SatisfactionRating: Model, @unchecked Sendable {
    static let schema = "satisfaction_ratings"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    /// `client` or `employer`.
    @Field(key: "respondent") var respondent: String
    @Field(key: "score") var score: Int
    @Field(key: "comment") var comment: String
    @Field(key: "given_on") var givenOn: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
