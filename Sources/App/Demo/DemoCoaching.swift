import Foundation
import JobcoachCore
import SQLKit

/// The coaching records of a demo trajectory with a placement: a coaching plan with three goals,
/// weekly support that fades, a fading plan, milestones, evaluations, an appointment ahead, and for
/// trajectories past support the closing and the follow-up checks due so far (some left undone, so the
/// caseload has overdue items). Collected as rows and inserted many at a time.
struct DemoCoaching: Sendable {
    typealias Row = [any Encodable & Sendable]

    var plans: [Row] = []
    var goals: [Row] = []
    var support: [Row] = []
    var fading: [Row] = []
    var milestones: [Row] = []
    var evaluations: [Row] = []
    var appointments: [Row] = []
    var closings: [Row] = []
    var followUps: [Row] = []
    var consents: [Row] = []

    static let goalTexts = [("Zelfstandig de werkdag beginnen", "dagen per week zonder hulp", 5.0),
                            ("Zelf pauzes plannen en nemen", "pauzes per dag", 2.0),
                            ("Vragen stellen aan de vaste collega", "vragen per week", 3.0),
                            ("Op tijd op het werk komen met het openbaar vervoer", "dagen per week", 4.0),
                            ("Het orderpicken zonder fouten afronden", "orders per dag", 20.0)]

    /// What a coach writes for the client after a visit: short sentences in plain words.
    static let clientSummaries = ["We hebben je taken samen geoefend. Je collega hielp mee.",
                                  "Je werkt al veel alleen. Dat gaat goed. Volgende week kom ik minder lang.",
                                  "We hebben je rooster besproken. Je vraagt je collega als je iets niet weet."]

