import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Records a client's consent choice for one kind of report, from the coach's page or the client's
/// own page, in one transaction with its audit entry.
enum ReportConsentRecorder {
    static func record(_ request: Request, organisationID: UUID, trajectoryID: UUID, client: Client, kind: ReportKind, given: Bool,
                       by userID: UUID, auditActor: String, byClient: Bool) async throws {
        let now = request.clock.now()
        try await request.change { db in
            let consent = try await ReportConsent.query(on: db).filter(\.$organisationID == organisationID)
                .filter(\.$trajectory.$id == trajectoryID).filter(\.$reportKind == kind.rawValue).first() ?? ReportConsent()
            consent.organisationID = organisationID
            consent.$trajectory.id = trajectoryID
            consent.reportKind = kind.rawValue
            consent.given = given
            consent.recordedAt = now
            consent.recordedBy = userID
            consent.byClient = byClient
            try await consent.save(on: db)
            try await AuditTrail(clock: request.clock).record(
                on: db, chain: .organisation(organisationID), actor: auditActor, action: given ? "consent.given" : "consent.refused", subject: client.auditName,
                details: ["organisation": organisationID.uuidString, "trajectory": trajectoryID.uuidString, "kind": kind.rawValue,
                          "byClient": String(byClient)])
        }
    }
}
