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
    /// Who made the complaint: for the register office only, never public or shown to the coach.
    @Field(key: "complainant_name") var complainantName: String
    /// A `ComplainantRole`; empty on complaints recorded before the role was asked.
    @Field(key: "complainant_role") var complainantRole: String
    @Field(key: "complainant_contact") var complainantContact: String
    /// The coach's side of the story, until the register decides.
    @OptionalField(key: "response") var response: String?
    @OptionalField(key: "responded_at") var respondedAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var status: ComplaintStatus {
        get { ComplaintStatus(rawValue: statusName) ?? .received }
        set { statusName = newValue.rawValue }
    }
}
