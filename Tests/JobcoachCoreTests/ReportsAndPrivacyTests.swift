import Foundation
import Testing
@testable import JobcoachCore

/// The reports to the commissioner, the anonymised peer-review summary and the coach's list
/// of due actions.
@Suite struct ReportsAndPrivacyTests {
    func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    var facts: ReportFacts {
        ReportFacts(
            clientName: "Sanne Bakker", dateOfBirth: day("1994-03-12"), agency: "Werkpad", coach: "Jorien Coach", commissioner: "UWV",
            startedOn: day("2026-01-05"), phase: .onTheJob, question: "Duurzaam betaald werk in de logistiek",
            agreedTrajectory: "Plaatsing met begeleiding op de werkplek",
            goals: [.init(what: "Zelfstandig de ochtendroute rijden", target: 5, unit: "dagen per week", dueOn: day("2026-06-01"), reachedOn: day("2026-05-20")),
                    .init(what: "Pauzes zelf plannen", target: 3, unit: "pauzes per dag", dueOn: day("2026-08-01"), reachedOn: nil)],
            contacts: [.init(on: day("2026-04-01"), minutes: 90, party: .client), .init(on: day("2026-04-08"), minutes: 30, party: .employer)],
            fading: FadingPlan.linear(from: day("2026-03-30"), firstHours: 4, weeksUntilTakeover: 4)
                .compare(given: [(day("2026-04-01"), 90), (day("2026-04-08"), 30)]),
            takeoverOn: day("2026-04-27"), employerColleague: "Piet de Collega",
            job: .init(employer: "Bakkerij Korenschoof", position: "Magazijnmedewerker", startOn: day("2026-03-30"), hoursPerWeek: 24, contract: .fixedTerm),
            evaluationsHeld: [day("2026-05-01")], closedOn: day("2026-09-01"), outcome: .paidJob,
            closingSummary: "Werkt zelfstandig", aftercareOffer: "Bellen bij vragen",
            checks: [.init(monthsAfter: 3, heldOn: day("2026-06-30"), stillEmployed: true, hoursPerWeek: 24)])
    }

    @Test(arguments: ReportKind.allCases, [Language.nl, .en])
    func aReportShowsOnlyTheFieldsItsKindNeeds(_ kind: ReportKind, _ language: Language) {
        let report = CommissionerReport(kind: kind, facts: facts, language: language)
        #expect(Set(report.fieldsShown).isSubset(of: CommissionerReport.fields(for: kind)))
        #expect(report.fieldsShown.contains("client"))
        #expect(report.plainText.contains("Sanne Bakker"))
        // The colleague who takes over is the employer's business, not the commissioner's.
        #expect(!report.plainText.contains("Piet de Collega"))
        // Nothing in any report is health, contact or intake life story: no such field exists at all.
        for field in ["limitations", "attentionPoints", "lifeWorld", "email", "phone", "notes", "diagnosis"] {
            #expect(!CommissionerReport.fields(for: kind).contains(field))
        }
    }

    @Test func eachKindCarriesItsOwnContent() {
        let plan = CommissionerReport(kind: .planOfApproach, facts: facts, language: .en)
        #expect(plan.fieldsShown.contains("question") && plan.fieldsShown.contains("goals"))
        #expect(!plan.fieldsShown.contains("outcome") && !plan.fieldsShown.contains("supportHours"))
        let progress = CommissionerReport(kind: .progress, facts: facts, language: .en)
        #expect(progress.plainText.contains("2 hours in 2 contacts"))
        #expect(progress.plainText.contains("not yet reached"))
        #expect(!progress.fieldsShown.contains("question") && !progress.fieldsShown.contains("closingSummary"))
        let closing = CommissionerReport(kind: .closing, facts: facts, language: .nl)
        #expect(closing.plainText.contains("Betaald werk bij een reguliere werkgever"))
        #expect(closing.plainText.contains("Na 3 maanden (30 juni 2026): nog aan het werk, 24 uur per week"))
        #expect(!closing.fieldsShown.contains("fading"))
    }

    // MARK: Anonymised peer-review summary

