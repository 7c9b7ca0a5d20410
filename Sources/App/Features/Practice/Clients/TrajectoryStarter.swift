import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Starts a trajectory under the version of the agency's process framework in force that day.
enum TrajectoryStarter {
    static func start(client: Client, commissionerID: UUID?, organisation: Organisation, at moment: Date,
                      standard: ProfessionalStandard, timeZone: TimeZone, on database: any Database) async throws -> Trajectory {
        let version = try self.version(organisation, at: moment, standard: standard, timeZone: timeZone)
        let trajectory = new(clientID: try client.requireID(), organisationID: client.organisationID, commissionerID: commissionerID,
                             version: version, at: moment)
        try await trajectory.create(on: database)
        return trajectory
    }

    /// The version of the agency's process framework in force at a moment.
    static func version(_ organisation: Organisation, at moment: Date, standard: ProfessionalStandard,
                        timeZone: TimeZone) throws -> FrameworkVersion {
        let day = CalendarDate(moment, in: timeZone)
        guard let version = ProcessFramework.version(organisation.processFramework, on: day, in: standard.frameworks) else {
            throw Abort(.internalServerError, reason: "no version of \(organisation.processFramework) with process tasks 0-7 is in force on \(day)")
        }
        return version
    }

    /// A new trajectory row in intake, not yet stored.
    static func new(clientID: UUID, organisationID: UUID, commissionerID: UUID?, version: FrameworkVersion, at moment: Date) -> Trajectory {
        let trajectory = Trajectory()
        trajectory.id = UUID()
        trajectory.organisationID = organisationID
        trajectory.$client.id = clientID
        trajectory.$commissioner.id = commissionerID
        trajectory.frameworkID = version.id
        trajectory.frameworkVersion = version.version
        trajectory.phase = .intake
        trajectory.startedAt = moment
        trajectory.phaseSince = moment
        trajectory.isCurrent = true
        trajectory.endedAt = nil
        return trajectory
    }
}
