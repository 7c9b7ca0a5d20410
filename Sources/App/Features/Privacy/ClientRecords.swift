import Fluent
import Foundation
import Vapor

/// Everything stored about one client, over all their trajectories: what a GDPR export (articles 15
/// and 20) hands over and what a purge removes. Every table with client data is listed here, so the
/// export and the purge cannot drift apart.
struct ClientRecords: Encodable, Sendable {
    struct TrajectoryRecords: Encodable, Sendable {
        var trajectory: Trajectory
        var moves: [TrajectoryMoveRow]
        var checklist: [ChecklistTick]
        var intake: [Intake]
        var employeeProfile: [EmployeeProfile]
        var matchDecisions: [MatchDecision]
        var placements: [Placement]
        var coachingPlan: [CoachingPlan]
        var goals: [CoachingGoal]
        var support: [SupportEntry]
        var evaluations: [Evaluation]
        var fadingPlan: [FadingPlanRow]
        var milestones: [Milestone]
        var closing: [Closing]
        var followUps: [FollowUpCheck]
        var appointments: [Appointment]
        var reportConsents: [ReportConsent]
        var reportsSent: [ReportSending]
        var intakeFactors: [IntakeFactorsRow]
        var jobSpells: [JobSpell]
        var satisfaction: [SatisfactionRating]
        var grants: [CoachingGrantRow]
        var careerSteps: [CareerStepRow]
        /// Files in the client's file (the bytes are in the evidence store, by their SHA-256).
        var attachments: [ClientAttachment]
        /// The earlier versions of the records above.
        var changes: [RecordChange]

        /// Every record hanging from the trajectory, children before parents: what the export
        /// lists by id and what a purge deletes, from this one list.
        var records: [any Model & Sendable] {
            let children: [[any Model & Sendable]] = [
                changes, attachments, careerSteps, grants, satisfaction, jobSpells, intakeFactors, reportsSent, reportConsents, appointments, followUps, closing, milestones, fadingPlan, evaluations, support, goals,
                coachingPlan, placements, matchDecisions, employeeProfile, intake, checklist, moves,
            ]
            return children.flatMap { $0 } + [trajectory]
        }

        /// The ids of every record, for checks that nothing is missing or foreign.
        var ids: [UUID] { records.compactMap { Self.id($0) } }

        static func id<M: Model>(_ record: M) -> UUID? { record.id as? UUID }

        /// Deletes the trajectory with everything in `records`, inside the caller's transaction.
        func delete(on database: any Database) async throws {
            for record in records { try await Self.delete(record, on: database) }
        }

        static func delete<M: Model>(_ record: M, on database: any Database) async throws {
            try await record.delete(on: database)
        }
    }

    struct AccessEntry: Encodable, Sendable {
        var at: String
        var by: String
        var action: String
    }

    var exportedAt: Date
    var client: Client
    var accountEmail: String?
    var trajectories: [TrajectoryRecords]
    /// Who read or changed this client's data, and when: the audit trail's entries about them.
    var access: [AccessEntry]
    /// The attachments' bytes, for the JSON export only (`withFiles(from:)`).
    var attachmentFiles: [AttachmentFile] = []

    struct AttachmentFile: Encodable, Sendable {
        var id: UUID
        var fileName: String
        var contentType: String
        var sha256: String
        var contentBase64: String
    }

    /// The records with every attachment's bytes, as the export hands them over.
    func withFiles(from store: any EvidenceStore) throws -> ClientRecords {
        var records = self
        records.attachmentFiles = try trajectories.flatMap(\.attachments).map { attachment in
            AttachmentFile(id: try attachment.requireID(), fileName: attachment.fileName, contentType: attachment.contentType,
                           sha256: attachment.sha256, contentBase64: try store.read(sha256: attachment.sha256).base64EncodedString())
        }
        return records
    }

    static func load(_ client: Client, at now: Date, on database: any Database, withAccess: Bool = true) async throws -> ClientRecords {
        let clientID = try client.requireID()
        let organisationID = client.organisationID
        let trajectories = try await Trajectory.query(on: database).filter(\.$organisationID == organisationID)
            .filter(\.$client.$id == clientID).sort(\.$startedAt).all()
        var records: [TrajectoryRecords] = []
        for trajectory in trajectories {
            let id = try trajectory.requireID()
            func rows<M: Model>(_ type: M.Type, _ organisation: KeyPath<M, FieldProperty<M, UUID>>,
                                _ parent: KeyPath<M, ParentProperty<M, Trajectory>>) async throws -> [M] {
                try await M.query(on: database).filter(organisation == organisationID).filter(parent.appending(path: \.$id) == id).all()
            }
            records.append(TrajectoryRecords(
                trajectory: trajectory,
                moves: try await rows(TrajectoryMoveRow.self, \.$organisationID, \.$trajectory),
                checklist: try await rows(ChecklistTick.self, \.$organisationID, \.$trajectory),
                intake: try await rows(Intake.self, \.$organisationID, \.$trajectory),
                employeeProfile: try await rows(EmployeeProfile.self, \.$organisationID, \.$trajectory),
                matchDecisions: try await rows(MatchDecision.self, \.$organisationID, \.$trajectory),
                placements: try await rows(Placement.self, \.$organisationID, \.$trajectory),
                coachingPlan: try await rows(CoachingPlan.self, \.$organisationID, \.$trajectory),
                goals: try await rows(CoachingGoal.self, \.$organisationID, \.$trajectory),
                support: try await rows(SupportEntry.self, \.$organisationID, \.$trajectory),
                evaluations: try await rows(Evaluation.self, \.$organisationID, \.$trajectory),
                fadingPlan: try await rows(FadingPlanRow.self, \.$organisationID, \.$trajectory),
                milestones: try await rows(Milestone.self, \.$organisationID, \.$trajectory),
                closing: try await rows(Closing.self, \.$organisationID, \.$trajectory),
                followUps: try await rows(FollowUpCheck.self, \.$organisationID, \.$trajectory),
                appointments: try await rows(Appointment.self, \.$organisationID, \.$trajectory),
                reportConsents: try await rows(ReportConsent.self, \.$organisationID, \.$trajectory),
                reportsSent: try await rows(ReportSending.self, \.$organisationID, \.$trajectory),
                intakeFactors: try await rows(IntakeFactorsRow.self, \.$organisationID, \.$trajectory),
                jobSpells: try await rows(JobSpell.self, \.$organisationID, \.$trajectory),
                satisfaction: try await rows(SatisfactionRating.self, \.$organisationID, \.$trajectory),
                grants: try await rows(CoachingGrantRow.self, \.$organisationID, \.$trajectory),
                careerSteps: try await rows(CareerStepRow.self, \.$organisationID, \.$trajectory),
                attachments: try await rows(ClientAttachment.self, \.$organisationID, \.$trajectory),
                changes: try await rows(RecordChange.self, \.$organisationID, \.$trajectory)))
        }
        let account = try await ClientAccount.query(on: database).filter(\.$client.$id == clientID).with(\.$user).first()
        let access = withAccess ? try await AuditEventRow.query(on: database).filter(\.$subject == client.auditName).sort(\.$id).all()
            .map { AccessEntry(at: $0.occurredAt, by: $0.actor, action: $0.action) } : []
        return ClientRecords(exportedAt: now, client: client, accountEmail: account?.user.email, trajectories: records, access: access)
    }

    var ids: [UUID] { [client.id].compactMap { $0 } + trajectories.flatMap(\.ids) }

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
