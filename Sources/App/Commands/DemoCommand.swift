import Foundation
import Vapor

/// `jobcoach demo --register N`: adds N synthetic certified coaches (portfolio, decided application,
/// signed certificate) to the register, for trying the register at size and for benchmarks.
struct DemoCommand: AnyAsyncCommand {
    var help: String { "Synthetic data: demo --register N" }

    func run(using context: inout CommandContext) async throws {
        let options = CommandOptions(context.input.arguments, known: ["register"])
        guard options.unknown.isEmpty, let text = options["register"], let count = Int(text), (1...1_000_000).contains(count) else {
            context.fail("Usage: jobcoach demo --register N (N from 1 to 1000000)", code: 2)
            return
        }
        let app = context.application
        try await app.autoMigrate()
        let bar = context.console.progressBar(title: "Making \(count) certified coaches")
        bar.start()
        let started = Date()
        let made = try await DemoRegister(application: app).generate(count: count) { done in
            bar.activity.currentProgress = Double(done) / Double(count)
        }
        bar.succeed()
        context.console.print(String(format: "%d certified coaches added in %.1f s.", made, Date().timeIntervalSince(started)))
    }
}
