import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Fills the core's `ReportFacts` from a client's rows. It hands over only what a report may use;
/// the core then picks per kind what the commissioner needs.
enum ReportFactsBuilder {
    static func facts(_ file: ClientFile, _ coaching: CoachingFile, on request: Request) async throws -> ReportFacts {
        let timeZone = request.application.configuration.timeZone
        let organisation = try await Organisation.find(file.client.organisationID, on: request.db)
        let coach = try await User.find(file.client.$coach.id, on: request.db)
        let commissioner = try await file.trajectory.$commissioner.get(on: request.db)
        var job: ReportFacts.Job?
        if let placement = file.activePlacement ?? file.placements.first, let start = CalendarDate(placement.startOn),
           let workplace = try await Workplace.query(on: request.db).filter(\.$id == placement.$workplace.id)
               .filter(\.$organisationID == file.client.organisationID).first() {
            let employer = try await workplace.$employer.get(on: request.db)
            job = ReportFacts.Job(employer: employer.name, position: workplace.title, startOn: start,
                                  hoursPerWeek: placement.hoursPerWeek, contract: ContractKind(rawValue: placement.contract) ?? .permanent)
        }
        return ReportFacts(
            clientName: file.client.name, dateOfBirth: file.client.dateOfBirth.flatMap(CalendarDate.init),
            agency: organisation?.name ?? "", coach: coach?.displayName ?? "", commissioner: commissioner?.name ?? "",
            startedOn: CalendarDate(file.trajectory.startedAt, in: timeZone), phase: file.trajectory.phase,
            question: file.intake?.question ?? "", agreedTrajectory: file.intake?.agreedTrajectory ?? "",
            goals: coaching.goals.compactMap { goal in
                CalendarDate(goal.dueOn).map {
                    ReportFacts.Goal(what: goal.what, target: goal.target, unit: goal.unit, dueOn: $0, reachedOn: goal.reachedOn.flatMap(CalendarDate.init))
                }
            },
            contacts: coaching.support.compactMap { entry in
                guard let day = CalendarDate(entry.heldOn), let party = SupportParty(rawValue: entry.withWhom) else { return nil }
                return ReportFacts.Contact(on: day, minutes: entry.minutes, party: party)
            },
            fading: coaching.fadingComparison, takeoverOn: coaching.fading.flatMap { CalendarDate($0.takeoverOn) },
            employerColleague: coaching.plan?.employerColleague ?? "", job: job,
            evaluationsHeld: coaching.evaluations.compactMap { CalendarDate($0.heldOn) },
            closedOn: coaching.closing.flatMap { CalendarDate($0.closedOn) },
            outcome: coaching.closing.flatMap { ClosingOutcome(rawValue: $0.outcome) },
            closingSummary: coaching.closing?.summary ?? "", aftercareOffer: coaching.closing?.aftercareOffer ?? "",
            checks: coaching.followUps.compactMap { check in
                CalendarDate(check.heldOn).map {
                    ReportFacts.Check(monthsAfter: check.monthsAfter, heldOn: $0, stillEmployed: check.stillEmployed, hoursPerWeek: check.hoursPerWeek)
                }
            })
    }
}