    @Test func ordinaryWordsThatShareANamePartSurvive() {
        var anonymiser = CaseAnonymiser(language: .nl)
        anonymiser.name("Bas Mens")
        // The coaching plan's "colleague at the employer" holds a description, not a name.
        anonymiser.possibleName("Vaste collega")
        anonymiser.possibleName("Petra de Boer")
        let text = "Een vaste collega als aanspreekpunt. Bas heeft collega's om zich heen; de mens achter het werk. Petra helpt, bas mens ook."
        #expect(anonymiser.anonymise(text)
            == "Een vaste collega als aanspreekpunt. [naam] heeft collega's om zich heen; de mens achter het werk. [naam] helpt, [naam] ook.")
    }

    @Test func theSummaryLosesNamesDatesAddressesAndEmployers() {
        var anonymiser = CaseAnonymiser(language: .nl)
        anonymiser.name("Sanne van der Bakker")
        anonymiser.name("Jorien Coach")
        anonymiser.dateOfBirth(day("1994-03-12"))
        anonymiser.address("Utrecht")
        anonymiser.address("Keizersgracht 12")
        anonymiser.employer("Bakkerij De Korenschoof BV")
        let text = """
        Sanne (geboren 12-03-1994, ook wel 12 maart 1994) woont in utrecht, Keizersgracht 12, 3511 AB.
        Bakker werkt bij Bakkerij De Korenschoof BV; de Korenschoof is tevreden. Mail sanne@example.nl of
        bel 06-12345678, BSN 123456782. In 2024 we started; Jorien spreekt haar elke week op 1-4-2026.
        """
        let result = anonymiser.anonymise(text)
        for identifying in ["Sanne", "Bakker", "1994", "12-03", "maart", "tilburg", "Utrecht", "utrecht", "Keizersgracht", "3511 AB",
                            "Korenschoof", "sanne@example.nl", "12345678", "123456782", "Jorien", "1-4-2026"] {
            #expect(!result.contains(identifying), "still holds \(identifying): \(result)")
        }
        // Ordinary words and particles survive: the summary still reads.
        #expect(result.contains("woont in [adres]"))
        #expect(result.contains("werkt bij [werkgever]"))
        #expect(result.contains("In 2024 we started"))
        #expect(result.contains("[naam] (geboren [datum]"))
    }

    // MARK: The coach's list

    @Test func dueActionsListLateAndSoonGoalsAndFollowUps() {
        let today = day("2026-07-10")
        let actions = DueAction.open(
            goals: [("late goal", day("2026-06-30"), false), ("soon goal", day("2026-07-20"), false),
                    ("later goal", day("2026-09-01"), false), ("reached goal", day("2026-07-01"), true)],
            placedOn: day("2026-04-01"), followUpsDone: [], phase: .onTheJob, on: today)
        #expect(actions.map(\.subject) == ["late goal", "3", "soon goal"])
        #expect(actions[0].isOverdue(on: today) && actions[1].isOverdue(on: today) && !actions[2].isOverdue(on: today))
        let checked = DueAction.open(goals: [], placedOn: day("2026-04-01"), followUpsDone: [3], phase: .aftercare, on: today)
        #expect(checked.isEmpty)
        // Before placement there are no follow-ups, whatever the dates say.
        #expect(DueAction.open(goals: [], placedOn: day("2026-04-01"), followUpsDone: [], phase: .matching, on: today).isEmpty)
    }
}

/// The retention rule behind `jobcoach privacy purge`.
@Suite struct RetentionRuleTests {
    func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test func onlyTrajectoriesClosedBeforeTheCutoffGo() {
        let cutoff = RetentionRule.cutoff(today: day("2026-11-22"), retentionMonths: 24)
        #expect(cutoff == day("2024-11-22"))
        typealias T = RetentionRule.Trajectory<Int>
        #expect(RetentionRule.decide([T(id: 1, endedOn: day("2024-11-21"))], cutoff: cutoff) == .wholeClient)
        #expect(RetentionRule.decide([T(id: 1, endedOn: day("2024-11-22"))], cutoff: cutoff) == .keep)
        #expect(RetentionRule.decide([T(id: 1, endedOn: nil)], cutoff: cutoff) == .keep)
        #expect(RetentionRule.decide([T(id: 1, endedOn: day("2023-01-01")), T(id: 2, endedOn: nil)], cutoff: cutoff) == .trajectories([1]))
        #expect(RetentionRule.decide([T(id: 1, endedOn: day("2023-01-01")), T(id: 2, endedOn: day("2024-01-01"))], cutoff: cutoff) == .wholeClient)
        #expect(RetentionRule.decide([T](), cutoff: cutoff) == .keep)
    }
}

