import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Starts a trajectory under the version of the agency's process framework in force that day.
enum TrajectoryStarter {
    static func start(client: Client, commissionerID: UUID?, organisation: Organisation, at moment: Date,
                      standard: ProfessionalStandard, timeZone: TimeZone, on database: any Database) async throws -> Trajectory {
        let day = CalendarDate(moment, in: timeZone)
        guard let version = ProcessFramework.version(organisation.processFramework, on: day, in: standard.frameworks) else {
            throw Abort(.internalServerError, reason: "no version of \(organisation.processFramework) with process tasks 0-7 is in force on \(day)")
        }
        let trajectory = Trajectory()
        trajectory.organisationID = client.organisationID
        trajectory.$client.id = try client.requireID()
        trajectory.$commissioner.id = commissionerID
        trajectory.frameworkID = version.id
        trajectory.frameworkVersion = version.version
        trajectory.phase = .intake
        trajectory.startedAt = moment
        trajectory.phaseSince = moment
        trajectory.isCurrent = true
        try await trajectory.create(on: database)
        return trajectory
    }
}
