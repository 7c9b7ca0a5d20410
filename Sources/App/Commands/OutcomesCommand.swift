import Fluent
import Foundation
import JobcoachCore
import Vapor

/// `jobcoach outcomes benchmark [--clients N] [--runs R]`: times the core's employment measures and
/// risk adjustment over N synthetic clients (goals at 20,000: under 50 ms and 200 ms), and, when the
/// database holds an agency, loading its outcome data and computing the agency manager's page.
struct OutcomesCommand: AnyAsyncCommand {
    var help: String { "Outcomes: 'outcomes benchmark [--clients N] [--runs R]' times the measures and the risk adjustment." }

    func run(using context: inout CommandContext) async throws {
        var arguments = context.input.arguments
        guard arguments.first == "benchmark" else {
            context.fail("Usage: jobcoach outcomes benchmark [--clients N] [--runs R]", code: 2)
            return
        }
        arguments.removeFirst()
        let options = CommandOptions(arguments, known: ["clients", "runs"])
        guard options.unknown.isEmpty, let count = Int(options["clients"] ?? "20000"), (20...1_000_000).contains(count),
              let runs = Int(options["runs"] ?? "11"), (1...1_000).contains(runs) else {
            context.fail("--clients must be from 20 to 1000000 and --runs from 1 to 1000", code: 2)
            return
        }
        // Three years of clients with the demo's factors and chances, spread over 100 coaches.
        var random = SeededRandom(seed: 2026)
        let end = CalendarDate(year: 2026, month: 12, day: 31)!
        var clients: [OutcomeClient] = []
        var adjusted: [RiskAdjustedClient] = []
        for index in 0..<count {
            let coach = index % 100
            let draw = DemoOutcomes.draw(coach: coach, random: &random)
            let start = end.adding(days: -(20 + random.next(1_075)))
            let jobs = draw.placed ? [OutcomeJob(start: start.adding(days: 20 + random.next(200)), end: random.next(5) == 0 ? end.adding(days: -random.next(300)) : nil,
                                                 hoursPerWeek: Double(12 + random.next(20)), hourlyWage: 12.5 + Double(random.next(60)) / 10,
                                                 regular: random.next(10) != 0)] : []
            // A job that would end before it starts ends on its first day.
            let validJobs = jobs.map { job -> OutcomeJob in
                var job = job
                if let stop = job.end, stop < job.start { job.end = job.start }
                return job
            }
            let client = OutcomeClient(id: "c\(index)", start: start, end: nil, employedAtStart: draw.employedAtIntake, jobs: validJobs)
            clients.append(client)
            adjusted.append(RiskAdjustedClient(
                id: "c\(index)", unit: "coach-\(coach)", outcome: EmploymentMeasures.worked(client, in: OutcomePeriod.year(2026)),
                factors: IntakeFactors(supportNeed: draw.supportNeed, targetGroups: Set(draw.targetGroups), monthsOutOfWork: Double(draw.monthsOutOfWork),
                                       age: Double(draw.age), workExperience: draw.workExperience)))
        }
        let period = OutcomePeriod.year(2026)
        func time(_ work: () throws -> Void) rethrows -> [Double] { try BenchmarkRuns.milliseconds(runs, work) }
        var measures: EmploymentMeasures?
        let measureTimes = time { measures = EmploymentMeasures.measure(clients, in: period) }
        print(String(format: "measures over %d clients: median %.2f ms, best %.2f ms, worst %.2f ms (%d runs; goal under 50 ms)",
                     count, measureTimes[measureTimes.count / 2], measureTimes[0], measureTimes[measureTimes.count - 1], runs))
        if let measures {
            print("  served \(measures.served), employed \(measures.employed), rate out of work at start \(measures.employedRateOutOfWorkAtStart ?? 0), band \(measures.band?.rawValue ?? "-")")
        }
        var fit: RiskAdjustment?
        let fitTimes = try time { fit = try RiskAdjustment.compute(adjusted) }
        print(String(format: "risk adjustment over %d clients (%d terms, 100 coaches): median %.2f ms, best %.2f ms, worst %.2f ms (%d runs; goal under 200 ms)",
                     count, fit?.model.terms.count ?? 0, fitTimes[fitTimes.count / 2], fitTimes[0], fitTimes[fitTimes.count - 1], runs))
        if let fit {
            let ratios = fit.units.map(\.ratio).sorted()
            print(String(format: "  ratios from %.2f to %.2f; coach-1 (creams) %.2f, coach-2 (hard clients) %.2f", ratios.first ?? 0, ratios.last ?? 0,
                         fit.units.first { $0.unit == "coach-1" }?.ratio ?? 0, fit.units.first { $0.unit == "coach-2" }?.ratio ?? 0))
        }

        // The stored agency with the most trajectories, if any: load its outcome data and compute the page.
        let app = context.application
        try await app.autoMigrate()
        var largest: (UUID, Int)?
        for organisation in try await Organisation.query(on: app.db).all() {
            let trajectories = try await Trajectory.query(on: app.db).filter(\.$organisationID == organisation.id!).count()
            if trajectories > (largest?.1 ?? 0) { largest = (organisation.id!, trajectories) }
        }
        guard let (organisationID, trajectories) = largest,
              let manager = try await Membership.query(on: app.db).filter(\.$organisationID == organisationID).with(\.$user).all()
                .first(where: { $0.user.role == .agencyManager })?.user else { return }
        let viewer = OutcomeViewer(user: manager, userID: try manager.requireID(), organisationID: organisationID, reach: .agency)
        let today = CalendarDate(app.clock.now(), in: app.configuration.timeZone)
        var loads: [Double] = [], computes: [Double] = []
        for _ in 0..<min(runs, 5) {
            let start = DispatchTime.now()
            let data = try await OutcomeData.load(organisationID: organisationID, timeZone: app.configuration.timeZone, on: app.db)
            let loaded = DispatchTime.now()
            _ = OutcomesPage.compute(data, viewer: viewer, year: today.year, today: today, erased: [:], asOf: app.clock.now())
            let done = DispatchTime.now()
            loads.append(Double(loaded.uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
            computes.append(Double(done.uptimeNanoseconds - loaded.uptimeNanoseconds) / 1e6)
        }
        loads.sort()
        computes.sort()
        print(String(format: "stored agency (%d trajectories): loading the outcome data median %.0f ms; computing the manager's page median %.0f ms",
                     trajectories, loads[loads.count / 2], computes[computes.count / 2]))
    }
}
