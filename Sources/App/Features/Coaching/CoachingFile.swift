import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The records of a trajectory from the coaching plan on (tasks 5 to 7), loaded together: one query
/// per table, each filtered by agency and trajectory.
struct CoachingFile: Sendable {
    let plan: CoachingPlan?
    let goals: [CoachingGoal]
    let support: [SupportEntry]
    let evaluations: [Evaluation]
    let fading: FadingPlanRow?
    let milestones: [Milestone]
    let closing: Closing?
    let followUps: [FollowUpCheck]
    let appointments: [Appointment]
    let consents: [ReportConsent]
    let sendings: [ReportSending]

    static func load(_ file: ClientFile, on database: any Database) async throws -> CoachingFile {
        let organisationID = file.client.organisationID
        let trajectoryID = file.trajectoryID
        func rows<M: Model>(_ type: M.Type, _ organisation: KeyPath<M, FieldProperty<M, UUID>>,
                            _ trajectory: KeyPath<M, ParentProperty<M, Trajectory>>) -> QueryBuilder<M> {
            M.query(on: database).filter(organisation == organisationID).filter(trajectory.appending(path: \.$id) == trajectoryID)
        }
        return CoachingFile(
            plan: try await rows(CoachingPlan.self, \.$organisationID, \.$trajectory).first(),
            goals: try await rows(CoachingGoal.self, \.$organisationID, \.$trajectory).sort(\.$dueOn).sort(\.$createdAt).all(),
            support: try await rows(SupportEntry.self, \.$organisationID, \.$trajectory).sort(\.$heldOn, .descending).sort(\.$createdAt, .descending).all(),
            evaluations: try await rows(Evaluation.self, \.$organisationID, \.$trajectory).sort(\.$heldOn, .descending).all(),
            fading: try await rows(FadingPlanRow.self, \.$organisationID, \.$trajectory).first(),
            milestones: try await rows(Milestone.self, \.$organisationID, \.$trajectory).sort(\.$reachedOn, .descending).all(),
            closing: try await rows(Closing.self, \.$organisationID, \.$trajectory).first(),
            followUps: try await rows(FollowUpCheck.self, \.$organisationID, \.$trajectory).sort(\.$monthsAfter).all(),
            appointments: try await rows(Appointment.self, \.$organisationID, \.$trajectory).sort(\.$startsAt).all(),
            consents: try await rows(ReportConsent.self, \.$organisationID, \.$trajectory).all(),
            sendings: try await rows(ReportSending.self, \.$organisationID, \.$trajectory).sort(\.$sentAt, .descending).all())
    }

    func consent(_ kind: ReportKind) -> ReportConsent? { consents.first { $0.reportKind == kind.rawValue } }

    /// Support minutes by day, for the fading comparison.
    var givenMinutes: [(on: CalendarDate, minutes: Int)] {
        support.compactMap { entry in CalendarDate(entry.heldOn).map { ($0, entry.minutes) } }
    }

    var fadingComparison: FadingComparison? { fading?.core?.compare(given: givenMinutes) }
}
