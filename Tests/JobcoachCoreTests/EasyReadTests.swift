import Testing
@testable import JobcoachCore

/// The client's own page: which goal comes first, the coach's letters, the plain names of reports and
/// appointments, and telephone numbers.
@Suite struct EasyReadTests {
    struct Goal {
        var name: String
        var due: CalendarDate
        var open: Bool
    }

    static let today = CalendarDate(year: 2026, month: 12, day: 2)!

    @Test func theGoalToWorkOnIsTheOpenOneWithTheEarliestDateEvenWhenItIsLate() {
        let goals = [Goal(name: "pauzes", due: Self.today.adding(days: 20), open: true),
                     Goal(name: "reizen", due: Self.today.adding(days: -3), open: true),
                     Goal(name: "rooster", due: Self.today.adding(days: -30), open: false)]
        #expect(EasyRead.currentGoal(goals, dueOn: \.due, isOpen: \.open)?.name == "reizen")
        #expect(EasyRead.currentGoal(goals.filter { $0.name == "rooster" }, dueOn: \.due, isOpen: \.open) == nil)
    }

    @Test func theCoachsPictureShowsAtMostThreeLetters() {
        #expect(EasyRead.avatarLetters("Jamila Jobcoach") == "JJ")
        #expect(EasyRead.avatarLetters("Jan van der Berg") == "JB")
        #expect(EasyRead.avatarLetters("Cher") == "C")
        #expect(EasyRead.avatarLetters("") == "?")
    }

    @Test func everyReportAndAppointmentHasPlainWordsInBothLanguages() {
        for kind in ReportKind.allCases {
            #expect(!kind.clientTitle.nl.isEmpty && !kind.clientTitle.en.isEmpty)
            for line in [kind.clientContents.nl, kind.clientContents.en] {
                let sentences = line.split(separator: ".").map { $0.split(separator: " ").count }
                #expect(sentences.allSatisfy { $0 <= 10 }, "short sentences: \(line)")
            }
        }
        #expect(ReportKind.progress.clientTitle.nl.contains("rapportage") == false)
        for kind in AppointmentKind.allCases { #expect(!kind.clientTitle.nl.isEmpty && !kind.clientTitle.en.isEmpty) }
        #expect(AppointmentKind.evaluation.clientTitle.nl != AppointmentKind.evaluation.title.nl, "no jargon for the client")
    }

    @Test func aDaySaysTodayOrTomorrowAndTheYearOnlyWhenItIsAnother() {
        #expect(EasyRead.day(Self.today, today: Self.today, in: .nl) == "vandaag, woensdag 2 december")
        #expect(EasyRead.day(Self.today.adding(days: 1), today: Self.today, in: .en) == "tomorrow, Thursday 3 December")
        #expect(EasyRead.day(Self.today.adding(days: 6), today: Self.today, in: .nl) == "dinsdag 8 december")
        #expect(EasyRead.day(Self.today.adding(days: 33), today: Self.today, in: .nl) == "maandag 4 januari 2027")
    }

    @Test func aTelephoneNumberIsDigitsAsPeopleWriteThem() {
        #expect(PhoneNumber("030 123  4567")?.text == "030 123 4567")
        #expect(PhoneNumber("030 123 4567")?.uri == "tel:0301234567")
        #expect(PhoneNumber("+31 (0)30-123.4567")?.uri == "tel:+310301234567")
        #expect(PhoneNumber("06 1234") == nil, "too short")
        #expect(PhoneNumber("bel 030 1234567") == nil, "words")
        #expect(PhoneNumber("") == nil)
        #expect(PhoneNumber("+") == nil)
    }
}
