import Fluent
import Foundation
import JobcoachCore
import Vapor

/// `jobcoach matching benchmark [--workplaces N] [--runs R]`: times the core ranking of N synthetic
/// workplaces for one client (goal: 100,000 in under 20 ms), and, when the database holds an agency,
/// loading its workplaces into the matching index and ranking them.
struct MatchingCommand: AnyAsyncCommand {
    var help: String { "Matching: 'matching benchmark [--workplaces N] [--runs R]' times the ranking." }

    func run(using context: inout CommandContext) async throws {
        var arguments = context.input.arguments
        guard arguments.first == "benchmark" else {
            context.fail("Usage: jobcoach matching benchmark [--workplaces N] [--runs R]", code: 2)
            return
        }
        arguments.removeFirst()
        let options = CommandOptions(arguments, known: ["workplaces", "runs"])
        guard options.unknown.isEmpty, let count = Int(options["workplaces"] ?? "100000"), (1...5_000_000).contains(count),
              let runs = Int(options["runs"] ?? "21"), (1...1_000).contains(runs) else {
            context.fail("--workplaces must be from 1 to 5000000 and --runs from 1 to 1000", code: 2)
            return
        }
        let app = context.application
        let standard = app.standard
        let vocabulary = standard.conditions
        var random = SeededRandom(seed: 2026)
        var skills = SkillIndex()
        let skillNumbers = DemoAgency.skills.map { skills.number($0) }
        let occupations = DemoAgency.occupationLabels.compactMap { standard.occupations.target(describedBy: $0) }
        let needIDs = vocabulary.terms(.need).map(\.id), demandIDs = vocabulary.terms(.demand).map(\.id)
        let places = standard.places.places
        func set(_ ids: [String], _ use: ConditionUse) -> ConditionSet { (try? vocabulary.set(ids, use: use, field: "")) ?? .empty }
        let workplaces = (0..<count).map { index -> MatchWorkplace in
            let place = random.pick(places)
            let low = Double(8 + random.next(17))
            let demands = random.sample(demandIDs, count: random.next(4))
            return MatchWorkplace(
                id: "w\(index)", occupation: random.pick(occupations),
                requiredSkills: random.sample(skillNumbers, count: 1 + random.next(3)),
                hoursPerWeek: HoursRange(min: low, max: low + Double(4 + random.next(16))),
                location: GeoPoint(lat: place.point.lat + (random.unit() - 0.5) / 10, lon: place.point.lon + (random.unit() - 0.5) / 6),
                offers: set(random.sample(needIDs, count: random.next(5)), .need),
                demands: set(demands, .demand), adjustable: set(demands.filter { _ in random.next(3) == 0 }, .demand))
        }
        let utrecht = standard.places.place(named: "Utrecht")?.point ?? GeoPoint(lat: 52.09, lon: 5.12)
        let candidate = MatchCandidate(
            desiredOccupations: Array(occupations.prefix(2)), skills: Array(skillNumbers.prefix(5)),
            hoursPerWeek: HoursRange(min: 12, max: 24), home: utrecht, maxTravelKm: 25,
            needs: set(["quiet-environment", "fixed-routine"], .need), cannot: set(["night-shifts", "heavy-lifting"], .demand))
        let engine = MatchingEngine(vocabulary: vocabulary, skills: skills)
        var timings: [Double] = []
        var results: [MatchResult] = []
        for _ in 0..<runs {
            let start = DispatchTime.now()
            results = engine.rank(candidate, workplaces, limit: 20)
            timings.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
        }
        timings.sort()
        let fits = Dictionary(grouping: workplaces.map { engine.assess(candidate, $0).fit }, by: { $0 }).mapValues(\.count)
        print(String(format: "rank %d workplaces for one client, best 20 explained: median %.2f ms, best %.2f ms, worst %.2f ms (%d runs)",
                     count, timings[timings.count / 2], timings[0], timings[timings.count - 1], runs))
        print("  verdicts: \(fits[.match] ?? 0) match, \(fits[.matchWithAdjustments] ?? 0) with adjustments, \(fits[.noMatch] ?? 0) no match; best score \(results.first?.score ?? 0)")

        // The stored agency with the most workplaces, if any: load its index and rank over it. The
        // database is brought up to date first, as `demo` does, so an empty one has no agency.
        try await app.autoMigrate()
        let organisations = try await Organisation.query(on: app.db).all()
        var largest: (Organisation, Int)?
        for organisation in organisations {
            let open = try await Workplace.query(on: app.db).filter(\.$organisationID == organisation.id!).filter(\.$status == "open").count()
            if open > (largest?.1 ?? 0) { largest = (organisation, open) }
        }
        guard let (organisation, _) = largest else { return }
        let loadStart = DispatchTime.now()
        let index = try await WorkplaceIndexCache.load(organisationID: organisation.id!, revision: organisation.workplaceRevision,
                                                       on: app.db, standard: standard)
        let loadMs = Double(DispatchTime.now().uptimeNanoseconds - loadStart.uptimeNanoseconds) / 1e6
        let stored = MatchingEngine(vocabulary: vocabulary, skills: index.skills)
        let storedCandidate = MatchCandidate(desiredOccupations: Array(occupations.prefix(2)),
                                             skills: DemoAgency.skills.prefix(5).compactMap { index.skills.existing($0) },
                                             hoursPerWeek: HoursRange(min: 12, max: 24), home: utrecht, maxTravelKm: 25,
                                             needs: candidate.needs, cannot: candidate.cannot)
        var storedTimings: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now()
            _ = stored.rank(storedCandidate, index.workplaces, limit: 20)
            storedTimings.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
        }
        storedTimings.sort()
        print(String(format: "stored agency '%@': loading %d open workplaces into the index %.0f ms (once per change); ranking them median %.2f ms",
                     organisation.name, index.workplaces.count, loadMs, storedTimings[storedTimings.count / 2]))
    }
}
