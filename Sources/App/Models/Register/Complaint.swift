import Fluent
import Foundation
import JobcoachCore

/// A complaint against a registered coach, as the register officer records and handles it.
final class Complaint: Model, @unchecked Sendable {
    static let schema = "complaints"

    @ID(key: .id) var id: UUID?
    @Parent(key: "certificate_id") var certificate: Certificate
    @Field(key: "received_on") var receivedOn: String
    @Field(key: "summary") var summary: String
    @Field(key: "status") var statusName: String
    /// For an upheld complaint: `none`, `suspend` or `revoke`.
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "outcome_reason") var outcomeReason: String?
    @Field(key: "recorded_by") var recordedBy: UUID
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var status: ComplaintStatus {
        get { ComplaintStatus(rawValue: statusName) ?? .received }
        set { statusName = newValue.rawValue }
    }
}
