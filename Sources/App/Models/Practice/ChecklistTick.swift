import Fluent
import Foundation

/// An indicator of the trajectory's framework version marked done, with the coach's note. It refers
/// to the indicator by id: the text stays in the framework data.
final class ChecklistTick: Model, @unchecked Sendable {
    static let schema = "checklist_ticks"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "indicator_id") var indicatorID: String
    @Field(key: "done") var done: Bool
    @Field(key: "note") var note: String
    @Field(key: "updated_by") var updatedBy: UUID
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
