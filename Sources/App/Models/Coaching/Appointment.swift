import JobcoachCore
import Fluent
import Foundation

/// An appointment with the client, shown on their own page and downloadable as iCalendar.
final class Appointment: Model, @unchecked Sendable {
    static let schema = "appointments"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "minutes") var minutes: Int
    @Field(key: "location") var location: String
    @Field(key: "topic") var topic: String
    /// `AppointmentKind`.
    @Field(key: "kind") var kind: String
    /// `AppointmentStatus`: a cancelled appointment stays, with its reason.
    @Field(key: "status") var status: String
    @Field(key: "cancel_reason") var cancelReason: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {
        kind = AppointmentKind.conversation.rawValue
        status = AppointmentStatus.planned.rawValue
        cancelReason = ""
    }
}
