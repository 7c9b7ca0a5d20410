import Fluent
import Foundation
import JobcoachCore
import SQLKit

/// The trajectories table, named outside `OutcomeData`, whose `Trajectory` is its own.
private let trajectoryTable = Trajectory.schema

/// Everything the outcome figures are computed from, for one agency: every trajectory with its coach
/// and team, the factors recorded at intake, the job spells, and the last contact. Narrow columns in a
/// few scans; the figures themselves are the core's.
struct OutcomeData: Sendable {
    struct Trajectory: Sendable {
        let id: UUID
        let coachID: UUID
        let teamID: UUID?
        let commissionerID: UUID?
        let start: CalendarDate
        let end: CalendarDate?
        let phase: TrajectoryPhase
        let factors: Factors?
        let jobs: [Job]
        var lastContact: CalendarDate?
        var firstEmployerContact: CalendarDate?
        var lastFollowUpMonths: Int?
        var satisfaction: [Satisfaction.Rating]
        /// The trajectory as the employment measures see it, made once.
        let outcomeClient: OutcomeClient
    }

    struct Factors: Sendable {
        let supportNeed: SupportNeed?
        let targetGroups: Set<TargetGroup>
        let monthsOutOfWork: Int?
        let employedAtIntake: Bool
        let workExperience: Bool?
        let age: Int?
        let paymentGroup: String
    }

    struct Job: Sendable {
        let job: OutcomeJob
        let employer: String
        let title: String
    }

    let trajectories: [Trajectory]
    let coachNames: [UUID: String]
    let teamNames: [UUID: String]

    static func load(organisationID: UUID, timeZone: TimeZone, on database: any Database) async throws -> OutcomeData {
        guard let sql = database as? any SQLDatabase else { return OutcomeData(trajectories: [], coachNames: [:], teamNames: [:]) }
        let organisation = SQLBind(organisationID)
        func day(_ row: any SQLRow, _ column: String) throws -> CalendarDate? {
            try row.decodeNil(column: column) ? nil : CalendarDate(try row.decode(column: column, as: String.self))
        }
        var factors: [UUID: Factors] = [:]
        for row in try await sql.select().from(IntakeFactorsRow.schema)
            .columns("trajectory_id", "target_groups", "support_need", "months_out_of_work", "employed_at_intake", "work_experience",
                     "age_at_intake", "payment_group")
            .where("organisation_id", .equal, organisation).all() {
            factors[try row.decode(column: "trajectory_id", as: UUID.self)] = Factors(
                supportNeed: try row.decode(column: "support_need", as: String?.self).flatMap(SupportNeed.init(rawValue:)),
                targetGroups: Set(try row.decode(column: "target_groups", as: String.self).split(separator: " ")
                    .compactMap { TargetGroup(rawValue: String($0)) }),
                monthsOutOfWork: try row.decode(column: "months_out_of_work", as: Int?.self),
                employedAtIntake: try row.decode(column: "employed_at_intake", as: Bool.self),
                workExperience: try row.decode(column: "work_experience", as: Bool?.self),
                age: try row.decode(column: "age_at_intake", as: Int?.self),
                paymentGroup: try row.decode(column: "payment_group", as: String.self))
        }
        var jobs: [UUID: [Job]] = [:]
        for row in try await sql.select().from(JobSpell.schema)
            .columns("trajectory_id", "start_on", "end_on", "hours_per_week", "hourly_wage", "regular", "employer_name", "job_title")
            .where("organisation_id", .equal, organisation).all() {
            guard let start = try day(row, "start_on") else { continue }
            let job = OutcomeJob(start: start, end: try day(row, "end_on"), hoursPerWeek: try row.decode(column: "hours_per_week", as: Double.self),
                                 hourlyWage: try row.decode(column: "hourly_wage", as: Double?.self),
                                 regular: try row.decode(column: "regular", as: Bool.self))
            jobs[try row.decode(column: "trajectory_id", as: UUID.self), default: []]
                .append(Job(job: job, employer: try row.decode(column: "employer_name", as: String.self),
                            title: try row.decode(column: "job_title", as: String.self)))
        }
        var lastContact: [UUID: CalendarDate] = [:]
        for row in try await sql.select().from(SupportEntry.schema).column("trajectory_id")
            .column(SQLFunction("MAX", args: SQLColumn("held_on")), as: "last")
            .where("organisation_id", .equal, organisation).groupBy("trajectory_id").all() {
            if let last = try day(row, "last") { lastContact[try row.decode(column: "trajectory_id", as: UUID.self)] = last }
        }
        var firstMatch: [UUID: Date] = [:]
        for row in try await sql.select().from(MatchDecision.schema).column("trajectory_id")
            .column(SQLFunction("MIN", args: SQLColumn("decided_at")), as: "first")
            .where("organisation_id", .equal, organisation).where("decision", .equal, SQLBind("match")).groupBy("trajectory_id").all() {
            firstMatch[try row.decode(column: "trajectory_id", as: UUID.self)] = try row.decode(column: "first", as: Date.self)
        }
        var followUps: [UUID: Int] = [:]
        for row in try await sql.select().from(FollowUpCheck.schema).column("trajectory_id")
            .column(SQLFunction("MAX", args: SQLColumn("months_after")), as: "months")
            .where("organisation_id", .equal, organisation).groupBy("trajectory_id").all() {
            followUps[try row.decode(column: "trajectory_id", as: UUID.self)] = try row.decode(column: "months", as: Int.self)
        }
        var satisfaction: [UUID: [Satisfaction.Rating]] = [:]
        for row in try await sql.select().from(SatisfactionRating.schema).columns("trajectory_id", "respondent", "score", "given_on")
            .where("organisation_id", .equal, organisation).all() {
            guard let given = try day(row, "given_on"),
                  let respondent = SatisfactionRespondent(rawValue: try row.decode(column: "respondent", as: String.self)) else { continue }
            satisfaction[try row.decode(column: "trajectory_id", as: UUID.self), default: []]
                .append(Satisfaction.Rating(year: given.year, respondent: respondent, score: try row.decode(column: "score", as: Int.self)))
        }
        var trajectories: [Trajectory] = []
        for row in try await sql.select().from(trajectoryTable)
            .join(Client.schema, on: SQLColumn("client_id", table: trajectoryTable), .equal, SQLColumn("id", table: Client.schema))
            .column(SQLColumn("id", table: trajectoryTable)).column(SQLColumn("coach_id", table: Client.schema))
            .column(SQLColumn("team_id", table: Client.schema)).column(SQLColumn("commissioner_id", table: trajectoryTable))
            .column(SQLColumn("started_at", table: trajectoryTable)).column(SQLColumn("ended_at", table: trajectoryTable))
            .column(SQLColumn("phase", table: trajectoryTable))
            .where(SQLColumn("organisation_id", table: trajectoryTable), .equal, organisation)
            .where(SQLColumn("organisation_id", table: Client.schema), .equal, organisation)
            .all() {
            let id = try row.decode(column: "id", as: UUID.self)
            guard let phase = TrajectoryPhase(rawValue: try row.decode(column: "phase", as: String.self)) else { continue }
            let started = CalendarDate(try row.decode(column: "started_at", as: Date.self), in: timeZone)
            let ended = try row.decode(column: "ended_at", as: Date?.self).map { CalendarDate($0, in: timeZone) }
            trajectories.append(Trajectory(
                id: id, coachID: try row.decode(column: "coach_id", as: UUID.self), teamID: try row.decode(column: "team_id", as: UUID?.self),
                commissionerID: try row.decode(column: "commissioner_id", as: UUID?.self), start: started,
                end: ended, phase: phase,
                factors: factors[id], jobs: jobs[id] ?? [], lastContact: lastContact[id],
                firstEmployerContact: firstMatch[id].map { CalendarDate($0, in: timeZone) }, lastFollowUpMonths: followUps[id],
                satisfaction: satisfaction[id] ?? [],
                outcomeClient: OutcomeClient(id: id.uuidString, start: started, end: ended, employedAtStart: factors[id]?.employedAtIntake ?? false,
                                             jobs: (jobs[id] ?? []).map(\.job))))
        }
        var coachNames: [UUID: String] = [:]
        for row in try await sql.select().from(User.schema)
            .column(SQLColumn("id", table: User.schema)).column(SQLColumn("display_name", table: User.schema))
            .join(Membership.schema, on: SQLColumn("user_id", table: Membership.schema), .equal, SQLColumn("id", table: User.schema))
            .where(SQLColumn("organisation_id", table: Membership.schema), .equal, organisation).all() {
            coachNames[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "display_name", as: String.self)
        }
        var teamNames: [UUID: String] = [:]
        for row in try await sql.select().from(Team.schema).columns("id", "name").where("organisation_id", .equal, organisation).all() {
            teamNames[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "name", as: String.self)
        }
        return OutcomeData(trajectories: trajectories, coachNames: coachNames, teamNames: teamNames)
    }
}

