import Fluent
import Foundation

/// The evidence files of a coach's portfolio.
enum EvidenceFiles {
    static func of(userID: UUID, on database: any Database) async throws -> [EvidenceFile] {
        guard let portfolio = try await CoachPortfolio.query(on: database).filter(\.$user.$id == userID).first() else { return [] }
        return try await EvidenceFile.query(on: database).filter(\.$portfolio.$id == portfolio.requireID()).sort(\.$filename).all()
    }
}
