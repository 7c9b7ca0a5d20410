import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The register office's list of certificates, optionally only those expiring soon.
enum OfficeCertificatesController {
    static func page(_ request: Request) async throws -> Response {
        let expiring = (try? request.query.get(String.self, at: "expiring")) == "1"
        let now = request.clock.now()
        var query = Certificate.query(on: request.db).sort(\.$validUntil)
        if expiring {
            query = query.filter(\.$standingName == CertificateStanding.active.rawValue).filter(\.$validUntil > now)
                .filter(\.$validUntil <= CertificateExpiry.expiringSoonCutoff(now: now))
        }
        let certificates = try await query.limit(1_000).all()
        return try await request.page(.officeCertificates, OfficeCertificatesContext(request: request, certificates: certificates, expiring: expiring))
    }
}
