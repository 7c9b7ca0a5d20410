import Fluent
import Foundation

/// An assessor assigned to an application. Their sheet is theirs alone until they submit it.
final class AssessorAssignment: Model, @unchecked Sendable {
    static let schema = "assessor_assignments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: CertificationApplication
    @Parent(key: "assessor_id") var assessor: User
    @Field(key: "assigned_at") var assignedAt: Date
    @OptionalField(key: "submitted_at") var submittedAt: Date?

    @Children(for: \.$assignment) var scores: [AssessmentScoreRow]
    @Children(for: \.$assignment) var indicatorScores: [AssessmentIndicatorScoreRow]

    init() {}
}
