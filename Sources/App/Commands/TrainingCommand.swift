import Foundation
import JobcoachCore
import Vapor

/// `jobcoach training benchmark [--trainees N] [--runs R]`: times the CASE export (package and JSON)
/// and the Moodle CSV of every framework version, and the coverage of N synthetic trainees (each
/// with a random part of the shipped programmes' modules completed) against register-jobcoach.
struct TrainingCommand: AnyAsyncCommand {
    var help: String { "Training: 'training benchmark [--trainees N] [--runs R]' times the CASE export and coverage." }

    func run(using context: inout CommandContext) async throws {
        var arguments = context.input.arguments
        guard arguments.first == "benchmark" else {
            context.fail("Usage: jobcoach training benchmark [--trainees N] [--runs R]", code: 2)
            return
        }
        arguments.removeFirst()
        let options = CommandOptions(arguments, known: ["trainees", "runs"])
        guard options.unknown.isEmpty, let count = Int(options["trainees"] ?? "10000"), (1...1_000_000).contains(count),
              let runs = Int(options["runs"] ?? "11"), (1...1_000).contains(runs) else {
            context.fail("--trainees must be from 1 to 1000000 and --runs from 1 to 1000", code: 2)
            return
        }
        let standard = context.application.standard
        func time(_ work: () throws -> Void) rethrows -> [Double] { try BenchmarkRuns.milliseconds(runs, work) }
        func line(_ label: String, _ timings: [Double], _ extra: String = "") -> String {
            String(format: "%@: median %.2f ms, best %.2f ms, worst %.2f ms (%d runs)%@", label, timings[timings.count / 2], timings[0],
                   timings[timings.count - 1], timings.count, extra)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var items = 0, bytes = 0
        let versions = standard.frameworks.allVersions.filter { !$0.topLevelItems.isEmpty }
        let all = try time {
            items = 0
            bytes = 0
            for version in versions {
                for language in Language.allCases {
                    let package = CASEPackage.make(version, language: language, baseURL: "https://register.example")
                    items += package.CFItems.count
                    bytes += try encoder.encode(package).count
                }
            }
        }
        context.console.print(line("CASE export of every framework version (\(versions.count) versions x 2 languages, \(items) items, \(bytes / 1024) KB of JSON)", all))
        let moodle = time {
            for version in versions { for language in Language.allCases { _ = MoodleCompetencyCSV.text(version, language: language) } }
        }
        context.console.print(line("Moodle CSV of every framework version", moodle))

        // Trainees: each has completed a random part of one programme's modules.
        guard let version = standard.frameworks.versions(of: "register-jobcoach").last else { return }
        let engine = standard.eligibility()
        var random = SeededRandom(seed: 2026)
        let programmes = standard.programmes.programmes
        let day = CalendarDate(year: 2026, month: 6, day: 1)!
        let trainees: [[TrainingCoverage.Module]] = (0..<count).map { _ in
            let programme = programmes[random.next(programmes.count)]
            return programme.modules.map { module in
                TrainingCoverage.Module(id: module.id, hours: module.hours, covers: module.covers(in: version.id),
                                        completedOn: random.next(3) == 0 ? nil : day.adding(days: -random.next(400) + 30))
            }
        }
        var met = 0
        let coverage = time {
            met = 0
            for modules in trainees where TrainingCoverage.compute(version, modules: modules, on: day, engine: engine).trainingRequirement?.met == true {
                met += 1
            }
        }
        context.console.print(line("coverage of \(count) trainees against register-jobcoach \(version.version)", coverage,
                                   String(format: "; %.1f µs per trainee; %d meet the 98-hour rule", coverage[coverage.count / 2] * 1000 / Double(count), met)))
    }
}
