import Fluent
import Foundation

/// A permanent-education activity a certified coach records for recertification.
final class CPDActivityRow: Model, @unchecked Sendable {
    static let schema = "cpd_activities"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "title") var title: String
    @Field(key: "category") var category: String
    @OptionalField(key: "hours") var hours: Double?
    @OptionalField(key: "points") var points: Double?
    @Field(key: "completed_on") var completedOn: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
