import Fluent
import Foundation
import JobcoachCore

/// Who may see which register record: the one place for record-level decisions (the role-level ones
/// are `Role.permissions`). A coach sees their own; an assessor what is assigned to them; the
/// register officer everything in the register.
enum RecordAccess {
    /// An application (and its portfolio snapshot and evidence).
    static func canView(_ user: User, application: CertificationApplication, on database: any Database) async throws -> Bool {
        if user.role.may(.manageRegister) { return true }
        if user.role.may(.applyForCertification), application.$applicant.id == user.id { return true }
        if user.role.may(.assessApplications), let userID = user.id, let applicationID = application.id {
            return try await AssessorAssignment.query(on: database)
                .filter(\.$application.$id == applicationID).filter(\.$assessor.$id == userID).first() != nil
        }
        return false
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
