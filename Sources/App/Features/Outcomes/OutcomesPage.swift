import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The outcome figures of one viewer over one year: the IPS measures of their clients beside the
/// agency's, the rate by quarter, days to first job, retention, outcomes against expected, and the
/// signs of creaming. Computed by the core from `OutcomeData`; the page only words and draws them.
struct OutcomesPage: Sendable {
    struct UnitRow: Sendable {
        let kind: String
        let name: String
        let adjustment: RiskAdjustment.Unit
    }

    /// Replaced on a kept page: viewers of the same reach see the same figures.
    var viewer: OutcomeViewer
    let period: OutcomePeriod
    /// When the data behind the figures was read.
    let asOf: Date
    let today: CalendarDate
    let measures: EmploymentMeasures
    let agencyMeasures: EmploymentMeasures
    let quarters: [(period: OutcomePeriod, measures: EmploymentMeasures)]
    let daysToFirstJob: [Int]
    let retention: Retention
    /// Nil with the reason when the model could not be fitted.
    let model: RiskAdjustment.Model?
    let modelProblem: String?
    let modelLeftOut: Int
    let units: [UnitRow]
    let creaming: CreamingIndicators
    let erased: [String: Int]
    /// Satisfaction at closing per year, of the viewer's clients.
    let satisfaction: [Satisfaction.YearAverage]

    static let quartersShown = 12

    /// The year asked for (`?year=`), this year when none; 400 for anything that is not a year shown.
    static func year(_ request: Request) throws -> Int {
        let thisYear = request.today.year
        guard let text = try? request.query.get(String.self, at: "year"), !text.isEmpty else { return thisYear }
        guard let year = Int(text), (thisYear - 10)...thisYear ~= year else {
            throw Abort(.badRequest, reason: request.t("outcomesBadYear", ["year": String(text.prefix(10))]))
        }
        return year
    }

    /// The viewer's page, from the agency's kept figures (`OutcomeFiguresCache`).
    static func load(_ request: Request, viewer: OutcomeViewer, year: Int) async throws -> OutcomesPage {
        let app = request.application
        let organisationID = viewer.organisationID
        let snapshot = try await app.outcomeFigures.snapshot(organisationID: organisationID, now: request.clock.now()) {
            try await loadSnapshot(organisationID: organisationID, app: app)
        }
        let today = request.today
        var page = snapshot.page("\(viewer.reachKey)|\(year)|\(today)") {
            compute(snapshot.data, viewer: viewer, year: year, today: today, erased: snapshot.erased, asOf: snapshot.loadedAt)
        }
        page.viewer = viewer
        return page
    }

    static func loadSnapshot(organisationID: UUID, app: Application) async throws -> OutcomeFiguresCache.Snapshot {
        let loadedAt = app.clock.now()
        let data = try await OutcomeData.load(organisationID: organisationID, timeZone: app.configuration.timeZone, on: app.db)
        // The anonymous counts of erased trajectories, by period name (`2025`, `2025-Q3`) and measure.
        var erased: [String: [String: Int]] = [:]
        for row in try await OutcomePeriodCount.query(on: app.db).filter(\.$organisationID == organisationID)
            .filter(\.$grouping == "all").all() {
            erased[row.quarter, default: [:]][row.measure, default: 0] += row.count
        }
        return OutcomeFiguresCache.Snapshot(data: data, erased: erased, loadedAt: loadedAt)
    }

    /// `erased` counts only in figures of the whole agency: they carry no coach or team.
    static func compute(_ data: OutcomeData, viewer: OutcomeViewer, year: Int, today: CalendarDate,
                        erased allErased: [String: [String: Int]], asOf: Date) -> OutcomesPage {
        let erased = allErased[String(year)] ?? [:]
        let period = OutcomePeriod.year(year)
        let mine = data.trajectories.filter(viewer.sees)
        let clients = mine.map(\.outcomeClient)
        let lastQuarter = min(period.to, today)
        let quarters = OutcomePeriod.quarters(endingWith: lastQuarter, count: quartersShown).map { quarter in
            (quarter, EmploymentMeasures.measure(clients, in: quarter, erased: viewer.reach == .agency ? allErased[quarter.name] ?? [:] : [:]))
        }
        let fit = data.riskAdjustment(in: period)
        var model: RiskAdjustment.Model?
        var problem: String?
        var units: [UnitRow] = []
        switch fit.result {
        case .success(let byCoach):
            model = byCoach.model
            let visibleCoaches = Set(mine.map(\.coachID))
            for unit in byCoach.units {
                guard let id = UUID(uuidString: unit.unit), viewer.reach == .agency || visibleCoaches.contains(id) else { continue }
                if viewer.reach == .coach, id != viewer.userID { continue }
                units.append(UnitRow(kind: "coach", name: data.coachNames[id] ?? id.uuidString, adjustment: unit))
            }
            if viewer.reach != .coach {
                // Team ratios come from the same fitted values: the sums per team of the agency-wide model.
                for unit in byCoach.grouped(by: fit.trajectories.map { $0.teamID?.uuidString }) {
                    guard let id = UUID(uuidString: unit.unit) else { continue }
                    if case .team(let team) = viewer.reach, team != id { continue }
                    units.append(UnitRow(kind: "team", name: data.teamNames[id] ?? id.uuidString, adjustment: unit))
                }
            }
        case .failure(let error):
            problem = error.reason
        }
        let creaming = CreamingIndicators.compute(mine.compactMap { trajectory in
            let client = trajectory.outcomeClient
            guard EmploymentMeasures.window(of: client, in: period) != nil else { return nil }
            let placed = EmploymentMeasures.worked(client, in: period)
            let contact = [trajectory.lastContact, trajectory.firstEmployerContact].compactMap { $0 }.max()
            return CreamingIndicators.Client(
                supportNeed: trajectory.factors?.supportNeed, targetGroups: trajectory.factors?.targetGroups ?? [], placed: placed,
                parked: CreamingIndicators.isParked(placed: placed || !trajectory.jobs.isEmpty, open: trajectory.phase.isOpen,
                                                    started: trajectory.start, lastContact: contact, today: min(today, period.to)),
                droppedOutBeforePlacement: trajectory.phase == .ended && trajectory.jobs.isEmpty)
        })
        // The agency's figures keep counting erased trajectories, from the anonymous counts the purge left.
        let agency = EmploymentMeasures.measure(data.trajectories.map(\.outcomeClient), in: period, erased: erased)
        let own = EmploymentMeasures.measure(clients, in: period)
        return OutcomesPage(
            viewer: viewer, period: period, asOf: asOf, today: today, measures: viewer.reach == .agency ? agency : own,
            agencyMeasures: agency,
            quarters: quarters, daysToFirstJob: clients.compactMap { EmploymentMeasures.daysToFirstJob($0, in: period) },
            retention: Retention.compute(clients, asOf: min(today, period.to)), model: model, modelProblem: problem,
            modelLeftOut: fit.leftOut, units: units, creaming: creaming, erased: viewer.reach == .agency ? erased : [:],
            satisfaction: Satisfaction.yearly(mine.flatMap(\.satisfaction)))
    }
}
