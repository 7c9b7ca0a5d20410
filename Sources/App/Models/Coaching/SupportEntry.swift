import JobcoachCore
import Fluent
import Foundation

/// One contact of on-the-job support (task 6): when, how long, with whom, where, what happened, and
/// the progress seen per goal (a JSON object from goal id to text).
final class SupportEntry: Model, @unchecked Sendable {
    static let schema = "support_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "held_on") var heldOn: String
    @Field(key: "minutes") var minutes: Int
    /// One of `SupportParty`.
    @Field(key: "with_whom") var withWhom: String
    @Field(key: "location") var location: String
    @Field(key: "notes") var notes: String
    @Field(key: "progress") var progress: String
    /// `ContactMode`.
    @Field(key: "contact_mode") var contactMode: String
    /// What was agreed, in words for the client; shown on the client's own page when filled in.
    @Field(key: "client_summary") var clientSummary: String
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {
        contactMode = ContactMode.faceToFace.rawValue
        clientSummary = ""
    }

    var progressByGoal: [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(progress.utf8))) ?? [:]
    }
}
