import Fluent
import Foundation
import JobcoachCore

/// A client's trajectory through the process tasks, following the framework version in force on the
/// day it started. A client has one current trajectory; ended ones stay for the record.
final class Trajectory: Model, @unchecked Sendable {
    static let schema = "trajectories"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "client_id") var client: Client
    @OptionalParent(key: "commissioner_id") var commissioner: Commissioner?
    @Field(key: "framework_id") var frameworkID: String
    @Field(key: "framework_version") var frameworkVersion: String
    @Field(key: "phase") var phaseName: String
    @Field(key: "started_at") var startedAt: Date
    @Field(key: "phase_since") var phaseSince: Date
    @OptionalField(key: "ended_at") var endedAt: Date?
    /// The latest trajectory of its client: the one the caseload shows.
    @Field(key: "is_current") var isCurrent: Bool

    init() {}

    var phase: TrajectoryPhase {
        get { TrajectoryPhase(rawValue: phaseName) ?? .intake }
        set { phaseName = newValue.rawValue }
    }
}