/// Who must be at an evaluation, and the age band of an anonymised summary.
@Suite struct EvaluationAndAgeTests {
    @Test func theClientIsAlwaysThereAndTheClosingNeedsAllThree() {
        #expect(EvaluationKind.interim.absence(client: false, employer: true, commissioner: true) == .client)
        #expect(EvaluationKind.interim.absence(client: true, employer: false, commissioner: false) == nil)
        #expect(EvaluationKind.closing.absence(client: true, employer: true, commissioner: false) == .closingParties)
        #expect(EvaluationKind.closing.absence(client: true, employer: false, commissioner: true) == .closingParties)
        #expect(EvaluationKind.closing.absence(client: false, employer: true, commissioner: true) == .client)
        #expect(EvaluationKind.closing.absence(client: true, employer: true, commissioner: true) == nil)
    }

    @Test func anAgeBecomesATenYearBand() {
        let born = CalendarDate("1994-03-12")!
        #expect(CaseAnonymiser.ageBand(bornOn: born, on: CalendarDate("2026-03-11")!) == 30...39)
        #expect(CaseAnonymiser.ageBand(bornOn: born, on: CalendarDate("2024-03-11")!) == 20...29)
        #expect(CaseAnonymiser.ageBand(bornOn: born, on: CalendarDate("2024-03-12")!) == 30...39)
    }
}

@Suite struct ErasureRuleTests {
    let today = CalendarDate(year: 2026, month: 12, day: 3)!

    @Test func aRequestNeedsTheExportOfferedFirstAndOneAtATime() {
        #expect(ErasureRule.recording(exportOffered: false, receivedOn: today, today: today, openRequest: false) == .exportNotOffered)
        #expect(ErasureRule.recording(exportOffered: true, receivedOn: today, today: today, openRequest: false) == nil)
        #expect(ErasureRule.recording(exportOffered: true, receivedOn: today.adding(days: 1), today: today, openRequest: false) == .receivedInFuture)
        #expect(ErasureRule.recording(exportOffered: true, receivedOn: today, today: today, openRequest: true) == .alreadyRequested)
    }

    @Test func aSecondPersonConfirmsAndOnlyWhilePending() {
        #expect(ErasureRule.confirmation(status: .requested, requester: "coach", confirmer: "coach") == .sameAsRequester)
        #expect(ErasureRule.confirmation(status: .requested, requester: "coach", confirmer: "lead") == nil)
        #expect(ErasureRule.confirmation(status: .erased, requester: "coach", confirmer: "lead") == .notPending)
        #expect(ErasureRule.confirmation(status: .withdrawn, requester: "coach", confirmer: "lead") == .notPending)
        #expect(ErasureRule.withdrawal(status: .requested) == nil)
        #expect(ErasureRule.withdrawal(status: .erased) == .notPending)
    }

    @Test func theReferenceIsShortAndPlain() {
        let reference = ErasureRule.reference(from: [0, 1, 2, 31, 32, 255, 100, 7, 9])
        #expect(reference == "W-ABC9A9EH")
        #expect(!reference.contains("O") && !reference.contains("I") && !reference.contains("0") && !reference.contains("1"))
    }

    @Test func theKeptLinesAreEveryPointReachedPricedAndCountOnTheStatement() {
        let start = CalendarDate(year: 2025, month: 1, day: 6)!
        let job = OutcomeJob(start: CalendarDate(year: 2025, month: 3, day: 3)!, end: nil, hoursPerWeek: 16, hourlyWage: 14, regular: true)
        let client = PaymentStatement.Client(id: "W-ABCDEFGH", paymentGroup: "A", start: start, jobs: [job])
        let tariffs: [String: [PaymentPoint: Int]] = ["A": [.start: 50_000, .placement: 150_000]]
        let kept = PaymentStatement.lines(of: client, tariffs: tariffs, asOf: today)
        #expect(kept.map(\.point) == [.start, .placement, .kept26Weeks, .kept52Weeks])
        #expect(kept.map(\.amountCents) == [50_000, 150_000, nil, nil])
        let statement = PaymentStatement.compute([], tariffs: tariffs, period: .year(2025), asOf: today, kept: kept)
        #expect(statement.totalCents == 200_000)
        #expect(statement.lines.map(\.point) == [.start, .placement, .kept26Weeks])
        #expect(PaymentStatement.compute([], tariffs: tariffs, period: .year(2026), asOf: today, kept: kept).lines.map(\.point) == [.kept52Weeks])
    }
}
