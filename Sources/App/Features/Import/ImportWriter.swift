import Fluent
import Foundation
import JobcoachCore

/// Writes a checked import in one transaction, in batches, so that 20,000 clients take seconds and
/// a failure anywhere leaves nothing behind. Each created record has its audit entry, written in the
/// same transaction.
struct ImportWriter: Sendable {
    var context: ImportContext
    var runID: UUID
    var fileName: String
    var clock: any AppClock
    static let batchSize = 500

    /// Writes the plan; `progress(done, total)` after each batch. The number of records created.
    func write(_ check: ImportCheck, on database: any Database, progress: @Sendable (Int, Int) -> Void) async throws -> Int {
        let actor = context.actor
        var entries: [(actor: String, action: String, subject: String, details: [String: String])] = []
        let total = check.plannedCount
        let organisation = actor.organisationID.uuidString
        let base = ["organisation": organisation, "import": runID.uuidString]
        switch check.kind {
        case .clients:
            let version = try TrajectoryStarter.version(context.organisation, at: context.now, standard: context.standard, timeZone: context.timeZone)
            var done = 0
            for batch in check.clients.chunked(Self.batchSize) {
                var clients: [Client] = [], trajectories: [Trajectory] = [], moves: [TrajectoryMoveRow] = []
                for planned in batch {
                    let client = Client()
                    let clientID = UUID()
                    client.id = clientID
                    client.organisationID = actor.organisationID
                    client.teamID = planned.teamID
                    client.$coach.id = planned.input.coachID
                    client.reference = planned.reference
                    planned.input.apply(to: client)
                    clients.append(client)
                    let trajectory = TrajectoryStarter.new(clientID: clientID, organisationID: actor.organisationID,
                                                           commissionerID: planned.input.commissionerID, version: version, at: planned.startedAt)
                    if planned.phase != .intake {
                        trajectory.phase = planned.phase
                        trajectory.phaseSince = context.now
                        let move = TrajectoryMoveRow()
                        move.organisationID = actor.organisationID
                        move.$trajectory.id = trajectory.id!
                        move.fromPhase = TrajectoryPhase.intake.rawValue
                        move.toPhase = planned.phase.rawValue
                        move.movedAt = context.now
                        move.reason = "Import: \(fileName)"
                        move.movedBy = actor.userID
                        moves.append(move)
                    }
                    trajectories.append(trajectory)
                    entries.append((actor.user.auditName, "client.created", "client:\(clientID.uuidString)", base.merging([
                        "trajectory": trajectory.id!.uuidString, "coach": planned.input.coachID.uuidString,
                        "framework": "\(version.id)@\(version.version)", "phase": planned.phase.rawValue,
                    ]) { first, _ in first }))
                }
                try await clients.create(on: database)
                try await trajectories.create(on: database)
                if !moves.isEmpty { try await moves.create(on: database) }
                done += batch.count
                progress(done, total)
            }
        case .employers:
            var done = 0
            for batch in check.employers.chunked(Self.batchSize) {
                let rows = batch.map { planned -> Employer in
                    let employer = Employer()
                    employer.id = UUID()
                    employer.organisationID = actor.organisationID
                    planned.form.apply(to: employer)
                    employer.jobCarving = planned.jobCarving
                    employer.interviewedOn = nil
                    entries.append((actor.user.auditName, "employer.created", "employer:\(employer.id!.uuidString)", base))
                    return employer
                }
                try await rows.create(on: database)
                done += batch.count
                progress(done, total)
            }
        case .workplaces:
            var done = 0
            for batch in check.workplaces.chunked(Self.batchSize) {
                let rows = batch.map { planned -> Workplace in
                    let workplace = Workplace()
                    workplace.id = UUID()
                    workplace.organisationID = actor.organisationID
                    workplace.$employer.id = planned.employerID
                    planned.input.apply(to: workplace)
                    entries.append((actor.user.auditName, "workplace.created", "workplace:\(workplace.id!.uuidString)", base))
                    return workplace
                }
                try await rows.create(on: database)
                done += batch.count
                progress(done, total)
            }
            if !check.workplaces.isEmpty { try await WorkplaceIndexCache.touch(organisationID: actor.organisationID, on: database) }
        }
        entries.append((actor.user.auditName, "import.executed", "import:\(runID.uuidString)",
                        base.merging(["kind": check.kind.rawValue, "created": String(total)]) { first, _ in first }))
        try await AuditTrail(clock: clock).record(on: database, chain: .organisation(actor.organisationID), entries: entries)
        return total
    }
}

extension Array {
    /// The elements in consecutive slices of at most `size`.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
