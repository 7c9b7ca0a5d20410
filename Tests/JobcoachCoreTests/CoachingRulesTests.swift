import Foundation
import Testing
@testable import JobcoachCore

/// The rules of coaching after the placement: SMART goals, the fading plan, follow-up due dates,
/// the caseload limit and how long a contact or an appointment may last.
@Suite struct CoachingRulesTests {
    func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    // MARK: Calendar arithmetic the schedules rely on

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"), ("2028-01-31", 1, "2028-02-29"), ("2026-11-20", 3, "2027-02-20"),
        ("2026-08-31", 6, "2027-02-28"), ("2026-03-15", -3, "2025-12-15"), ("2026-12-01", 12, "2027-12-01"),
    ])
    func addingMonthsKeepsTheDayOrTheMonthsLastDay(_ start: String, _ months: Int, _ expected: String) {
        #expect(day(start).adding(months: months) == day(expected))
    }

    @Test func addingDaysCrossesMonthsYearsAndLeapDays() {
        #expect(day("2026-12-28").adding(days: 7) == day("2027-01-04"))
        #expect(day("2028-02-28").adding(days: 1) == day("2028-02-29"))
        #expect(day("2026-03-01").adding(days: -1) == day("2026-02-28"))
        for offset in [-800, -1, 0, 1, 59, 365, 1_461] {
            #expect(day("2026-11-22").adding(days: offset).days(since: day("2026-11-22")) == offset)
        }
    }

    // MARK: SMART goals

    let plannedOn = CalendarDate("2026-11-22")!
    var good: SmartGoal {
        SmartGoal(what: "Zelf de vaatwasser inruimen en aanzetten", why: "Dan kan ik de ochtenddienst alleen draaien",
                  target: 5, unit: "ochtenden per week zonder hulp", agreedWithClient: true, dueOn: CalendarDate("2027-02-01"))
    }

    @Test func aSMARTGoalHasNoProblems() {
        #expect(good.problems(plannedOn: plannedOn).isEmpty)
    }

    @Test func eachMissingPartIsNamedByItsField() {
        let empty = SmartGoal(what: "", why: " ", target: nil, unit: "", agreedWithClient: false, dueOn: nil)
        let problems = empty.problems(plannedOn: plannedOn)
        #expect(Set(problems.map(\.field)) == ["what", "why", "target", "unit", "agreedWithClient", "dueOn"])
        #expect(problems.first { $0.field == "agreedWithClient" }?.kind == .notAgreed)
    }

    @Test func vagueUnmeasurableOrUntimelyGoalsAreRefused() {
        var goal = good
        goal.what = "Beter werken"
        #expect(goal.problems(plannedOn: plannedOn) == [SmartGoalProblem(field: "what", kind: .notSpecific)])
        goal = good
        goal.target = 0
        #expect(goal.problems(plannedOn: plannedOn) == [SmartGoalProblem(field: "target", kind: .notMeasurable)])
        goal.target = .nan
        #expect(goal.problems(plannedOn: plannedOn) == [SmartGoalProblem(field: "target", kind: .notMeasurable)])
        goal = good
        goal.dueOn = plannedOn
        #expect(goal.problems(plannedOn: plannedOn) == [SmartGoalProblem(field: "dueOn", kind: .notAfterPlan)])
        goal.dueOn = plannedOn.adding(months: 12)
        #expect(goal.problems(plannedOn: plannedOn).isEmpty, "a year is the longest a goal may run")
        goal.dueOn = plannedOn.adding(months: 12).adding(days: 1)
        #expect(goal.problems(plannedOn: plannedOn) == [SmartGoalProblem(field: "dueOn", kind: .tooFarAhead)])
    }

    // MARK: Fading plan

    @Test func aLinearPlanDeclinesToNoneAtTheTakeover() {
        let plan = FadingPlan.linear(from: day("2026-11-23"), firstHours: 8, weeksUntilTakeover: 4)
        #expect(plan.weeks.map(\.plannedHours) == [8, 6, 4, 2, 0])
        #expect(plan.weeks.map(\.startsOn) == ["2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21"].map(day))
        #expect(plan.takeoverOn == day("2026-12-21"))
        #expect(plan.plannedTotal == 20)
        #expect(plan.problems().isEmpty)
        // Uneven steps are rounded to quarter hours.
        #expect(FadingPlan.linear(from: day("2026-11-23"), firstHours: 5, weeksUntilTakeover: 3).weeks.map(\.plannedHours) == [5, 3.25, 1.75, 0])
    }

    @Test func aPlanThatRisesSkipsAWeekOrSupportsAfterTheTakeoverIsRefused() {
        let start = day("2026-11-23")
        let plan = FadingPlan(weeks: [
            .init(startsOn: start, plannedHours: 6),
            .init(startsOn: start.adding(days: 7), plannedHours: 8),
            .init(startsOn: start.adding(days: 21), plannedHours: 2),
            .init(startsOn: start.adding(days: 28), plannedHours: 1),
        ], takeoverOn: start.adding(days: 28))
        #expect(plan.problems() == [
            FadingPlanProblem(week: 1, kind: .increases),
            FadingPlanProblem(week: 2, kind: .notConsecutive),
            FadingPlanProblem(week: 3, kind: .supportAfterTakeover),
        ])
        let short = FadingPlan(weeks: [.init(startsOn: start, plannedHours: 4)], takeoverOn: start.adding(days: 21))
        #expect(short.problems() == [FadingPlanProblem(week: nil, kind: .endsBeforeTakeover)])
        #expect(FadingPlan(weeks: [], takeoverOn: start).problems().first?.kind == .empty)
        let wild = FadingPlan(weeks: [.init(startsOn: start, plannedHours: -1)], takeoverOn: start)
        #expect(wild.problems() == [FadingPlanProblem(week: 0, kind: .hoursOutOfRange)])
    }

    @Test func givenSupportIsCountedInItsPlanWeekAndNothingIsLost() {
        let plan = FadingPlan.linear(from: day("2026-11-23"), firstHours: 8, weeksUntilTakeover: 2)
        let comparison = plan.compare(given: [
            (day("2026-11-23"), 240), (day("2026-11-29"), 300), // week 1: 9 h
            (day("2026-11-30"), 90),                             // week 2: 1.5 h
            (day("2026-12-10"), 60),                             // week 3 (takeover week): 1 h
            (day("2026-11-20"), 45),                             // before the plan
        ])
        #expect(comparison.rows.map(\.givenHours) == [9, 1.5, 1])
        #expect(comparison.rows.map(\.differenceHours) == [1, -2.5, 1])
        #expect(comparison.givenOutsideHours == 0.75)
        #expect(comparison.givenTotal == 12.25)
        #expect(comparison.plannedTotal == 12)
    }

    // MARK: Follow-up checks

    @Test func followUpsAreDueThreeSixAndTwelveMonthsAfterThePlacement() {
        let due = FollowUpSchedule.due(placedOn: day("2026-08-31"))
        #expect(due.map(\.monthsAfter) == [3, 6, 12])
        #expect(due.map(\.dueOn) == [day("2026-11-30"), day("2027-02-28"), day("2027-08-31")])
    }

    @Test func eachCheckIsDoneLateSoonOrLater() {
        let states = FollowUpSchedule.states(placedOn: day("2026-05-10"), done: [], on: day("2026-11-01"))
        #expect(states.map(\.kind) == [.overdue(days: 83), .dueSoon(days: 9), .later])
        let afterFirst = FollowUpSchedule.states(placedOn: day("2026-05-10"), done: [3], on: day("2026-11-01"))
        #expect(afterFirst.first?.kind == .done)
        let onTheDay = FollowUpSchedule.states(placedOn: day("2026-05-10"), done: [3], on: day("2026-11-10"))
        #expect(onTheDay[1].kind == .dueSoon(days: 0))
    }

    // MARK: Caseload limit

    @Test(arguments: [(36.0, 20), (32.0, 17), (24.0, 13), (18.0, 10), (4.0, 2), (1.0, 1), (40.0, 20), (0.0, 0)])
    func theLimitScalesWithTheCoachsHours(_ hours: Double, _ expected: Int) {
        #expect(CaseloadLimit().limit(hoursPerWeek: hours) == expected)
    }

    @Test func anOrganisationSetsItsOwnLimitAndLoadShowsWhenItIsOver() {
        let limit = CaseloadLimit(perFullTime: 15, fullTimeHours: 38)
        #expect(limit.limit(hoursPerWeek: 38) == 15)
        #expect(limit.limit(hoursPerWeek: 19) == 7)
        let load = limit.load(clients: 18, hoursPerWeek: 38)
        #expect(load.isOver && load.percentage == 120 && load.placesLeft == 0)
        let room = CaseloadLimit().load(clients: 12, hoursPerWeek: 36)
        #expect(!room.isOver && room.percentage == 60 && room.placesLeft == 8)
    }

    // MARK: Length of a contact or an appointment

    @Test(arguments: [(1, nil), (60, nil), (1_439, nil), (1_440, nil), (1_441, CoachingDuration.Problem.tooLong),
                      (0, .notPositive), (-15, .notPositive)] as [(Int, CoachingDuration.Problem?)])
    func aSupportContactLastsMoreThanNoneAndAtMostADay(_ minutes: Int, _ expected: CoachingDuration.Problem?) {
        #expect(CoachingDuration.supportEntry.problem(minutes: minutes) == expected)
    }

    @Test(arguments: [(1, nil), (479, nil), (480, nil), (481, CoachingDuration.Problem.tooLong),
                      (0, .notPositive), (-1, .notPositive)] as [(Int, CoachingDuration.Problem?)])
    func anAppointmentLastsMoreThanNoneAndAtMostAWorkingDay(_ minutes: Int, _ expected: CoachingDuration.Problem?) {
        #expect(CoachingDuration.appointment.problem(minutes: minutes) == expected)
    }

    @Test func aDurationThatIsNotANumberIsNamedAsSuch() {
        #expect(CoachingDuration.supportEntry.problem(minutes: nil) == .notANumber)
        #expect(CoachingDuration.appointment.problem(minutes: nil) == .notANumber)
        #expect(CoachingDuration.supportEntry.maximumMinutes == 24 * 60)
        #expect(CoachingDuration.appointment.maximumMinutes == 8 * 60)
    }

    @Test(arguments: [(0.0, 0.0), (0.1, 0.0), (0.125, 0.25), (50.0 / 60, 0.75), (53.0 / 60, 1.0), (1.5, 1.5), (10.3, 10.25)])
    func supportHoursAreShownToTheQuarterHour(_ hours: Double, _ expected: Double) {
        #expect(CoachingDuration.roundedToQuarterHour(hours) == expected)
    }
}
