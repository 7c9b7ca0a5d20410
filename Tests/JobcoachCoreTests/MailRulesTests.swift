import Foundation
import Testing
@testable import JobcoachCore

/// Mail: when a failed message is tried again, how long a link works, which certificate reminder is
/// due, and what a coach's reminder counts.
@Suite struct MailRulesTests {
    @Test func aFailedMessageIsTriedAgainLaterEachTimeAndThenGivenUp() {
        #expect(MailRetry.afterFailure(attempts: 1, permanent: false) == .tryAgain(after: 60))
        #expect(MailRetry.afterFailure(attempts: 2, permanent: false) == .tryAgain(after: 120))
        #expect(MailRetry.afterFailure(attempts: 5, permanent: false) == .tryAgain(after: 960))
        #expect(MailRetry.afterFailure(attempts: 9, permanent: false) == .tryAgain(after: 256 * 60))
        let waits = (1..<MailRetry.maximumAttempts).map { attempt -> TimeInterval in
            guard case .tryAgain(let delay) = MailRetry.afterFailure(attempts: attempt, permanent: false) else { return 0 }
            return delay
        }
        #expect(waits.allSatisfy { $0 <= MailRetry.longestDelay } && waits.reduce(0, +) == 511 * 60, "about 8.5 hours in all")
        #expect(MailRetry.afterFailure(attempts: 10, permanent: false) == .giveUp)
        #expect(MailRetry.afterFailure(attempts: 1, permanent: true) == .giveUp, "a permanent refusal is final")
    }

    @Test func anInvitationWorks72HoursAndAResetOneHourEachOnce() {
        let sent = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(AccountLinkPurpose.invitation.validity == 72 * 3_600)
        #expect(AccountLinkPurpose.passwordReset.validity == 3_600)
        let expires = sent.addingTimeInterval(AccountLinkPurpose.passwordReset.validity)
        #expect(AccountLinkPurpose.isUsable(expiresAt: expires, usedAt: nil, now: sent.addingTimeInterval(3_599)))
        #expect(!AccountLinkPurpose.isUsable(expiresAt: expires, usedAt: nil, now: expires), "not at the hour itself")
        #expect(!AccountLinkPurpose.isUsable(expiresAt: expires, usedAt: sent, now: sent.addingTimeInterval(10)), "once")
    }

    @Test func theCertificateReminderDueIsTheLatestOne() {
        let ends = CalendarDate(year: 2027, month: 8, day: 31)!
        #expect(CertificateExpiryNotice.due(endsOn: ends, today: CalendarDate(year: 2027, month: 2, day: 27)!) == nil)
        #expect(CertificateExpiryNotice.due(endsOn: ends, today: ends.adding(months: -6)) == .sixMonths)
        #expect(CertificateExpiryNotice.due(endsOn: ends, today: ends.adding(months: -2).adding(days: -1)) == .sixMonths)
        #expect(CertificateExpiryNotice.due(endsOn: ends, today: ends.adding(months: -2)) == .twoMonths)
        #expect(CertificateExpiryNotice.due(endsOn: ends, today: ends) == .twoMonths, "the last day still counts")
        #expect(CertificateExpiryNotice.due(endsOn: ends, today: ends.adding(days: 1)) == nil)
    }

    @Test func aCoachsReminderCountsLateChecksAndGoalsOnly() {
        let today = CalendarDate(year: 2026, month: 12, day: 2)!
        let someone = UUID()
        let items = [Agenda.Item(clientID: someone, day: today.adding(days: -3), what: .goal("Pauzes")),
                     Agenda.Item(clientID: someone, day: today.adding(days: -9), what: .followUp(.aftercareCheck, monthsAfter: 6)),
                     Agenda.Item(clientID: someone, day: today.adding(days: -1), what: .goal("Reizen"))]
        let late = Agenda(appointments: [], actions: items, today: today, through: today.adding(days: 14))
        #expect(CoachReminder(agenda: late) == CoachReminder(lateChecks: 1, lateGoals: 2))
        #expect(CoachReminder(agenda: Agenda(appointments: [], actions: [], today: today, through: today)) == nil)
    }
}
