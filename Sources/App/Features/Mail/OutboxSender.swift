import Fluent
import Foundation
import JobcoachCore
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// The background sender of `serve`: every `JOBCOACH_MAIL_POLL_SECONDS` it sends the mail that is
/// due, and once an hour it queues the reminders that are due (`MailSchedule`). Without `SMTP_URL`
/// it only queues: mail waits in the outbox, and the admin page says so.
final class OutboxSender: LifecycleHandler, Sendable {
    private let running = NIOLockedValueBox<Task<Void, Never>?>(nil)

    func didBootAsync(_ application: Application) async throws {
        let interval = application.configuration.mailPollSeconds
        let task = Task { [application] in
            var lastSchedule = Date.distantPast
            while !Task.isCancelled {
                let now = application.clock.now()
                if now.timeIntervalSince(lastSchedule) >= 3_600 {
                    lastSchedule = now
                    do { _ = try await MailSchedule.queueDue(application) } catch {
                        application.logger.error("mail: queueing reminders failed: \(String(describing: error))")
                    }
                }
                do { _ = try await Self.sendDue(application) } catch {
                    application.logger.error("mail: sending failed: \(String(describing: error))")
                }
                try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
            }
        }
        running.withLockedValue { $0 = task }
    }

    func shutdownAsync(_ application: Application) async {
        running.withLockedValue { $0?.cancel() }
    }

    struct Round: Sendable, Equatable {
        var sent = 0
        var retrying = 0
        var failed = 0
    }

    /// Sends every queued mail whose time has come, oldest first, at most `limit` in one round.
    static func sendDue(_ app: Application, limit: Int = 50) async throws -> Round {
        guard let smtp = app.configuration.smtp else { return Round() }
        let client = SMTPClient(settings: smtp, group: app.eventLoopGroup, clientName: Self.clientName(app))
        let due = try await OutboxMessage.query(on: app.db).filter(\.$statusName == OutboxMessage.Status.queued.rawValue)
            .filter(\.$nextAttemptAt <= app.clock.now()).sort(\.$nextAttemptAt).limit(limit).all()
        var round = Round()
        for message in due {
            let mime = MIMEMessage(from: app.configuration.mailFrom, fromName: "Jobcoach", to: message.recipient, subject: message.subject,
                                   text: message.textBody, html: message.htmlBody, date: app.clock.now(),
                                   messageID: "\(message.id!.uuidString.lowercased())@\(app.configuration.mailFrom.split(separator: "@").last ?? "localhost")")
            var failure: SMTPError?
            do {
                try await client.send(from: app.configuration.mailFrom, to: message.recipient, message: mime.rendered)
            } catch let error as SMTPError {
                failure = error
            } catch {
                failure = SMTPError(message: String(describing: error))
            }
            let now = app.clock.now()
            let audit = AuditTrail(clock: app.clock)
            let outcome = failure
            let result: OutboxMessage.Status? = try await app.changes.perform(on: app.db) { db in
                message.attempts += 1
                var result: OutboxMessage.Status?
                if let outcome {
                    message.lastError = String(outcome.description.prefix(500))
                    switch MailRetry.afterFailure(attempts: message.attempts, permanent: outcome.isPermanent) {
                    case .tryAgain(let delay):
                        message.nextAttemptAt = now.addingTimeInterval(delay)
                    case .giveUp:
                        message.status = .failed
                        result = .failed
                        try await audit.record(on: db, chain: .administration, actor: "system", action: "mail.failed", subject: "mail:\(message.id!.uuidString)",
                                               details: ["kind": message.kind, "attempts": String(message.attempts)])
                    }
                } else {
                    message.status = .sent
                    message.sentAt = now
                    message.lastError = ""
                    // The link inside must not stay readable once it has gone.
                    message.textBody = ""
                    message.htmlBody = ""
                    result = .sent
                    try await audit.record(on: db, chain: .administration, actor: "system", action: "mail.sent", subject: "mail:\(message.id!.uuidString)",
                                           details: ["kind": message.kind])
                }
                try await message.update(on: db)
                return result
            }
            switch result {
            case .sent: round.sent += 1
            case .failed: round.failed += 1
            default: round.retrying += 1
            }
        }
        return round
    }

    private static func clientName(_ app: Application) -> String {
        URL(string: app.configuration.publicURL)?.host ?? "localhost"
    }
}