extension OutcomeData.Trajectory {
    /// The intake factors the model adjusts for, when every one of them was recorded.
    var completeFactors: IntakeFactors? {
        guard let factors, let need = factors.supportNeed, let months = factors.monthsOutOfWork, let age = factors.age,
              let experience = factors.workExperience else { return nil }
        return IntakeFactors(supportNeed: need, targetGroups: factors.targetGroups, monthsOutOfWork: Double(months), age: Double(age),
                             workExperience: experience)
    }
}

extension OutcomeData {
    /// The agency-wide model of a period: fitted on every client served in it whose intake factors are
    /// all recorded (the outcome: a regular job with a day in the period), with the unit the coach.
    /// The coach and the team are not factors; other groupings sum the same fit.
    struct AdjustedFit {
        let trajectories: [Trajectory]
        let leftOut: Int
        let result: Result<RiskAdjustment, OutcomeModelError>
    }

    func riskAdjustment(in period: OutcomePeriod) -> AdjustedFit {
        var fitted: [Trajectory] = []
        var clients: [RiskAdjustedClient] = []
        var leftOut = 0
        for trajectory in trajectories where EmploymentMeasures.window(of: trajectory.outcomeClient, in: period) != nil {
            guard let factors = trajectory.completeFactors else { leftOut += 1; continue }
            fitted.append(trajectory)
            clients.append(RiskAdjustedClient(id: trajectory.id.uuidString, unit: trajectory.coachID.uuidString,
                                              outcome: EmploymentMeasures.worked(trajectory.outcomeClient, in: period), factors: factors))
        }
        return AdjustedFit(trajectories: fitted, leftOut: leftOut, result: Result { () throws(OutcomeModelError) in try RiskAdjustment.compute(clients) })
    }
}
