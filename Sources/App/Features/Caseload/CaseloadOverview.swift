import Fluent
import Foundation
import JobcoachCore
import SQLKit

/// Everything the start pages show about a caseload: one scan of the caseload (clients with their
/// current trajectory, narrow columns), then the goals due, the placements running and the follow-ups
/// done of those trajectories by id. The due actions themselves are the core's `DueAction.open`.
struct CaseloadOverview: Sendable {
    struct Item: Sendable {
        let clientID: UUID
        let name: String
        let coachID: UUID
        let trajectoryID: UUID
        let phase: TrajectoryPhase
        let phaseSince: Date
        let startedAt: Date
        /// Processing is restricted (GDPR art. 18): the list says so.
        let restricted: Bool
    }

    let items: [Item]
    let actions: [UUID: [DueAction]]

    var openItems: [Item] { items.filter { $0.phase.isOpen } }

    /// How many clients are in each phase.
    var phaseCounts: [TrajectoryPhase: Int] { Dictionary(grouping: items, by: \.phase).mapValues(\.count) }

    static func load(_ actor: PracticeActor, today: CalendarDate, on database: any Database) async throws -> CaseloadOverview {
        guard let sql = database as? any SQLDatabase else { return CaseloadOverview(items: [], actions: [:]) }
        let trajectory = SQLColumn("id", table: Trajectory.schema)
        let items = try await CaseloadController.visible(sql.select(), actor)
            .column(SQLColumn("id", table: Client.schema)).column(SQLColumn("name", table: Client.schema))
            .column(SQLColumn("coach_id", table: Client.schema)).column(SQLColumn("restricted_since", table: Client.schema))
            .column(SQLAlias(trajectory, as: SQLIdentifier("trajectory_id")))
            .column(SQLColumn("phase", table: Trajectory.schema))
            .column(SQLColumn("phase_since", table: Trajectory.schema)).column(SQLColumn("started_at", table: Trajectory.schema))
            .orderBy(SQLColumn("name", table: Client.schema)).orderBy(SQLColumn("id", table: Client.schema))
            .all()
            .compactMap { row -> Item? in
                guard let phase = TrajectoryPhase(rawValue: try row.decode(column: "phase", as: String.self)) else { return nil }
                return Item(clientID: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                            coachID: try row.decode(column: "coach_id", as: UUID.self),
                            trajectoryID: try row.decode(column: "trajectory_id", as: UUID.self), phase: phase,
                            phaseSince: try row.decode(column: "phase_since", as: Date.self),
                            startedAt: try row.decode(column: "started_at", as: Date.self),
                            restricted: try row.decode(column: "restricted_since", as: String?.self) != nil)
            }

        // The records of those trajectories, by id (the tables' trajectory index), in chunks: one
        // scan of the caseload, not one per table.
        func rows(_ table: String, _ columns: [String], of ids: [UUID],
                  _ refine: (SQLSelectBuilder) -> SQLSelectBuilder = { $0 }) async throws -> [any SQLRow] {
            var result: [any SQLRow] = []
            var start = 0
            while start < ids.count {
                let chunk = Array(ids[start..<min(ids.count, start + 1_000)])
                var select = sql.select().from(table).column("trajectory_id")
                for column in columns { select = select.column(SQLColumn(column)) }
                select = select.where("organisation_id", .equal, SQLBind(actor.organisationID))
                    .where("trajectory_id", .in, SQLBind.group(chunk))
                result += try await refine(select).all()
                start += 1_000
            }
            return result
        }
        let open = items.filter { $0.phase.isOpen }.map(\.trajectoryID)
        let followUpPhases: Set<TrajectoryPhase> = [.onTheJob, .closing, .aftercare]
        let following = items.filter { followUpPhases.contains($0.phase) }.map(\.trajectoryID)
        let horizon = today.adding(days: DueAction.noticeDays).description
        let goals = try await rows(CoachingGoal.schema, ["what", "due_on"], of: open) {
            $0.where("reached_on", .is, SQLLiteral.null).where("dropped_on", .is, SQLLiteral.null).where("due_on", .lessThanOrEqual, SQLBind(horizon))
        }
        let placements = try await rows(Placement.schema, ["start_on"], of: following) { $0.where("ended_on", .is, SQLLiteral.null) }
        let checks = try await rows(FollowUpCheck.schema, ["months_after"], of: following)

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
            let days = items.map { TrajectoryTimeline.daysInPhase(since: $0.phaseSince, now: now) }
            return (phase, items.count, Int((Double(days.reduce(0, +)) / Double(days.count)).rounded()), days.max() ?? 0)
        }
    }
}
