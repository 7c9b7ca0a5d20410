import Fluent
import Foundation
import JobcoachCore
import Vapor

/// A trainer and the training provider they work for.
struct TrainerActor: Sendable {
    let user: User
    let userID: UUID
    let provider: Organisation
    let providerID: UUID
}

/// The signed-in trainer with their provider; 403 without a provider membership.
enum TrainerScope: RequestScope {
    static func resolve(_ request: Request) async throws -> TrainerActor {
        let user = try request.auth.require(User.self)
        guard user.role.may(.teachCohorts) else { throw Abort(.forbidden) }
        let userID = try user.requireID()
        for membership in try await Membership.query(on: request.db).filter(\.$user.$id == userID).all() {
            if let provider = try await Organisation.find(membership.organisationID, on: request.db), provider.kind == .trainingProvider {
                return TrainerActor(user: user, userID: userID, provider: provider, providerID: try provider.requireID())
            }
        }
        throw Abort(.forbidden, reason: request.t("trainingNoProvider"))
    }
}

/// A cohort in the path, of which the signed-in user is a trainer; 404 for any other.
struct CohortAccess: Sendable {
    let trainer: TrainerActor
    let cohort: Cohort
    let cohortID: UUID
    let programme: TrainingProgramme
}

enum CohortScope: RequestScope {
    static func resolve(_ request: Request) async throws -> CohortAccess {
        let trainer = try await TrainerScope.resolve(request)
        guard let id = request.parameters.get("cohort", as: UUID.self),
              let cohort = try await Cohort.query(on: request.db).filter(\.$id == id).filter(\.$organisationID == trainer.providerID).first(),
              try await CohortTrainer.query(on: request.db).filter(\.$cohortID == id).filter(\.$userID == trainer.userID).first() != nil,
              let programme = request.standard.programmes.programme(cohort.programme)
        else {
            try await refused(request, trainer: trainer)
            throw Abort(.notFound)
        }
        return CohortAccess(trainer: trainer, cohort: cohort, cohortID: id, programme: programme)
    }

    /// A refused attempt at a cohort is in the audit trail: trainee records are personal data.
    static func refused(_ request: Request, trainer: TrainerActor) async throws {
        let path = request.url.path
        _ = try await request.change { db in
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(trainer.providerID), actor: trainer.user.auditName, action: "training.refused",
                                                              subject: trainer.user.auditName, details: ["path": path])
        }
    }
}

extension Request {
    var trainer: TrainerActor {
        get throws { try scope(TrainerScope.self) }
    }

    var cohortAccess: CohortAccess {
        get throws { try scope(CohortScope.self) }
    }
}
