import Fluent
import Foundation
import JobcoachCore
import Vapor

/// `jobcoach audit verify [--chain ID] [--against FILE]`: checks every chain (or one): the links,
/// the entries still waiting for their seal (an error once one has waited past the bound), and the
/// signed checkpoints, stored ones and those of an exported file kept elsewhere. Exits 0 when all is
/// intact, 1 naming what is not.
/// `jobcoach audit status`: how many entries wait for their seal, and the oldest's wait.
/// `jobcoach audit seal`: seals what is pending now. `jobcoach audit checkpoint [--export]`: takes a
/// checkpoint of each chain now, or writes every checkpoint as JSON lines (to `--output` or stdout).
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify, status, seal or checkpoint")
        var action: String

        @Option(name: "chain", help: "verify: only this chain (installation, register, administration, organisation:<id>)")
        var chain: String?

        @Option(name: "against", help: "verify: also against the checkpoints of this exported file")
        var against: String?

        @Flag(name: "export", help: "checkpoint: write every checkpoint out instead of taking new ones")
        var export: Bool

        @Option(name: "output", help: "checkpoint --export: the file to write (default: standard output)")
        var output: String?
    }

    var help: String {
        "The audit trail: audit verify [--chain ID] [--against FILE] | audit status | audit seal | audit checkpoint [--export] [--output FILE]"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        switch signature.action {
        case "verify": try await verify(app, context, signature)
        case "status":
            let sql = try AuditSealer.sql(app.db)
            let row = try await sql.raw("SELECT count(*) AS waiting, min(written_at) AS oldest FROM audit_pending").first()
            let waiting = try row?.decode(column: "waiting", as: Int.self) ?? 0
            let oldest = try row?.decode(column: "oldest", as: String?.self).flatMap(AuditTrail.date)
            let age = oldest.map { max(0, Int(app.clock.now().timeIntervalSince($0) * 1_000)) } ?? 0
            context.console.print(waiting == 0 ? "no entries waiting for their seal"
                                                : "\(waiting) entries waiting for their seal, the oldest for \(age) ms")
        case "seal":
            let sealed = try await app.auditSealer.sealAll(on: app.db)
            context.console.print("sealed \(sealed) entries")
        case "checkpoint":
            if signature.export {
                let lines = try await AuditCheckpoints.export(on: app.db)
                let text = lines.map { $0 + "\n" }.joined()
                if let output = signature.output {
                    try text.write(toFile: output, atomically: true, encoding: .utf8)
                    context.console.print("wrote \(lines.count) checkpoints to \(output)")
                } else {
                    context.console.output(text.consoleText(), newLine: false)
                }
            } else {
                try await app.auditSealer.sealAll(on: app.db)
                let taken = try await AuditCheckpoints.takeDue(app, force: true)
                context.console.print("took \(taken) checkpoints")
            }
        default:
            context.fail("Usage: jobcoach \(help.replacingOccurrences(of: "The audit trail: ", with: ""))", code: 2)
        }
    }

    private func verify(_ app: Application, _ context: CommandContext, _ signature: Signature) async throws {
        var only: AuditChainID?
        if let text = signature.chain {
            guard let chain = AuditChainID(text) else {
                context.fail("--chain: '\(text)' is not a chain (installation, register, administration, or organisation:<id>)", code: 2)
                return
            }
            only = chain
        }
        let issuer = try await app.credentials.issuer()
        var external: [AuditCheckpoint] = []
        if let path = signature.against {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                context.fail("--against: cannot read \(path)", code: 2)
                return
            }
            do { external = try await AuditCheckpoints.read(exported: text, issuer: issuer) } catch {
                context.fail("--against \(path): \(error)", code: 1)
                return
            }
        }
        let total = try await AuditSealRow.query(on: app.db).count()
        let bar = context.console.progressBar(title: "Checking \(total) sealed audit entries")
        bar.start()
        let reports = try await AuditVerification.verify(only, on: app.db, now: app.clock.now(), issuer: issuer, against: external) { checked in
            bar.activity.currentProgress = total == 0 ? 1 : min(1, Double(checked) / Double(total))
        }
        let english = app.strings
        func t(_ key: String, _ arguments: [String: String]) -> String { english.text(key, arguments, .en) }
        let broken = reports.filter { !$0.intact }
        broken.isEmpty ? bar.succeed() : bar.fail()
        for report in reports {
            context.console.print("\(report.chain): \(AuditReportText.describe(report, t))")
        }
        let checked = reports.reduce(Int64(0)) { $0 + $1.checked }
        if let first = broken.first {
            let reason = first.broken.map { "entry \($0.sequence): \($0.reason)" } ?? first.problems.first
                ?? "\(first.overdue) entries have waited more than \(Int(AuditSealing.maximumMergeDelay)) s for their seal (is a server sealing?)"
            context.fail("audit trail broken in the chain \(first.chain): \(reason)", code: 1)
            return
        }
        context.console.print("audit trail intact: \(checked) entries in \(reports.count) \(reports.count == 1 ? "chain" : "chains")")
    }
}
