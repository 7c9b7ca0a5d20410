import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The register's records by the id in the path, each within the user's reach (`RecordAccess`) or 404.

/// The applicant's own application.
enum OwnApplicationScope: RequestScope {
    static func resolve(_ request: Request) async throws -> CertificationApplication {
        let user = try request.auth.require(User.self)
        guard let id = request.parameters.get("application", as: UUID.self),
              let application = try await CertificationApplication.find(id, on: request.db),
              RecordAccess.isApplicant(user, of: application) else { throw Abort(.notFound) }
        return application
    }
}

/// An application, for the register office (the route group requires `manageRegister`).
enum OfficeApplicationScope: RequestScope {
    static func resolve(_ request: Request) async throws -> CertificationApplication {
        guard let id = request.parameters.get("application", as: UUID.self),
              let application = try await CertificationApplication.query(on: request.db).filter(\.$id == id).with(\.$applicant).first()
        else { throw Abort(.notFound) }
        return application
    }
}

/// The assessor's own assignment, with its application, applicant and scores.
enum AssignmentScope: RequestScope {
    static func resolve(_ request: Request) async throws -> AssessorAssignment {
        let user = try request.auth.require(User.self)
        guard let id = request.parameters.get("assignment", as: UUID.self),
              let assignment = try await AssessorAssignment.query(on: request.db).filter(\.$id == id)
                .filter(\.$assessor.$id == user.requireID())
                .with(\.$application, { $0.with(\.$applicant) }).with(\.$scores).with(\.$indicatorScores).first()
        else { throw Abort(.notFound) }
        return assignment
    }
}

/// A complaint, for the register office, with its certificate.
enum ComplaintScope: RequestScope {
    static func resolve(_ request: Request) async throws -> Complaint {
        guard let id = request.parameters.get("complaint", as: UUID.self),
              let complaint = try await Complaint.query(on: request.db).filter(\.$id == id).with(\.$certificate).first()
        else { throw Abort(.notFound) }
        return complaint
    }
}

/// An evidence file: its owner, the officer, or an assessor of one of the owner's applications.
enum EvidenceScope: RequestScope {
    static func resolve(_ request: Request) async throws -> EvidenceFile {
        let user = try request.auth.require(User.self)
        guard let id = request.parameters.get("evidence", as: UUID.self), let file = try await EvidenceFile.find(id, on: request.db),
              try await RecordAccess.canDownload(user, evidence: file, on: request.db) else { throw Abort(.notFound) }
        return file
    }
}

/// A certificate's credential: its holder or the register officer.
enum CertificateScope: RequestScope {
    static func resolve(_ request: Request) async throws -> Certificate {
        let user = try request.auth.require(User.self)
        guard let id = request.parameters.get("certificate", as: UUID.self), let certificate = try await Certificate.find(id, on: request.db),
              RecordAccess.canDownload(user, certificate: certificate) else { throw Abort(.notFound) }
        return certificate
    }
}
