import Foundation
import Vapor

/// `jobcoach demo --register N`: adds N synthetic certified coaches (portfolio, decided application,
/// signed certificate) to the register. `jobcoach demo --agency large|small`: adds a synthetic
/// agency (large: 100 coaches, 20,000 clients, 100,000 workplaces), for trying the practice at size
/// and for benchmarks; `--coaches`, `--clients` and `--workplaces` change the numbers.
struct DemoCommand: AnyAsyncCommand {
    var help: String { "Synthetic data: demo --register N | demo --agency large|small [--coaches N --clients N --workplaces N]" }

    func run(using context: inout CommandContext) async throws {
        let options = CommandOptions(context.input.arguments, known: ["register", "agency", "coaches", "clients", "workplaces"])
        let app = context.application
        if let agency = options["agency"] {
            guard options.unknown.isEmpty, options["register"] == nil,
                  var size = agency == "large" ? DemoAgency.Size.large : agency == "small" ? DemoAgency.Size.small : nil else {
                context.fail("Usage: jobcoach demo --agency large|small [--coaches N] [--clients N] [--workplaces N]", code: 2)
                return
            }
            for (name, limit) in [("coaches", 10_000), ("clients", 2_000_000), ("workplaces", 2_000_000)] {
                guard let text = options[name] else { continue }
                guard let value = Int(text), (1...limit).contains(value) else {
                    context.fail("--\(name) must be a whole number from 1 to \(limit), not '\(text)'", code: 2)
                    return
                }
                switch name {
                case "coaches": size.coaches = value
                case "clients": size.clients = value
                default: size.workplaces = value
                }
            }
            try await app.autoMigrate()
            let console = context.console
            let started = Date()
            let shown = ProgressLine(console: console)
            let made = try await DemoAgency(application: app).generate(size: size) { stage, done, total in
                shown.update(stage: stage, done: done, total: total)
            }
            // The planner must see the new size before the first page is served.
            try await DatabaseStatistics.refresh(on: app.db)
            console.print(String(format: "Agency %@ made: %d coaches, %d clients, %d workplaces in %.1f s.",
                                 made.id.uuidString, size.coaches, size.clients, size.workplaces, Date().timeIntervalSince(started)))
            if app.configuration.demoPassword != nil {
                console.print("Log in with JOBCOACH_DEMO_PASSWORD as " + DemoAgency.loginEmails(number: made.number).joined(separator: " or "))
            }
            return
        }
        guard options.unknown.isEmpty, let text = options["register"], let count = Int(text), (1...1_000_000).contains(count) else {
            context.fail("Usage: jobcoach demo --register N (N from 1 to 1000000) | demo --agency large|small", code: 2)
            return
        }
        try await app.autoMigrate()
        let bar = context.console.progressBar(title: "Making \(count) certified coaches")
        bar.start()
        let started = Date()
        let made = try await DemoRegister(application: app).generate(count: count) { done in
            bar.activity.currentProgress = Double(done) / Double(count)
        }
        bar.succeed()
        try await DatabaseStatistics.refresh(on: app.db)
        context.console.print(String(format: "%d certified coaches added in %.1f s.", made, Date().timeIntervalSince(started)))
    }
}
