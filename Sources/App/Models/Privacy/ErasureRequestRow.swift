import Fluent
import Foundation
import JobcoachCore

/// A client's request to be erased: recorded by one person, confirmed (and carried out) or
/// withdrawn by another. It stays after the erasure, with the client's id gone and the reference
/// standing in for them.
final class ErasureRequestRow: Model, @unchecked Sendable {
    static let schema = "erasure_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @OptionalField(key: "client_id") var clientID: UUID?
    @Field(key: "reference") var reference: String
    @Field(key: "received_on") var receivedOn: String
    @Field(key: "export_offered") var exportOffered: Bool
    @Field(key: "note") var note: String
    @Field(key: "status") var statusName: String
    @Field(key: "requested_by") var requestedBy: UUID
    @Field(key: "requested_at") var requestedAt: Date
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?

    init() {}

    var status: ErasureRequestStatus { ErasureRequestStatus(rawValue: statusName) ?? .requested }
}

/// What the commissioner's books need of an erased client, without the client: each payment point
/// reached (and its amount), each grant of coaching hours, and the support hours per month.
final class RetainedFinancialRecord: Model, @unchecked Sendable {
    static let schema = "retained_financial_records"

    enum Kind: String, Sendable, CaseIterable {
        case paymentPoint = "payment-point"
        case grant
        case supportHours = "support-hours"
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @OptionalField(key: "commissioner_id") var commissionerID: UUID?
    /// The erasure's reference: the same for every record of one client.
    @Field(key: "reference") var reference: String
    @Field(key: "kind") var kind: String
    @Field(key: "payment_group") var paymentGroup: String
    @OptionalField(key: "payment_point") var paymentPoint: String?
    /// A day, or the first day of the month for support hours.
    @Field(key: "occurred_on") var occurredOn: String
    @OptionalField(key: "amount_cents") var amountCents: Int?
    @OptionalField(key: "hours") var hours: Double?
    @OptionalField(key: "regime") var regime: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(organisationID: UUID, commissionerID: UUID?, reference: String, kind: Kind, paymentGroup: String, occurredOn: String,
         createdAt: Date) {
        self.organisationID = organisationID
        self.commissionerID = commissionerID
        self.reference = reference
        self.kind = kind.rawValue
        self.paymentGroup = paymentGroup
        self.occurredOn = occurredOn
        self.createdAt = createdAt
    }
}
