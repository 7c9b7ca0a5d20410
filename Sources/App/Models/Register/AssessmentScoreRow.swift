import Fluent
import Foundation
import JobcoachCore

/// One assessor's score and evidence note for one item of the framework.
final class AssessmentScoreRow: Model, @unchecked Sendable {
    static let schema = "assessment_scores"

    @ID(key: .id) var id: UUID?
    @Parent(key: "assignment_id") var assignment: AssessorAssignment
    @Field(key: "item_id") var itemID: String
    @Field(key: "score") var score: Int
    @Field(key: "note") var note: String

    init() {}
}

/// One assessor's score for a single indicator of an item, given beside the item's own score.
final class AssessmentIndicatorScoreRow: Model, @unchecked Sendable {
    static let schema = "assessment_indicator_scores"

    @ID(key: .id) var id: UUID?
    @Parent(key: "assignment_id") var assignment: AssessorAssignment
    @Field(key: "item_id") var itemID: String
    @Field(key: "indicator_id") var indicatorID: String
    @Field(key: "score") var score: Int

    init() {}
}

extension AssessorAssignment {
    /// The sheet as the core reads it: the indicator scores fold into their item's entry.
    var sheet: AssessmentSheet {
        var sheet = AssessmentSheet()
        for row in scores {
            guard let score = AssessmentScore(rawValue: row.score), sheet.entries[row.itemID] == nil else { continue }
            sheet.entries[row.itemID] = AssessmentSheet.Entry(score: score, note: row.note)
        }
        for row in indicatorScores {
            guard let score = AssessmentScore(rawValue: row.score) else { continue }
            sheet.entries[row.itemID]?.indicators[row.indicatorID] = score
        }
        return sheet
    }
}
