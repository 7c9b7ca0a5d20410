import Fluent
import JobcoachCore
import Vapor

/// `jobcoach audit verify`: checks the whole hash chain; exits 0 when intact, 1 naming the first
/// broken entry.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
    }

    var help: String { "Check the audit trail: audit verify" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else {
            context.fail("Usage: jobcoach audit verify", code: 2)
            return
        }
        let app = context.application
        let total = try await AuditEntry.query(on: app.db).count()
        let bar = context.console.progressBar(title: "Checking \(total) audit entries")
        bar.start()
        let result = try await AuditTrail.verify(on: app.db) { checked in
            bar.activity.currentProgress = total == 0 ? 1 : Double(checked) / Double(total)
        }
        if let broken = result.break {
            bar.fail()
            context.fail("audit trail broken at entry \(broken.sequence): \(broken.reason) (\(result.checked) entries before it are intact)", code: 1)
            return
        }
        bar.succeed()
        context.console.print("audit trail intact: \(result.checked) entries")
    }
}
