import Fluent
import Foundation
import JobcoachCore

/// A SMART goal of the coaching plan with its small steps (one per line), and when it was reached.
final class CoachingGoal: Model, @unchecked Sendable {
    static let schema = "coaching_goals"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "what") var what: String
    @Field(key: "why") var why: String
    @Field(key: "target") var target: Double
    @Field(key: "unit") var unit: String
    @Field(key: "due_on") var dueOn: String
    @Field(key: "agreed_with_client") var agreedWithClient: Bool
    @Field(key: "steps") var steps: String
    @OptionalField(key: "reached_on") var reachedOn: String?
    /// A goal no longer pursued keeps its row: the day and the reason.
    @OptionalField(key: "dropped_on") var droppedOn: String?
    @Field(key: "drop_reason") var dropReason: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {
        dropReason = ""
    }

    var stepList: [String] { steps.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
}
