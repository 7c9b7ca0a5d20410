import Fluent
import Foundation

/// An anonymised case summary a coach shared with the colleagues of their agency for peer review.
/// It holds no client id: once shared it cannot be traced back through the database.
final class PeerReview: Model, @unchecked Sendable {
    static let schema = "peer_reviews"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "shared_by") var sharedBy: UUID
    @Field(key: "shared_at") var sharedAt: Date
    @Field(key: "question") var question: String
    @Field(key: "summary") var summary: String

    init() {}
}
