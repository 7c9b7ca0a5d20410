import Fluent
import Foundation

/// What a commissioner pays for one payment point (start, placement, kept 26 or 52 weeks) of one of
/// its payment groups, in cents.
final class CommissionerTariff: Model, @unchecked Sendable {
    static let schema = "commissioner_tariffs"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "commissioner_id") var commissioner: Commissioner
    @Field(key: "payment_group") var paymentGroup: String
    @Field(key: "payment_point") var paymentPoint: String
    @Field(key: "amount_cents") var amountCents: Int

    init() {}
}
