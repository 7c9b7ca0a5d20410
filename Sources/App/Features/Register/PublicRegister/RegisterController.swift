import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The public side of the register: find a certified coach, verify a credential, and the keys and
/// statuses a verifier needs. Only public fields leave this controller.
enum RegisterController {
    /// What the public register shows of a certificate.
    struct Entry: Content {
        var registrationNumber: String
        var name: String
        var place: String
        var framework: String
        var frameworkVersion: String
        var validFrom: String
        var validUntil: String
        var status: String
    }

    struct SearchBody: Content {
        var query: String
        var count: Int
        var results: [Entry]
    }

    static func entry(_ certificate: Certificate, at moment: Date) -> Entry {
        Entry(registrationNumber: certificate.registrationNumber, name: certificate.holderName, place: certificate.place,
              framework: certificate.frameworkID, frameworkVersion: certificate.frameworkVersion,
              validFrom: OpenBadgeCredential.timestamp(certificate.validFrom), validUntil: OpenBadgeCredential.timestamp(certificate.validUntil),
              status: certificate.status(at: moment).rawValue)
    }

    static func search(_ text: String, limit: Int, on database: any Database, at moment: Date) async throws -> [Certificate] {
        try await RegisterSearch.search(text, limit: limit, on: database, at: moment)
    }

    static func api(_ request: Request) async throws -> Response {
        let text = try FrameworkLookup.required(request, "q").trimmingCharacters(in: .whitespaces)
        guard text.count >= 2, text.count <= 100 else { throw APIProblem.badParameter("q", "'q' must be 2 to 100 characters") }
        let limit = try APIController.limitParameter(request)
        let now = request.clock.now()
        let results = try await search(text, limit: limit, on: request.db, at: now).map { entry($0, at: now) }
        return try await APIController.json(SearchBody(query: text, count: results.count, results: results), request)
    }

    static func page(_ request: Request) async throws -> Response {
        let text = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let now = request.clock.now()
        let results = text.count >= 2 ? try await search(String(text.prefix(100)), limit: 50, on: request.db, at: now) : []
        return try await request.page(.register, RegisterPageContext(request: request, query: text, results: results.map { entry($0, at: now) }))
    }

    // MARK: Verification

    struct VerifyBody: Content {
        var credential: String?
    }

    static func verifyAPI(_ request: Request) async throws -> Response {
        let body = try request.content.decode(VerifyBody.self)
        guard let token = body.credential, !token.isEmpty else {
            throw APIProblem(status: .unprocessableEntity, message: "credential: give the credential (VC-JWT) to verify", parameter: "credential")
        }
        guard token.count <= 100_000 else { throw APIProblem(status: .unprocessableEntity, message: "credential: too long", parameter: "credential") }
        let result = try await request.application.credentials.verify(token, on: request.db, at: request.clock.now())
        return try await APIController.json(result, request)
    }

    static func verifyPage(_ request: Request) async throws -> Response {
        try await request.page(.verify, VerifyPageContext(request: request, credential: "", result: nil, problem: nil))
    }

    static func verify(_ request: Request) async throws -> Response {
        let token = ((try? request.content.get(String.self, at: "credential")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty, token.count <= 100_000 else {
            return try await request.page(.verify, VerifyPageContext(request: request, credential: "", result: nil,
                                                                      problem: request.t("verifyMissing")), status: .unprocessableEntity)
        }
        let result = try await request.application.credentials.verify(token, on: request.db, at: request.clock.now())
        return try await request.page(.verify, VerifyPageContext(request: request, credential: token, result: result, problem: nil))
    }

    /// The register's revocation list (1EdTech Revocation List Status Method): the `credentialStatus.id`
    /// of every credential issued now. It names revoked and suspended credentials only.
    static func revocations(_ request: Request) async throws -> Response {
        let rows = try await Certificate.query(on: request.db).filter(\.$standingName != CertificateStanding.active.rawValue).all()
        let issuer = request.application.configuration.publicURL
        let list = RevocationList(id: RevocationList.url(issuer: issuer), issuer: issuer,
                                  credentials: rows.map { (id: "urn:uuid:\($0.id!.uuidString.lowercased())", standing: $0.standing) })
        return try await APIController.json(list, request)
    }

    /// The list at the `credentialStatus.id` of credentials issued before the register kept one list:
    /// the same shape, for that one credential.
    static func status(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("credential", as: UUID.self), let certificate = try await Certificate.find(id, on: request.db) else {
            throw APIProblem.notFound("there is no credential with this id")
        }
        let issuer = request.application.configuration.publicURL
        let list = RevocationList(id: issuer + SiteURL.api(.credentialStatus(.value(id))).path, issuer: issuer,
                                  credentials: [(id: "urn:uuid:\(id.uuidString.lowercased())", standing: certificate.standing)])
        return try await APIController.json(list, request)
    }

    static func jwks(_ request: Request) async throws -> Response {
        let data = try await request.application.credentials.issuer().jwks()
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "jwk-set+json")
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }

    // MARK: The holder's certificates

    static func mine(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let certificates = try await Certificate.query(on: request.db).filter(\.$holder.$id == user.requireID())
            .with(\.$signed).sort(\.$validUntil, .descending).all()
        let cpd = try await CPDController.summary(for: user, certificates: certificates, request: request)
        let complaints = try await HolderComplaintController.complaints(about: certificates, on: request.db)
        return try await request.page(.certificates, CertificatesContext(request: request, certificates: certificates, cpd: cpd,
                                                                         complaints: complaints))
    }

    static func credential(_ request: Request) async throws -> Response {
        let certificate = try request.scope(CertificateScope.self)
        let response = Response(status: .ok, body: .init(string: try await certificate.credential(on: request.db)))
        response.headers.replaceOrAdd(name: .contentType, value: "application/vc+jwt")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(certificate.registrationNumber).jwt\"")
        return response
    }
}
