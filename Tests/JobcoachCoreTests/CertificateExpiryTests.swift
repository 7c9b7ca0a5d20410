import Foundation
import Testing
@testable import JobcoachCore

/// A valid certificate expires soon within 183 days of its end, the last moment included.
@Suite struct CertificateExpiryTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let window = TimeInterval(183 * 86_400)

    @Test func theCutoffIs183DaysAfterNow() {
        #expect(CertificateExpiry.soonWindowDays == 183)
        #expect(CertificateExpiry.expiringSoonCutoff(now: Self.now) == Self.now.addingTimeInterval(Self.window))
    }

    @Test func insideTheWindowItExpiresSoon() {
        #expect(CertificateExpiry.expiresSoon(validUntil: Self.now.addingTimeInterval(86_400), now: Self.now))
        #expect(CertificateExpiry.expiresSoon(validUntil: Self.now.addingTimeInterval(Self.window - 1), now: Self.now))
    }

    @Test func onTheCutoffItStillExpiresSoon() {
        #expect(CertificateExpiry.expiresSoon(validUntil: Self.now.addingTimeInterval(Self.window), now: Self.now))
    }

    @Test func afterTheCutoffItDoesNot() {
        #expect(!CertificateExpiry.expiresSoon(validUntil: Self.now.addingTimeInterval(Self.window + 1), now: Self.now))
        #expect(!CertificateExpiry.expiresSoon(validUntil: Self.now.addingTimeInterval(5 * 365 * 86_400), now: Self.now))
    }

    @Test func aCertificateThatEndsOn183DaysFromTodayCountsButADayLaterDoesNot() {
        let today = CalendarDate("2026-11-22")!.startOfDayUTC
        let inside = CalendarDate("2026-11-22")!.adding(days: 183).startOfDayUTC
        let outside = CalendarDate("2026-11-22")!.adding(days: 184).startOfDayUTC
        #expect(CertificateExpiry.expiresSoon(validUntil: inside, now: today))
        #expect(!CertificateExpiry.expiresSoon(validUntil: outside, now: today))
    }
}