/// The mail that is due by the calendar: a reminder to each coach with late follow-up checks or
/// goals (once a working day, counts only), and each certificate's notice six and two months before
/// it ends. Each goes once (its `onceKey`).
enum MailSchedule {
    struct Queued: Sendable, Equatable {
        var reminders = 0
        var certificateNotices = 0
    }

    static func queueDue(_ app: Application) async throws -> Queued {
        let timeZone = app.configuration.timeZone
        let now = app.clock.now()
        let today = CalendarDate(now, in: timeZone)
        var queued = Queued()
        if today.weekday <= 5 {
            let coaches = try await User.query(on: app.db).filter(\.$roleName == Role.jobCoach.rawValue).filter(\.$isActive == true).all()
            for coach in coaches {
                guard let actor = try await PracticeActor.of(coach, on: app.db) else { continue }
                let overview = try await CaseloadOverview.load(actor, today: today, on: app.db)
                let agenda = Agenda(appointments: [], actions: AgendaData.actions(of: overview), today: today, through: today)
                guard let reminder = CoachReminder(agenda: agenda) else { continue }
                let content = reminderContent(reminder, to: coach, app: app)
                let sent = try await app.changes.perform(on: app.db) { db in
                    try await Outbox.enqueue(content, to: coach.email, kind: .coachReminder,
                                             onceKey: "reminder:\(coach.id!.uuidString):\(today)", on: db, app: app)
                }
                if sent != nil { queued.reminders += 1 }
            }
        }
        let horizon = today.adding(months: 6).adding(days: 1).start(in: timeZone)
        let certificates = try await Certificate.query(on: app.db).filter(\.$validUntil >= now).filter(\.$validUntil < horizon)
            .with(\.$holder).all()
        for certificate in certificates where certificate.holder.isActive {
            let endsOn = CalendarDate(certificate.validUntil, in: timeZone)
            guard certificate.standing == .active, let notice = CertificateExpiryNotice.due(endsOn: endsOn, today: today) else { continue }
            // A holder already recertified has a certificate that ends later: nothing to remind.
            let later = try await Certificate.query(on: app.db).filter(\.$holder.$id == certificate.$holder.id)
                .filter(\.$validUntil > certificate.validUntil).count()
            guard later == 0 else { continue }
            let content = expiryContent(notice, certificate: certificate, endsOn: endsOn, app: app)
            let sent = try await app.changes.perform(on: app.db) { db in
                try await Outbox.enqueue(content, to: certificate.holder.email, kind: .certificateExpiry,
                                         onceKey: "certificate:\(certificate.id!.uuidString):\(notice.rawValue)", on: db, app: app)
            }
            if sent != nil { queued.certificateNotices += 1 }
        }
        return queued
    }

    static func reminderContent(_ reminder: CoachReminder, to coach: User, app: Application) -> MailContent {
        let language = coach.language
        func count(_ number: Int, oneKey: String, manyKey: String) -> String? {
            number == 0 ? nil : app.strings.text(number == 1 ? oneKey : manyKey, ["count": String(number)], language)
        }
        return MailContent(
            subject: app.strings.text("mailReminderSubject", language),
            paragraphs: [app.strings.text("mailGreeting", ["name": coach.displayName], language),
                         app.strings.text("mailReminderText", language),
                         count(reminder.lateChecks, oneKey: "mailReminderChecksOne", manyKey: "mailReminderChecksMany"),
                         count(reminder.lateGoals, oneKey: "mailReminderGoalsOne", manyKey: "mailReminderGoalsMany")].compactMap { $0 },
            link: (app.strings.text("mailReminderButton", language), app.configuration.publicURL + SiteURL.caseload.path), language: language)
    }

    static func expiryContent(_ notice: CertificateExpiryNotice, certificate: Certificate, endsOn: CalendarDate,
                              app: Application) -> MailContent {
        let language = certificate.holder.language
        let values = ["number": certificate.registrationNumber, "date": endsOn.text(in: language)]
        return MailContent(
            subject: app.strings.text("mailExpirySubject", values, language),
            paragraphs: [app.strings.text("mailGreeting", ["name": certificate.holder.displayName], language),
                         app.strings.text(notice == .sixMonths ? "mailExpirySixMonths" : "mailExpiryTwoMonths", values, language),
                         app.strings.text("mailExpiryWhatToDo", language)],
            link: (app.strings.text("mailExpiryButton", language), app.configuration.publicURL + SiteURL.certificates.path),
            language: language)
    }
}
