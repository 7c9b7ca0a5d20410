import Fluent
import Foundation

/// One fidelity review of an agency against the IPS-25 scale: a self-assessment or a review by two
/// reviewers, with a score, an evidence note per item and an improvement plan; and the simpler EUSE
/// review beside it.
final class FidelityReview: Model, @unchecked Sendable {
    static let schema = "fidelity_reviews"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "reviewed_on") var reviewedOn: String
    /// `self` or `external`.
    @Field(key: "kind") var kind: String
    @Field(key: "reviewers") var reviewers: String
    /// JSON: item id to score.
    @Field(key: "scores") var scores: String
    /// JSON: item id to evidence note.
    @Field(key: "evidence") var evidence: String
    /// JSON: EUSE stage or recommendation id to score.
    @Field(key: "euse_scores") var euseScores: String
    @Field(key: "improvement_plan") var improvementPlan: String
    @Field(key: "total") var total: Int
    @Field(key: "band") var band: String
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
