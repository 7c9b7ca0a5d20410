import Fluent
import Foundation

/// A coach's contracted hours per week, which scale their caseload limit. No row means full time.
final class CoachHours: Model, @unchecked Sendable {
    static let schema = "coach_hours"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "user_id") var user: User
    @Field(key: "hours_per_week") var hoursPerWeek: Double

    init() {}
}
