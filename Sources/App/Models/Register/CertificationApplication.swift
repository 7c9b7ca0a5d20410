import Fluent
import Foundation
import JobcoachCore

/// An application for certification under a framework version. It keeps the portfolio and the
/// eligibility verdict of the day it was submitted, so later changes to the portfolio or the
/// framework do not change what was assessed.
final class CertificationApplication: Model, @unchecked Sendable {
    static let schema = "applications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var applicant: User
    @Field(key: "framework_id") var frameworkID: String
    @Field(key: "framework_version") var frameworkVersion: String
    /// `initial` or `recertification`.
    @Field(key: "kind") var kind: String
    @Field(key: "status") var statusName: String
    @Field(key: "submitted_at") var submittedAt: Date
    @Field(key: "portfolio_snapshot") var portfolioSnapshot: String
    @Field(key: "eligibility_snapshot") var eligibilitySnapshot: String
    @Field(key: "eligible") var eligible: Bool
    /// For recertification: the CPD evaluation of the day it was submitted.
    @OptionalField(key: "cpd_snapshot") var cpdSnapshot: String?
    @OptionalField(key: "decision_reasons") var decisionReasons: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "previous_certificate_id") var previousCertificateID: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Children(for: \.$application) var assignments: [AssessorAssignment]

    init() {}

    var status: ApplicationStatus {
        get { ApplicationStatus(rawValue: statusName) ?? .submitted }
        set { statusName = newValue.rawValue }
    }
}