    mutating func add(organisationID: UUID, trajectoryID: UUID, coachID: UUID, phase: TrajectoryPhase, placedOn start: CalendarDate,
                      phaseSince: CalendarDate, today: CalendarDate, now: Date, timeZone: TimeZone, random: inout SeededRandom,
                      appointmentInDays: Int? = nil) {
        let afterSupport = [TrajectoryPhase.closing, .aftercare, .ended].contains(phase)
        plans.append([UUID(), organisationID, trajectoryID, "Zus helpt met de reisplanning; een buurman rijdt de eerste week mee.",
                      "De leidinggevende zorgt voor vaste taken en een rustige werkplek.", "Vaste collega (meewerkend voorman)",
                      start.adding(days: -7).description, start.adding(days: -5).description, now])
        for (index, offset) in [30, 90, 180].enumerated() {
            let goal = Self.goalTexts[(index + random.next(2)) % Self.goalTexts.count]
            let due = start.adding(days: offset)
            let reached: String? = afterSupport || (due < today && random.next(10) < 7) ? min(due, today).description : nil
            goals.append([UUID(), organisationID, trajectoryID, goal.0, "Zodat de cliënt het werk duurzaam volhoudt.", goal.2, goal.1,
                          due.description, true, "Samen oefenen\nZelf doen met de collega erbij\nHelemaal zelf", reached, now])
        }
        let weeks = 8 + random.next(5)
        let first = Double(4 + random.next(5))
        let plan = FadingPlan.linear(from: start, firstHours: first, weeksUntilTakeover: weeks)
        fading.append([UUID(), organisationID, trajectoryID, plan.takeoverOn.description, FadingPlanRow.stored(plan), now])
        let parties = SupportParty.allCases
        for (index, week) in plan.weeks.enumerated() where week.startsOn <= today && week.plannedHours > 0 {
            let day = week.startsOn.adding(days: random.next(5))
            guard day <= today else { continue }
            // Given support follows the plan, sometimes a little more or less.
            let minutes = max(15, Int(week.plannedHours * 60) + (random.next(5) - 2) * 15)
            support.append([UUID(), organisationID, trajectoryID, day.description, minutes, parties[index % parties.count].rawValue,
                            "Op de werkplek", "Taken doorgenomen en geoefend; de collega nam een deel over.", "{}", coachID, now,
                            Self.clientSummaries[index % Self.clientSummaries.count]])
        }
        if start.adding(days: 7) <= today {
            milestones.append([UUID(), organisationID, trajectoryID, "Eerste werkweek volledig gewerkt", start.adding(days: 7).description,
                               random.next(3) > 0, now])
        }
        if start.adding(days: 42) <= today {
            evaluations.append([UUID(), organisationID, trajectoryID, start.adding(days: 42).description, "interim", true, true, false,
                                "Het gaat goed; de cliënt werkt steeds zelfstandiger.", "Begeleiding per week verder afbouwen.", coachID, now])
        }
        if !afterSupport {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let day = today.adding(days: appointmentInDays ?? 2 + random.next(9))
            if let at = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 10)) {
                appointments.append([UUID(), organisationID, trajectoryID, at, 60, "Op de werkplek", "Voortgang bespreken met de collega",
                                     AppointmentKind.workplaceVisit.rawValue, now])
            }
        }
        consents.append([UUID(), organisationID, trajectoryID, ReportKind.planOfApproach.rawValue, true, now, coachID, false])
        if afterSupport {
            let closedOn = min(phaseSince, today)
            evaluations.append([UUID(), organisationID, trajectoryID, closedOn.description, "closing", true, true, true,
                                "Doelen bereikt; de werkgever neemt de begeleiding over.", "", coachID, now])
            closings.append([UUID(), organisationID, trajectoryID, closedOn.description, ClosingOutcome.paidJob.rawValue,
                             "De cliënt werkt zelfstandig met een vaste collega als aanspreekpunt.", "Bellen of mailen bij vragen; controles na 3, 6 en 12 maanden.", now])
            for check in FollowUpSchedule.due(placedOn: start) where check.dueOn <= today && random.next(5) > 0 {
                let employed = random.next(10) < 8
                followUps.append([UUID(), organisationID, trajectoryID, check.monthsAfter, check.dueOn.adding(days: random.next(10)).description,
                                  employed, employed ? Double(12 + random.next(16)) : nil as Double?, employed, random.next(4) == 0, "", coachID, now])
            }
        }
    }

    /// Inserts the rows collected, at most `chunk` per statement (the databases limit bound values).
    func insert(on sql: any SQLDatabase, chunk: Int = 500) async throws {
        let tables: [(String, [String], [Row])] = [
            (CoachingPlan.schema, ["id", "organisation_id", "trajectory_id", "network_roles", "employer_role", "employer_colleague",
                                   "agreed_with_client_on", "agreed_with_employer_on", "updated_at"], plans),
            (CoachingGoal.schema, ["id", "organisation_id", "trajectory_id", "what", "why", "target", "unit", "due_on", "agreed_with_client",
                                   "steps", "reached_on", "created_at"], goals),
            (SupportEntry.schema, ["id", "organisation_id", "trajectory_id", "held_on", "minutes", "with_whom", "location", "notes", "progress",
                                   "created_by", "created_at", "client_summary"], support),
            (FadingPlanRow.schema, ["id", "organisation_id", "trajectory_id", "takeover_on", "weeks", "updated_at"], fading),
            (Milestone.schema, ["id", "organisation_id", "trajectory_id", "title", "reached_on", "celebrated", "created_at"], milestones),
            (Evaluation.schema, ["id", "organisation_id", "trajectory_id", "held_on", "kind", "with_client", "with_employer", "with_commissioner",
                                 "outcome", "plan_changes", "created_by", "created_at"], evaluations),
            (Appointment.schema, ["id", "organisation_id", "trajectory_id", "starts_at", "minutes", "location", "topic", "kind", "created_at"],
             appointments),
            (Closing.schema, ["id", "organisation_id", "trajectory_id", "closed_on", "outcome", "summary", "aftercare_offer", "updated_at"], closings),
            (FollowUpCheck.schema, ["id", "organisation_id", "trajectory_id", "months_after", "held_on", "still_employed", "hours_per_week",
                                    "same_employer", "support_needed", "note", "created_by", "created_at"], followUps),
            (ReportConsent.schema, ["id", "organisation_id", "trajectory_id", "report_kind", "given", "recorded_at", "recorded_by", "by_client"], consents),
        ]
        for (table, columns, rows) in tables {
            var start = 0
            while start < rows.count {
                var insert = sql.insert(into: table).columns(columns)
                for row in rows[start..<min(rows.count, start + chunk)] { insert = insert.values(row) }
                try await insert.run()
                start += chunk
            }
        }
    }
}
