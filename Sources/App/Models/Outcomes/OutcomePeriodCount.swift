import Fluent
import Foundation

/// Anonymous counts kept when trajectories are erased, so that an agency's figures over a period do
/// not change: per quarter, per group (all, support need, payment group, commissioner) and per measure.
final class OutcomePeriodCount: Model, @unchecked Sendable {
    static let schema = "outcome_period_counts"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    /// `2025-Q3`.
    @Field(key: "quarter") var quarter: String
    /// `all`, `supportNeed=high`, `paymentGroup=A`, `commissioner=<id>`.
    @Field(key: "grouping") var grouping: String
    /// `served`, `out-of-work-at-start`, `employed`, `employed-out-of-work-at-start`, or a payment point.
    @Field(key: "measure") var measure: String
    @Field(key: "count") var count: Int

    init() {}
}
