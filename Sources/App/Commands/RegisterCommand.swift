import Foundation
import JobcoachCore
import Vapor

/// `jobcoach register recheck --framework ID --version V [--output FILE]`: re-evaluates every certified
/// coach against a framework version and reports who would no longer meet it and why (CSV to the file
/// or standard output, a summary and a progress bar on standard error).
/// `jobcoach register benchmark [--portfolios N]`: times the core re-check of N synthetic portfolios.
struct RegisterCommand: AnyAsyncCommand {
    var help: String { "The register: 'register recheck --framework ID --version V [--output FILE]', 'register benchmark [--portfolios N]'." }

    func run(using context: inout CommandContext) async throws {
        var arguments = context.input.arguments
        let action = arguments.first ?? ""
        if !arguments.isEmpty { arguments.removeFirst() }
        switch action {
        case "recheck": try await recheck(arguments, context: context)
        case "benchmark": benchmark(arguments, context: context)
        default: context.fail("Usage: jobcoach register recheck --framework ID --version V [--output FILE] | register benchmark [--portfolios N]", code: 2)
        }
    }

    private func recheck(_ arguments: [String], context: CommandContext) async throws {
        let options = CommandOptions(arguments, known: ["framework", "version", "output"])
        let app = context.application
        guard options.unknown.isEmpty, let id = options["framework"], let name = options["version"] else {
            context.fail("Usage: jobcoach register recheck --framework ID --version V [--output FILE]", code: 2)
            return
        }
        guard let version = app.standard.frameworks.version(id, name) else {
            let known = app.standard.frameworks.versions(of: id).map(\.version).joined(separator: ", ")
            context.fail("--framework/--version: there is no version '\(name)' of '\(id)'" + (known.isEmpty ? "" : " (versions: \(known))"), code: 1)
            return
        }
        let now = app.clock.now()
        let today = CalendarDate(now, in: app.configuration.timeZone)
        let console = context.console
        let bar = console.progressBar(title: "Re-checking certified coaches against \(id) \(name)")
        bar.start()
        let started = Date()
        let run = try await RegisterRecheckRun.run(version: version, standard: app.standard, on: app.db, at: now, date: today, language: .en) { done, total in
            bar.activity.currentProgress = total == 0 ? 1 : Double(done) / Double(total)
        }
        bar.succeed()
        let csv = run.csv()
        if let output = options["output"] {
            do {
                try csv.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                context.fail("--output: cannot write \(output): \(error.localizedDescription)", code: 1)
                return
            }
        } else {
            print(csv, terminator: "")
        }
        _ = try await app.changes.perform(on: app.db) { db in
            try await AuditTrail(clock: app.clock).record(on: db, chain: .register, actor: "cli", action: "register.rechecked",
                                                          details: ["version": "\(id)@\(name)", "checked": String(run.checked), "failing": String(run.rows.count)])
        }
        FileHandle.standardError.write(Data(String(format: "%d certified coaches checked in %.2f s: %d would no longer meet %@ %@.\n",
                                                   run.checked, Date().timeIntervalSince(started), run.rows.count, id, name).utf8))
    }

    private func benchmark(_ arguments: [String], context: CommandContext) {
        let options = CommandOptions(arguments, known: ["portfolios", "framework", "version"])
        let count = Int(options["portfolios"] ?? "50000") ?? 0
        guard options.unknown.isEmpty, count > 0 else {
            context.fail("--portfolios must be a whole number above 0", code: 2)
            return
        }
        let app = context.application
        let id = options["framework"] ?? "register-jobcoach"
        guard let version = options["version"].flatMap({ app.standard.frameworks.version(id, $0) })
                ?? app.standard.frameworks.versions(of: id).last else {
            context.fail("--framework/--version: unknown framework version", code: 1)
            return
        }
        let today = CalendarDate(app.clock.now(), in: app.configuration.timeZone)
        var generator = SyntheticPortfolios(seed: 2026)
        let portfolios = (0..<count).map { index in (holder: "RJ-\(index)", portfolio: generator.next(on: today).portfolio) }
        // The synthetic portfolios are checked against the shipped recognitions alone.
        let engine = app.standard.eligibility()
        let recheck = RegisterRecheck(engine: engine)
        func time(_ work: () -> Int) -> (median: Double, best: Double, worst: Double, result: Int) {
            var timings: [Double] = []
            var result = 0
            for _ in 0..<5 {
                let start = DispatchTime.now()
                result = work()
                timings.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
            }
            timings.sort()
            return (timings[2], timings[0], timings[4], result)
        }
        let check = time { portfolios.filter { !engine.isEligible(version, portfolio: $0.portfolio, on: today) }.count }
        let full = time { recheck.run(version, portfolios: portfolios, on: today).count }
        print(String(format: "re-check of %d portfolios against %@ %@: median %.3f s, best %.3f s, worst %.3f s (5 runs); %d would not meet it",
                     count, version.id, version.version, full.median, full.best, full.worst, full.result))
        print(String(format: "  of which the check alone: median %.3f s; explaining the %d that fail: %.3f s",
                     check.median, check.result, full.median - check.median))
    }
}
