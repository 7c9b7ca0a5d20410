import Fluent
import Vapor

/// `jobcoach privacy purge [--execute]`: erases closed trajectories past each agency's retention
/// period, keeping anonymous outcome counts. Without `--execute` it is a dry run that changes nothing.
struct PrivacyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "purge")
        var action: String

        @Flag(name: "execute", help: "Erase for real; without it, only report what would be erased.")
        var execute: Bool
    }

    var help: String { "Privacy: privacy purge [--execute] erases closed trajectories after the retention period" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "purge" else {
            context.fail("Usage: jobcoach privacy purge [--execute]", code: 2)
            return
        }
        let console = context.console
        let progress = ProgressLine(console: console)
        console.print(signature.execute ? "Erasing closed trajectories past the retention period…"
                                        : "Dry run: nothing is changed. Add --execute to erase.")
        let summary = try await PrivacyPurge(application: context.application).run(execute: signature.execute) { done, total in
            progress.update(stage: "clients", done: done, total: total)
        }
        let verb = signature.execute ? "erased" : "would erase"
        console.print("\(verb) \(summary.trajectoriesErased) trajectories; \(summary.clientsErased) clients entirely (of \(summary.clientsChecked) checked)")
        for (outcome, count) in summary.outcomes.sorted(by: { $0.key < $1.key }) {
            console.print("  outcome kept as a count: \(outcome): \(count)")
        }
    }
}
