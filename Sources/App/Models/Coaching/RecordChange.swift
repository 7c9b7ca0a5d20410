import Fluent
import Foundation

/// One change to a written record of a trajectory (a goal, a support entry, an evaluation, an
/// appointment, a milestone): what it was before, who changed it, when and why. The record shows
/// its history as "changed on ... by ..., was ...".
final class RecordChange: Model, @unchecked Sendable {
    static let schema = "record_changes"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    /// `RecordRevision.Kind`.
    @Field(key: "record_kind") var recordKind: String
    @Field(key: "record_id") var recordID: UUID
    /// `RecordRevision.Change`.
    @Field(key: "change") var change: String
    /// The fields that changed with their values before, as a JSON object of strings.
    @Field(key: "previous") var previous: String
    @Field(key: "reason") var reason: String
    @Field(key: "changed_by") var changedBy: UUID
    @Field(key: "changed_by_name") var changedByName: String
    @Field(key: "changed_at") var changedAt: Date

    init() {}
}
