import Fluent
import Foundation

/// The client's choice whether a kind of report may go to the trajectory's commissioner, recorded
/// by the coach (as told by the client) or by the client on their own page.
final class ReportConsent: Model, @unchecked Sendable {
    static let schema = "report_consents"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    /// One of `ReportKind`.
    @Field(key: "report_kind") var reportKind: String
    @Field(key: "given") var given: Bool
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "by_client") var byClient: Bool

    init() {}
}
