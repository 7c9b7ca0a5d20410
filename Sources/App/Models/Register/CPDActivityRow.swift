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
    /// The training provider that confirmed it; the holder cannot change or remove such an entry.
    @OptionalField(key: "confirmed_by") var confirmedBy: UUID?
    /// Says which confirmation it came from, so that the same confirmation lands once.
    @OptionalField(key: "source_key") var sourceKey: String?

    init() {}
}
