import Fluent
import Foundation

/// One assessor's score and evidence note for one task or competency.
final class AssessmentScoreRow: Model, @unchecked Sendable {
    static let schema = "assessment_scores"

    @ID(key: .id) var id: UUID?
    @Parent(key: "assignment_id") var assignment: AssessorAssignment
    @Field(key: "item_id") var itemID: String
    @Field(key: "score") var score: Int
    @Field(key: "note") var note: String

    init() {}
}
