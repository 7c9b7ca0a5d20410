import Fluent
import Foundation
import JobcoachCore
import JWTKit
import Vapor

/// Issues register certificates as signed Open Badges credentials and answers whether a credential
/// is authentic and still good. The issuer's keys are loaded on first use (and made at first start).
actor CredentialService {
    private let makeIssuer: @Sendable () async throws -> any CredentialIssuer
    private var loaded: (any CredentialIssuer)?

    init(makeIssuer: @escaping @Sendable () async throws -> any CredentialIssuer) {
        self.makeIssuer = makeIssuer
    }

    func issuer() async throws -> any CredentialIssuer {
        if let loaded { return loaded }
        let issuer = try await makeIssuer()
        loaded = issuer
        return issuer
    }

    /// Forgets the loaded keys, so the next use reads them again (after a rotation).
    func reload() {
        loaded = nil
    }

    /// Signs the credential for a certificate; returns the VC-JWT and the kid that signed it.
    func sign(facts: CertificateFacts, framework: FrameworkVersion, standard: ProfessionalStandard) async throws -> (jwt: String, kid: String) {
        let occupation = framework.occupations.first.flatMap { standard.occupations.occupation(uri: $0) }
        let credential = OpenBadgeCredential(facts: facts, framework: framework, occupation: occupation, levels: standard.levels)
        let issuer = try await issuer()
        let jwt = try await issuer.sign(OpenBadgeJWTPayload(credential: credential, validFrom: facts.validFrom, validUntil: facts.validUntil))
        return (jwt, issuer.currentKeyID)
    }

    /// Checks the signature, then the register's record and the validity dates.
    func verify(_ token: String, on database: any Database, at moment: Date) async throws -> CredentialVerification {
        let trimmed = token.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.split(separator: ".", omittingEmptySubsequences: false).count == 3 else {
            return CredentialVerification(result: "not-authentic", reason: "This is not a credential in VC-JWT form (three parts separated by dots).")
        }
        let payload: OpenBadgeJWTPayload
        do {
            payload = try await issuer().verifiedPayload(trimmed)
        } catch let error as JWTError where error.errorType == .unknownKID || error.errorType == .missingKIDHeader {
            return CredentialVerification(result: "not-authentic", reason: "The credential was not signed with a key of this register.")
        } catch {
            return CredentialVerification(result: "not-authentic",
                                          reason: "The signature does not match: the credential was changed, or it was not issued by this register.")
        }
        let credential = payload.credential
        let idText = credential.id.replacingOccurrences(of: "urn:uuid:", with: "")
        guard let id = UUID(uuidString: idText), let certificate = try await Certificate.find(id, on: database) else {
            return CredentialVerification(result: "not-authentic", reason: "The register has no certificate with this credential's id.",
                                          credentialId: credential.id)
        }
        let status = CertificateStatus.at(moment, standing: certificate.standing, validFrom: payload.nbf.value, validUntil: payload.exp.value)
        let reason: String
        switch status {
        case .valid: reason = "The credential is authentic and valid until \(credential.validUntil)."
        case .notYetValid: reason = "The credential is authentic but valid only from \(credential.validFrom)."
        case .expired: reason = "The credential is authentic but expired on \(credential.validUntil)."
        case .suspended: reason = "The register has suspended this certificate" + (certificate.standingReason.map { ": \($0)" } ?? ".")
        case .revoked: reason = "The register has revoked this certificate" + (certificate.standingReason.map { ": \($0)" } ?? ".")
        }
        return CredentialVerification(result: status.rawValue, reason: reason, credentialId: credential.id,
                                      registrationNumber: certificate.registrationNumber,
                                      holder: credential.credentialSubject.name,
                                      framework: "\(certificate.frameworkID) \(certificate.frameworkVersion)",
                                      validFrom: credential.validFrom, validUntil: credential.validUntil)
    }
}

extension Application {
    private struct CredentialServiceKey: StorageKey { typealias Value = CredentialService }

    var credentials: CredentialService {
        get {
            guard let value = storage[CredentialServiceKey.self] else { fatalError("configure(_:) has not set up credentials") }
            return value
        }
        set { storage[CredentialServiceKey.self] = newValue }
    }
}
