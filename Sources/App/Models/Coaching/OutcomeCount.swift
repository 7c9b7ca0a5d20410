import Fluent
import Foundation

/// Anonymous outcome figures kept when closed trajectories are purged: per agency, year closed and
/// outcome, a count. No row refers to a person.
final class OutcomeCount: Model, @unchecked Sendable {
    static let schema = "outcome_counts"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "closed_year") var closedYear: Int
    @Field(key: "outcome") var outcome: String
    @Field(key: "count") var count: Int

    init() {}
}
