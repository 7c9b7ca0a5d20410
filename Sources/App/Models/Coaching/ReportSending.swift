import Fluent
import Foundation

/// A report sent to the commissioner: which, in which language, to whom, and the SHA-256 of what was
/// sent, so it can be shown later exactly as it went.
final class ReportSending: Model, @unchecked Sendable {
    static let schema = "report_sendings"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "report_kind") var reportKind: String
    @Field(key: "language") var language: String
    @OptionalField(key: "commissioner_id") var commissionerID: UUID?
    @Field(key: "content") var content: String
    @Field(key: "content_sha256") var contentSHA256: String
    @Field(key: "sent_at") var sentAt: Date
    @Field(key: "sent_by") var sentBy: UUID

    init() {}
}
