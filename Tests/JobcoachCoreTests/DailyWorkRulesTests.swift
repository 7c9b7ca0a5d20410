import Foundation
import Testing
@testable import JobcoachCore

/// The rules of the working day: the agenda's order, weeks, initials, what a change may do, and places.
@Suite struct DailyWorkRulesTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 2)!
    static let lotte = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
    static let noah = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!

    @Test func theAgendaPutsWhatIsLateFirstThenEachDayInOrder() {
        let visit = Agenda.Item(clientID: Self.lotte, day: Self.today.adding(days: 5), what: .appointment(.workplaceVisit, minuteOfDay: 630, minutes: 60))
        let early = Agenda.Item(clientID: Self.noah, day: Self.today.adding(days: 5), what: .appointment(.conversation, minuteOfDay: 540, minutes: 30))
        let far = Agenda.Item(clientID: Self.noah, day: Self.today.adding(days: 20), what: .appointment(.conversation, minuteOfDay: 540, minutes: 30))
        let past = Agenda.Item(clientID: Self.noah, day: Self.today.adding(days: -2), what: .appointment(.conversation, minuteOfDay: 540, minutes: 30))
        let lateGoal = Agenda.Item(clientID: Self.lotte, day: Self.today.adding(days: -3), what: .goal("Het rooster lezen"))
        let check = Agenda.Item(clientID: Self.lotte, day: Self.today.adding(days: 5), what: .followUp(.checkAfterPlacement, monthsAfter: 3))
        let agenda = Agenda(appointments: [visit, far, past, early], actions: [check, lateGoal], today: Self.today,
                            through: Self.today.adding(days: Agenda.horizonDays))
        #expect(agenda.overdue == [lateGoal], "a late goal is overdue; a past appointment happened")
        #expect(agenda.days.map(\.day) == [Self.today.adding(days: 5)])
        #expect(agenda.days[0].items == [early, visit, check], "by time, then what falls due that day")
    }

    @Test func aWeekRunsFromMondayToSunday() {
        // 2 December 2026 is a Wednesday in ISO week 49.
        #expect(Self.today.weekday == 3)
        #expect(Self.today.startOfWeek == CalendarDate(year: 2026, month: 11, day: 30))
        #expect(Self.today.isoWeek == (2026, 49))
        #expect(CalendarDate(year: 2027, month: 1, day: 1)!.isoWeek == (2026, 53), "1 January 2027 is a Friday of 2026's last week")
        #expect(CalendarDate(year: 2024, month: 12, day: 30)!.isoWeek == (2025, 1))
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.weekday == 4)
        let week = Agenda.week(of: Self.today, appointments: [], actions: [])
        #expect(week.count == 7 && week.first?.day.weekday == 1 && week.last?.day.weekday == 7)
    }

    @Test func checksAreAftercareOnlyAfterSupportEnds() {
        #expect(FollowUpCheckName(phase: .onTheJob) == .checkAfterPlacement)
        #expect(FollowUpCheckName(phase: .aftercare) == .aftercareCheck)
        #expect(FollowUpCheckName(phase: .closing) == .aftercareCheck)
    }

    @Test func initialsKeepParticlesSmall() {
        #expect(Initials.of("Lotte de Vries") == "L.d.V.")
        #expect(Initials.of("Noah Jansen") == "N.J.")
        #expect(Initials.of("Jan van der Berg") == "J.v.d.B.")
        #expect(Initials.of("Anna-Lena Øster") == "A.L.Ø.")
        #expect(Initials.of("  ") == "?")
    }

    @Test func aGoalIsChangedOnlyWhileOpenAndPostponedOnlyLaterWithAReason() {
        let open = RecordRevision.GoalState(dueOn: Self.today, reached: false, dropped: false)
        #expect(RecordRevision.refusal(goal: open, change: .edited) == nil)
        #expect(RecordRevision.refusal(goal: open, change: .postponed, newDueOn: Self.today.adding(days: 14), reason: "Ziek geweest") == nil)
        #expect(RecordRevision.refusal(goal: open, change: .postponed, newDueOn: Self.today, reason: "Ziek") == .notLater)
        #expect(RecordRevision.refusal(goal: open, change: .postponed, newDueOn: Self.today.adding(days: 1), reason: " ") == .reasonMissing)
        #expect(RecordRevision.refusal(goal: open, change: .dropped, reason: "") == .reasonMissing)
        #expect(RecordRevision.refusal(goal: .init(dueOn: Self.today, reached: true, dropped: false), change: .edited) == .goalReached)
        #expect(RecordRevision.refusal(goal: .init(dueOn: Self.today, reached: false, dropped: true), change: .postponed,
                                       newDueOn: Self.today.adding(days: 9), reason: "x") == .goalDropped)
        #expect(RecordRevision.refusal(appointment: .planned, change: .cancelled, reason: "") == .reasonMissing)
        #expect(RecordRevision.refusal(appointment: .cancelled, change: .moved) == .appointmentCancelled)
        #expect(RecordRevision.refusal(milestoneTakenBack: true, reason: "dubbel") == .milestoneTakenBack)
        let previous = RecordRevision.previousValues(before: [("what", "Op tijd"), ("due", "2026-12-01")], after: ["what": "Op tijd", "due": "2026-12-15"])
        #expect(previous.map(\.field) == ["due"] && previous.map(\.value) == ["2026-12-01"])
    }

    @Test func everyPlaceOfTheCountriesIsFoundByNameAlternativeNameOrCoordinates() throws {
        let catalog = try PlaceCatalog.loadBundled()
        #expect(catalog.places.count > 15_000)
        #expect(Set(catalog.places.map(\.country)) == ["NL", "BE", "GB", "PL", "DK", "SE", "NO", "FI", "IS"])
        #expect(Set(catalog.places.map(\.name)).count == catalog.places.count, "names are unique")
        #expect(catalog.place(named: "Den Haag")?.country == "NL")
        #expect(catalog.place(named: "the hague")?.name == "Den Haag", "found by an alternative name")
        #expect(catalog.place(named: "lodz")?.country == "PL", "without accents")
        #expect(catalog.place(named: "Houten") != nil && catalog.place(named: "Nowhere-on-Sea") == nil)
        #expect(catalog.suggestions(for: "Amst").first?.name == "Amsterdam")
        let typed = try #require(catalog.place(typed: "52.09, 5.12"))
        #expect(typed.name == "Utrecht" && typed.point == GeoPoint(lat: 52.09, lon: 5.12))
        #expect(PlaceCatalog.coordinates(in: "91, 5") == nil && PlaceCatalog.coordinates(in: "Utrecht") == nil)
    }

    @Test func aPlacesFileWithABadLineIsRefusedWithItsLineNumber() {
        let tsv = "name\tcountry\tlat\tlon\tpopulation\talternativeNames\nUtrecht\tNL\t52.09\t5.12\t290000\t\nKapot\tNL\tx\t5\t1\t\n"
        #expect(throws: FrameworkDataError.self) { try PlaceCatalog.load(tsv: tsv, file: "places.tsv") }
        do { _ = try PlaceCatalog.load(tsv: tsv, file: "places.tsv") } catch let error as FrameworkDataError {
            #expect(error.issues.map(\.line) == [3])
        } catch {}
        let shared = "name\tcountry\tlat\tlon\tpopulation\talternativeNames\nAalst\tBE\t50.94\t4.04\t77000\t\nAalst\tNL\t51.40\t5.48\t6000\t\n"
        let catalog = try? PlaceCatalog.load(tsv: shared, file: "places.tsv")
        #expect(catalog?.places.map(\.name).sorted() == ["Aalst", "Aalst (NL)"], "the more populous keeps a shared name")
        #expect(catalog?.place(named: "Aalst")?.country == "BE")
    }
}
