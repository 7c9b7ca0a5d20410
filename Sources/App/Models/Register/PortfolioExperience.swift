import Fluent
import Foundation

/// A period of work as a job coach with its hours: the experience log. The start of the first
/// period, the sum of hours and whether a period is still running give the experience the entry
/// requirements ask for.
final class PortfolioExperience: Model, @unchecked Sendable {
    static let schema = "portfolio_experience"

    @ID(key: .id) var id: UUID?
    @Parent(key: "portfolio_id") var portfolio: CoachPortfolio
    @Field(key: "organisation") var organisation: String
    @Field(key: "description") var description: String
    @Field(key: "started_on") var startedOn: String
    /// Nil while the coach still works there.
    @OptionalField(key: "ended_on") var endedOn: String?
    @Field(key: "hours") var hours: Double

    init() {}
}
