import Fluent
import Foundation
import JobcoachCore
import Vapor

/// A client with their current trajectory and its records, loaded together for the client's pages.
struct ClientFile: Sendable {
    let client: Client
    let trajectory: Trajectory
    let framework: FrameworkVersion
    let moves: [TrajectoryMoveRow]
    let intake: Intake?
    let profile: EmployeeProfile?
    let placements: [Placement]

    var trajectoryID: UUID { trajectory.id! }

    var activePlacement: Placement? {
        placements.first { $0.endedOn == nil }
    }

    /// The active placement in one line (workplace, employer, start, hours a week), or nil without one.
    func placementSummary(_ request: Request) async throws -> String? {
        guard let placement = activePlacement else { return nil }
        let workplace = try await placement.$workplace.get(on: request.db)
        let employer = try await workplace.$employer.get(on: request.db)
        let language = request.language
        return request.t("placementSummary", [
            "workplace": workplace.title, "employer": employer.name,
            "date": CalendarDate(placement.startOn)?.text(in: language) ?? placement.startOn,
            "hours": NumberText.format(placement.hoursPerWeek, in: language),
        ])
    }

    var facts: TrajectoryFacts {
        TrajectoryFacts(hasIntake: intake != nil, hasAgreedEmployeeProfile: profile?.agreedOn != nil,
                        hasPlacement: activePlacement != nil)
    }

    var timeline: TrajectoryTimeline {
        TrajectoryTimeline(startedAt: trajectory.startedAt, moves: moves.compactMap(\.core))
    }

    static func load(_ client: Client, on request: Request) async throws -> ClientFile {
        let clientID = try client.requireID()
        guard let trajectory = try await Trajectory.query(on: request.db)
            .filter(\.$organisationID == client.organisationID).filter(\.$client.$id == clientID)
            .filter(\.$isCurrent == true).first()
        else { throw Abort(.internalServerError, reason: "client \(clientID) has no current trajectory") }
        return try await load(client, trajectory: trajectory, on: request)
    }

    static func load(_ client: Client, trajectory: Trajectory, on request: Request) async throws -> ClientFile {
        let trajectoryID = try trajectory.requireID()
        let organisationID = client.organisationID
        guard let framework = request.standard.frameworks.version(trajectory.frameworkID, trajectory.frameworkVersion) else {
            throw Abort(.internalServerError, reason: "framework \(trajectory.frameworkID) \(trajectory.frameworkVersion) is not loaded")
        }
        let moves = try await TrajectoryMoveRow.query(on: request.db)
            .filter(\.$organisationID == organisationID).filter(\.$trajectory.$id == trajectoryID)
            .sort(\.$movedAt).all()
        let intake = try await Intake.query(on: request.db)
            .filter(\.$organisationID == organisationID).filter(\.$trajectory.$id == trajectoryID).first()
        let profile = try await EmployeeProfile.query(on: request.db)
            .filter(\.$organisationID == organisationID).filter(\.$trajectory.$id == trajectoryID).first()
        let placements = try await Placement.query(on: request.db)
            .filter(\.$organisationID == organisationID).filter(\.$trajectory.$id == trajectoryID)
            .sort(\.$createdAt, .descending).all()
        return ClientFile(client: client, trajectory: trajectory, framework: framework, moves: moves,
                          intake: intake, profile: profile, placements: placements)
    }
}
