import Fluent
import Foundation

/// The coach's decision on a workplace for a client, with the engine's verdict at that moment and
/// the explanation for the commissioner and for the employer.
final class MatchDecision: Model, @unchecked Sendable {
    static let schema = "match_decisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Parent(key: "workplace_id") var workplace: Workplace
    /// `match` or `no-match`: the coach's decision.
    @Field(key: "decision") var decision: String
    /// The engine's fit and score when the decision was made, and its reasons as JSON.
    @Field(key: "engine_fit") var engineFit: String
    @Field(key: "engine_score") var engineScore: Int
    @Field(key: "engine_reasons") var engineReasons: String
    @Field(key: "for_commissioner") var forCommissioner: String
    @Field(key: "for_employer") var forEmployer: String
    @Field(key: "decided_at") var decidedAt: Date
    @Field(key: "decided_by") var decidedBy: UUID

    init() {}
}
