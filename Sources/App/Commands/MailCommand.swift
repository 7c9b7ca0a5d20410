import Fluent
import JobcoachCore
import Vapor

/// `jobcoach mail send`: queues the reminders that are due and sends what waits in the outbox, once
/// (what the background sender of `serve` does on its own); `jobcoach mail status` counts the outbox.
struct MailCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "send | status")
        var action: String
    }

    var help: String { "Mail: mail send (queue due reminders, send the outbox once) | mail status" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        switch signature.action {
        case "send":
            let queued = try await MailSchedule.queueDue(app)
            context.console.print("queued: \(queued.reminders) coach reminders, \(queued.certificateNotices) certificate notices")
            guard let smtp = app.configuration.smtp else {
                context.console.print("SMTP_URL is not set: mail stays in the outbox")
                return
            }
            let round = try await OutboxSender.sendDue(app, limit: 10_000)
            context.console.print("through \(smtp.description): \(round.sent) sent, \(round.retrying) to try again later, \(round.failed) failed")
        case "status":
            for status in [OutboxMessage.Status.queued, .sent, .failed] {
                let count = try await OutboxMessage.query(on: app.db).filter(\.$statusName == status.rawValue).count()
                context.console.print("\(status.rawValue): \(count)")
            }
        default:
            context.fail("Usage: jobcoach mail send | jobcoach mail status", code: 2)
        }
    }
}
