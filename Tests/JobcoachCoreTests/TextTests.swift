import Foundation
import Testing
@testable import JobcoachCore

@Suite struct TextTests {
    @Test func datesParseOnlyRealDays() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(CalendarDate("2023-13-01") == nil)
        #expect(CalendarDate("2023-1-01") == nil)
        #expect(CalendarDate("20x3-01-01") == nil)
        #expect(CalendarDate("") == nil)
    }

    @Test func dateArithmetic() {
        #expect(CalendarDate("2024-02-29")!.adding(years: 1) == CalendarDate("2025-02-28"))
        #expect(CalendarDate("2021-01-01")!.adding(years: 4) == CalendarDate("2025-01-01"))
        #expect(CalendarDate("2024-03-01")!.days(since: CalendarDate("2024-02-28")!) == 2)
        #expect(CalendarDate("2019-01-01")!.days(since: CalendarDate("2021-01-01")!) == -731)
        #expect(CalendarDate("2013-08-01")!.text(in: .nl) == "1 augustus 2013")
        #expect(CalendarDate("2013-08-01")!.text(in: .en) == "1 August 2013")
    }

    @Test func theDayDependsOnTheTimeZone() {
        let lateEvening = Date(timeIntervalSince1970: 1_767_222_000) // 2025-12-31 23:00 UTC
        #expect(CalendarDate(lateEvening, in: TimeZone(identifier: "UTC")!) == CalendarDate("2025-12-31"))
        #expect(CalendarDate(lateEvening, in: TimeZone(identifier: "Europe/Amsterdam")!) == CalendarDate("2026-01-01"))
    }

    @Test func numbersAreWrittenPerLanguage() {
        #expect(NumberText.format(1200, in: .nl) == "1.200")
        #expect(NumberText.format(1200, in: .en) == "1,200")
        #expect(NumberText.format(3.5, in: .nl) == "3,5")
        #expect(NumberText.format(3.5, in: .en) == "3.5")
        #expect(NumberText.format(1_234_567.25, in: .en) == "1,234,567.25")
        #expect(NumberText.format(98, in: .nl) == "98")
    }

    @Test func theBrowserLanguageIsRespected() {
        #expect(Language.preferred(acceptLanguage: "en-GB,en;q=0.9,nl;q=0.8") == .en)
        #expect(Language.preferred(acceptLanguage: "de-DE,nl;q=0.5,en;q=0.4") == .nl)
        #expect(Language.preferred(acceptLanguage: "fr") == .nl)
        #expect(Language.preferred(acceptLanguage: nil) == .nl)
    }

    @Test func hugeAndNonFiniteNumbersAreWrittenWithoutCrashing() {
        #expect(NumberText.format(1e20, in: .en) == "1e+20")
        #expect(NumberText.format(.infinity, in: .nl) == "∞")
        #expect(NumberText.format(.nan, in: .en) == "–")
    }
}
