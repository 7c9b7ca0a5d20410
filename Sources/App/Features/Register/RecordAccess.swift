import Fluent
import Foundation
import JobcoachCore

/// Who may see which register record: the one place for record-level decisions (the role-level ones
/// are `Role.permissions`). A coach sees their own; an assessor what is assigned to them; the
/// register officer everything in the register.
enum RecordAccess {
    /// The coach's own application.
    static func isApplicant(_ user: User, of application: CertificationApplication) -> Bool {
        application.$applicant.id == user.id
    }

    /// A certificate's signed credential: its holder, or the register officer.
    static func canDownload(_ user: User, certificate: Certificate) -> Bool {
        certificate.$holder.id == user.id || user.role.may(.manageRegister)
    }

    /// An evidence file of a portfolio: its owner, the officer, or an assessor of one of the owner's
    /// applications.
    static func canDownload(_ user: User, evidence: EvidenceFile, on database: any Database) async throws -> Bool {
        if user.role.may(.manageRegister) { return true }
        guard let portfolio = try await CoachPortfolio.find(evidence.$portfolio.id, on: database) else { return false }
        let ownerID = portfolio.$user.id
        if ownerID == user.id { return true }
        guard user.role.may(.assessApplications), let userID = user.id else { return false }
        let applicationIDs = try await CertificationApplication.query(on: database).filter(\.$applicant.$id == ownerID).all().compactMap(\.id)
        guard !applicationIDs.isEmpty else { return false }
        return try await AssessorAssignment.query(on: database)
            .filter(\.$application.$id ~~ applicationIDs).filter(\.$assessor.$id == userID).first() != nil
    }
}
