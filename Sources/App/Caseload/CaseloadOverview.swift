import Fluent
import Foundation
import JobcoachCore
import SQLKit

/// Everything the start pages show about a caseload, in four narrow queries whatever its size: the
/// clients with their current trajectory, goals due, placements running and follow-ups done. The
/// due actions themselves are the core's `DueAction.open`.
struct CaseloadOverview: Sendable {
    struct Item: Sendable {
        let clientID: UUID
        let name: String
        let coachID: UUID
        let trajectoryID: UUID
        let phase: TrajectoryPhase
        let phaseSince: Date
        let startedAt: Date
    }

    let items: [Item]
    let actions: [UUID: [DueAction]]

    var openItems: [Item] { items.filter { $0.phase.isOpen } }

    static func load(_ actor: PracticeActor, today: CalendarDate, on database: any Database) async throws -> CaseloadOverview {
        guard let sql = database as? any SQLDatabase else { return CaseloadOverview(items: [], actions: [:]) }
        let trajectory = SQLColumn("id", table: Trajectory.schema)
        let items = try await CaseloadController.visible(sql.select(), actor)
            .column(SQLColumn("id", table: Client.schema)).column(SQLColumn("name", table: Client.schema))
            .column(SQLColumn("coach_id", table: Client.schema))
            .column(SQLAlias(trajectory, as: SQLIdentifier("trajectory_id")))
            .column(SQLColumn("phase", table: Trajectory.schema))
            .column(SQLColumn("phase_since", table: Trajectory.schema)).column(SQLColumn("started_at", table: Trajectory.schema))
            .orderBy(SQLColumn("name", table: Client.schema))
            .all()
            .compactMap { row -> Item? in
                guard let phase = TrajectoryPhase(rawValue: try row.decode(column: "phase", as: String.self)) else { return nil }
                return Item(clientID: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                            coachID: try row.decode(column: "coach_id", as: UUID.self),
                            trajectoryID: try row.decode(column: "trajectory_id", as: UUID.self), phase: phase,
                            phaseSince: try row.decode(column: "phase_since", as: Date.self),
                            startedAt: try row.decode(column: "started_at", as: Date.self))
            }

        /// Rows of a trajectory table for the visible current trajectories.
        func of(_ table: String, _ columns: [String]) -> SQLSelectBuilder {
            var select = CaseloadController.visible(sql.select(), actor)
                .join(table, on: SQLColumn("trajectory_id", table: table), .equal, trajectory)
                .where(SQLColumn("organisation_id", table: table), .equal, SQLBind(actor.organisationID))
                .column(SQLColumn("trajectory_id", table: table))
            for column in columns { select = select.column(SQLColumn(column, table: table)) }
            return select
        }
        let horizon = today.adding(days: DueAction.noticeDays).description
        let goals = try await of(CoachingGoal.schema, ["what", "due_on"])
            .where(SQLColumn("reached_on", table: CoachingGoal.schema), .is, SQLLiteral.null)
            .where(SQLColumn("due_on", table: CoachingGoal.schema), .lessThanOrEqual, SQLBind(horizon))
            .all()
        let followUpPhases = [TrajectoryPhase.onTheJob, .closing, .aftercare].map(\.rawValue)
        let placements = try await of(Placement.schema, ["start_on"])
            .where(SQLColumn("ended_on", table: Placement.schema), .is, SQLLiteral.null)
            .where(SQLColumn("phase", table: Trajectory.schema), .in, SQLBind.group(followUpPhases))
            .all()
        let checks = try await of(FollowUpCheck.schema, ["months_after"]).all()

        var goalsByTrajectory: [UUID: [(what: String, dueOn: CalendarDate, reached: Bool)]] = [:]
        for row in goals {
            guard let due = CalendarDate(try row.decode(column: "due_on", as: String.self)) else { continue }
            goalsByTrajectory[try row.decode(column: "trajectory_id", as: UUID.self), default: []]
                .append((try row.decode(column: "what", as: String.self), due, false))
        }
        var placedOn: [UUID: CalendarDate] = [:]
        for row in placements {
            if let start = CalendarDate(try row.decode(column: "start_on", as: String.self)) {
                placedOn[try row.decode(column: "trajectory_id", as: UUID.self)] = start
            }
        }
        var done: [UUID: Set<Int>] = [:]
        for row in checks {
            done[try row.decode(column: "trajectory_id", as: UUID.self), default: []].insert(try row.decode(column: "months_after", as: Int.self))
        }
        var actions: [UUID: [DueAction]] = [:]
        for item in items where goalsByTrajectory[item.trajectoryID] != nil || placedOn[item.trajectoryID] != nil {
            let open = DueAction.open(goals: goalsByTrajectory[item.trajectoryID] ?? [], placedOn: placedOn[item.trajectoryID],
                                      followUpsDone: done[item.trajectoryID] ?? [], phase: item.phase, on: today)
            if !open.isEmpty { actions[item.trajectoryID] = open }
        }
        return CaseloadOverview(items: items, actions: actions)
    }

    /// Days each open client has been in their current phase, per phase: how many, the average and
    /// the longest.
    func leadTimes(now: Date) -> [(phase: TrajectoryPhase, clients: Int, averageDays: Int, longestDays: Int)] {
        let byPhase = Dictionary(grouping: openItems, by: \.phase)
        return TrajectoryPhase.allCases.compactMap { phase in
            guard let items = byPhase[phase], !items.isEmpty else { return nil }
            let days = items.map { Int(max(0, now.timeIntervalSince($0.phaseSince)) / 86_400) }
            return (phase, items.count, Int((Double(days.reduce(0, +)) / Double(days.count)).rounded()), days.max() ?? 0)
        }
    }
}
