@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// Mail: the outbox written with the change that causes it, password resets and invitations by a
    /// link that works once and for a while, retries and failures the administrator sees, and the
    /// reminders the calendar makes due. The real sending is tested against a real SMTP server
    /// (`tests/browser/test_mail.py`).
    @Suite struct MailTests {
        static func linkPath(in text: String) throws -> String {
            try #require(text.firstMatch(of: /\/account\/link\/[A-Za-z0-9_-]+/).map { String($0.0) })
        }

        @Test func aResetLinkWorksOnceForAnHourAndAnUnknownAddressGetsTheSameAnswer() async throws {
            let clock = TestClock()
            try await withApp(clock: clock) { app async throws in
                _ = try await app.makeUser("coach@example.org", role: .jobCoach)
                let browser = TestBrowser(app)
                let unknown = try await browser.submit("/account/reset", form: ["email": "nobody@example.org"])
                let known = try await browser.submit("/account/reset", form: ["email": "Coach@Example.org "])
                #expect(unknown.status == .ok && known.status == .ok)
                let answer = "Als er een account is met dit adres, hebben we een e-mail gestuurd."
                #expect(unknown.body.string.contains(answer) && known.body.string.contains(answer))
                let mail = try #require(try await OutboxMessage.query(on: app.db).all().first)
                #expect(try await OutboxMessage.query(on: app.db).count() == 1, "no mail for an unknown address")
                #expect(mail.recipient == "coach@example.org" && mail.kind == "password-reset" && mail.status == .queued)
                #expect(mail.htmlBody.contains("<a href=\"http://127.0.0.1:8080/account/link/") && mail.textBody.contains("1 uur"))
                let path = try Self.linkPath(in: mail.textBody)
                #expect(try await AccountLink.query(on: app.db).first()?.tokenHash != path.split(separator: "/").last.map(String.init),
                        "only the hash of the secret is stored")

                #expect(try await browser.get(path).status == .ok)
                let weak = try await browser.submit(path, form: ["new": "short", "confirm": "short"])
                #expect(weak.status == .badRequest && weak.body.string.contains("<title>Fout: "))
                let saved = try await browser.submit(path, form: ["new": "a brand new password 2026", "confirm": "a brand new password 2026"])
                #expect(saved.status == .ok && saved.body.string.contains("Uw wachtwoord is opgeslagen."))
                #expect(try await TestBrowser(app).login("coach@example.org", "a brand new password 2026").status == .seeOther)
                #expect(try await browser.get(path).status == .gone, "a link works once")
                #expect(try await browser.submit("/account/reset", to: path, form: ["new": "another password 2026", "confirm": "another password 2026"])
                    .status == .gone)

                // A new link expires after an hour.
                _ = try await browser.submit("/account/reset", form: ["email": "coach@example.org"])
                let second = try #require(try await OutboxMessage.query(on: app.db).sort(\.$createdAt, .descending).first())
                clock.advance(3_600)
                #expect(try await browser.get(try Self.linkPath(in: second.textBody)).status == .gone)
                // At most three reset mails an hour per address; a fourth request gets the same answer.
                for _ in 0..<3 { _ = try await browser.submit("/account/reset", form: ["email": "coach@example.org"]) }
                let limited = try await browser.submit("/account/reset", form: ["email": "coach@example.org"])
                #expect(limited.body.string.contains(answer))
                #expect(try await OutboxMessage.query(on: app.db).count() == 5)
                let actions = try await app.auditActions()
                for action in ["password.reset-requested", "password.reset-unknown", "password.reset", "password.reset-limited", "mail.queued"] {
                    #expect(actions.contains(action), "\(action)")
                }
            }
        }

        @Test func anInvitationIsALinkFor72HoursAndTheMailHoldsNothingAboutTheTrajectory() async throws {
            let clock = TestClock()
            try await withApp(clock: clock) { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (path, _) = try await app.placedClient("Lotte Visser", browser: coach, employer: "Distributiecentrum Lekdal")
                let invite = try await coach.submit(path + "/account", form: ["action": "invite", "accountEmail": "lotte@example.org"])
                #expect(invite.status == .ok && invite.body.string.contains("geen mailserver ingesteld"), "without a mail server the page shows the link")
                let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "lotte@example.org").first())
                #expect(mail.kind == "invitation" && mail.subject == "Uw account bij Jobcoach" && mail.textBody.contains("72 uur"))
                for word in ["Distributiecentrum", "Lekdal", "traject", "cliënt", "begeleiding"] {
                    #expect(!mail.textBody.contains(word) && !mail.htmlBody.contains(word), "\(word) in the mail")
                }
                let link = try Self.linkPath(in: mail.textBody)
                #expect(invite.body.string.contains(link), "the same link on the page")
                let lotte = TestBrowser(app)
                #expect(try await lotte.get(link).body.string.contains("Welkom: kies uw wachtwoord"))
                try await lotte.submit(link, form: ["new": "lotte her own password", "confirm": "lotte her own password"])
                #expect(try await lotte.login("lotte@example.org", "lotte her own password").location == "/me")

                // A staff invitation from the administrator, which is not used in time.
                let (_, admin) = try await app.signedIn("admin@example.org", role: .admin)
                let created = try await admin.submit("/admin/users", form: ["email": "new.coach@example.org", "name": "Nieuwe Coach", "role": "job-coach"])
                #expect(created.status == .ok && created.body.string.contains("De uitnodiging gaat per e-mail"))
                let staffMail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "new.coach@example.org").first())
                clock.advance(72 * 3_600)
                #expect(try await TestBrowser(app).get(try Self.linkPath(in: staffMail.textBody)).status == .gone)
                #expect(try await app.auditActions().contains("user.invited"))
            }
        }

        @Test func mailThatCannotGoIsTriedAgainLaterThenShownToTheAdministrator() async throws {
            let clock = TestClock()
            // Nothing listens on port 9 of this machine: the connection is refused, for real.
            let refusing = SMTPSettings(host: "127.0.0.1", port: 9, security: .startTLSWhenOffered)
            try await withApp(configure: { $0.smtp = refusing }, clock: clock) { app async throws in
                _ = try await app.makeUser("coach@example.org", role: .jobCoach)
                _ = try await TestBrowser(app).submit("/account/reset", form: ["email": "coach@example.org"])
                #expect(try await OutboxSender.sendDue(app) == OutboxSender.Round(sent: 0, retrying: 1, failed: 0))
                let mail = try #require(try await OutboxMessage.query(on: app.db).first())
                #expect(mail.status == .queued && mail.attempts == 1 && !mail.lastError.isEmpty)
                #expect(mail.nextAttemptAt == clock.now().addingTimeInterval(60), "tried again after a minute")
                #expect(try await OutboxSender.sendDue(app) == OutboxSender.Round(), "not before its time")
                mail.attempts = MailRetry.maximumAttempts - 1
                mail.nextAttemptAt = clock.now()
                try await mail.update(on: app.db)
                #expect(try await OutboxSender.sendDue(app) == OutboxSender.Round(sent: 0, retrying: 0, failed: 1))

                let (_, admin) = try await app.signedIn("admin@example.org", role: .admin)
                let page = try await admin.get("/admin/mail").body.string
                #expect(page.contains("smtp://127.0.0.1:9") && page.contains("coach@example.org") && page.contains("Opnieuw proberen"))
                #expect(!page.contains("/account/link/"), "the body, with its link, is never shown")
                let retried = try await admin.submit("/admin/mail", to: "/admin/mail/\(mail.id!.uuidString)/retry", form: [:])
                #expect(retried.status == .ok)
                #expect(try await OutboxMessage.find(mail.id, on: app.db)?.status == .queued)
                #expect(try await admin.submit("/admin/mail", to: "/admin/mail/\(UUID().uuidString)/retry", form: [:]).status == .notFound)
                #expect(try await app.auditActions().contains("mail.failed"))
            }
            try await withApp { app async throws in
                let (_, admin) = try await app.signedIn("admin@example.org", role: .admin)
                #expect(try await admin.get("/admin/mail").body.string.contains("Er is geen mailserver ingesteld (SMTP_URL)."))
                let (_, coach) = try await app.signedIn("coach@example.org", role: .jobCoach)
                #expect(try await coach.get("/admin/mail").status == .forbidden)
            }
        }

        @Test func remindersCountLateWorkOnceADayAndCertificatesAreRemindedSixAndTwoMonthsBefore() async throws {
            // Wednesday 2 December 2026, noon in Amsterdam.
            let clock = TestClock(Date(timeIntervalSince1970: 1_796_209_200))
            try await withApp(clock: clock) { app async throws in
                let agency = try await app.makeAgency()
                let (coachUser, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (path, _) = try await app.placedClient("Lotte Visser", browser: coach, employer: "Distributiecentrum Lekdal")
                var late = TestBrowser.goal(app.today, what: "Het rooster zelf lezen")
                late["goalDueOn"] = app.today.adding(days: 1).description
                try await coach.submit(path + "/plan", to: path + "/goals", form: late)
                let goal = try #require(try await CoachingGoal.query(on: app.db).first())
                goal.dueOn = app.today.adding(days: -3).description
                try await goal.update(on: app.db)

                let certificate = Certificate()
                certificate.$holder.id = try coachUser.requireID()
                certificate.registrationNumber = "JC-2024-0001"
                certificate.frameworkID = "jobcoach"
                certificate.frameworkVersion = "2020"
                certificate.holderName = coachUser.displayName
                certificate.place = "Utrecht"
                certificate.validFrom = clock.now().addingTimeInterval(-4 * 365 * 86_400)
                certificate.validUntil = app.today.adding(months: 6).start(in: app.configuration.timeZone).addingTimeInterval(12 * 3_600)
                certificate.standing = .active
                certificate.keyID = "test"
                certificate.issuedAt = certificate.validFrom
                try await certificate.create(on: app.db)

                #expect(try await MailSchedule.queueDue(app) == MailSchedule.Queued(reminders: 1, certificateNotices: 1))
                #expect(try await MailSchedule.queueDue(app) == MailSchedule.Queued(), "once a day, once per notice")
                let reminder = try #require(try await OutboxMessage.query(on: app.db).filter(\.$kind == "coach-reminder").first())
                #expect(reminder.textBody.contains("1 doel") && !reminder.textBody.contains("Het rooster") && !reminder.textBody.contains("Lotte"))
                let notice = try #require(try await OutboxMessage.query(on: app.db).filter(\.$kind == "certificate-expiry").first())
                #expect(notice.textBody.contains("over ongeveer zes maanden") && notice.textBody.contains("JC-2024-0001"))
                // Four months later the two-month notice is due; the next day's reminder goes again.
                clock.advance(Double(app.today.adding(months: 4).start(in: app.configuration.timeZone).timeIntervalSince(
                    app.today.start(in: app.configuration.timeZone))))
                let later = try await MailSchedule.queueDue(app)
                #expect(later.certificateNotices == 1)
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "certificate-expiry").count() == 2)
            }
        }
    }
}
