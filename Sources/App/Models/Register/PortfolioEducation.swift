import Fluent
import Foundation

/// A completed education, or an education level shown by an EVC procedure or an assessment.
final class PortfolioEducation: Model, @unchecked Sendable {
    static let schema = "portfolio_education"

    @ID(key: .id) var id: UUID?
    @Parent(key: "portfolio_id") var portfolio: CoachPortfolio
    @Field(key: "title") var title: String
    @Field(key: "kind") var kind: String
    @Field(key: "level_framework") var levelFramework: String
    @Field(key: "level_code") var levelCode: String
    @Field(key: "completed_on") var completedOn: String
    @OptionalParent(key: "evidence_id") var evidence: EvidenceFile?

    init() {}
}
