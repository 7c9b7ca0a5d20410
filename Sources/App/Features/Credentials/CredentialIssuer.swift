import Foundation
import JobcoachCore
import JWTKit

/// Signs credentials and checks their signatures. A protocol so the register can be tested or run
/// with another key store; `RSACredentialIssuer` is the real one.
protocol CredentialIssuer: Sendable {
    /// The kid of the key that signs new credentials.
    var currentKeyID: String { get }
    func sign(_ payload: OpenBadgeJWTPayload) async throws -> String
    /// The payload of a token whose signature is good; throws when it is not authentic.
    func verifiedPayload(_ token: String) async throws -> OpenBadgeJWTPayload
    /// The public keys as a JSON Web Key Set.
    func jwks() throws -> Data
    /// An audit chain's head, signed with the same key (`AuditCheckpointPayload`).
    func signCheckpoint(_ checkpoint: AuditCheckpoint) async throws -> String
    /// The checkpoint of a token whose signature is good; throws when it is not authentic.
    func verifiedCheckpoint(_ token: String) async throws -> AuditCheckpoint
}

/// A checkpoint as a JWT payload: the head of one chain and when it was taken.
struct AuditCheckpointPayload: JWTPayload {
    var checkpoint: AuditCheckpoint

    init(checkpoint: AuditCheckpoint) {
        self.checkpoint = checkpoint
    }

    init(from decoder: any Decoder) throws {
        checkpoint = try AuditCheckpoint(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        try checkpoint.encode(to: encoder)
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// RS256 with the keys of an `IssuerKeyStore`.
struct RSACredentialIssuer: CredentialIssuer {
    let keys: JWTKeyCollection
    let publicKeys: [(kid: String, key: JWTKit.Insecure.RSA.PublicKey)]
    let currentKeyID: String

    static func load(from store: IssuerKeyStore, now: Date) async throws -> RSACredentialIssuer {
        let (loaded, current) = try store.load(now: now)
        let collection = JWTKeyCollection()
        for key in loaded {
            await collection.add(rsa: key.privateKey, digestAlgorithm: .sha256, kid: JWKIdentifier(string: key.kid))
        }
        return RSACredentialIssuer(keys: collection, publicKeys: loaded.map { ($0.kid, $0.privateKey.publicKey) },
                                   currentKeyID: current)
    }

    func sign(_ payload: OpenBadgeJWTPayload) async throws -> String {
        var header = JWTHeader()
        header.typ = "JWT"
        return try await keys.sign(payload, kid: JWKIdentifier(string: currentKeyID), header: header)
    }

    func signCheckpoint(_ checkpoint: AuditCheckpoint) async throws -> String {
        var header = JWTHeader()
        header.typ = "JWT"
        return try await keys.sign(AuditCheckpointPayload(checkpoint: checkpoint), kid: JWKIdentifier(string: currentKeyID), header: header)
    }

    func verifiedCheckpoint(_ token: String) async throws -> AuditCheckpoint {
        try await keys.verify(token.trimmingCharacters(in: .whitespacesAndNewlines), as: AuditCheckpointPayload.self).checkpoint
    }

    func verifiedPayload(_ token: String) async throws -> OpenBadgeJWTPayload {
        try await keys.verify(token.trimmingCharacters(in: .whitespacesAndNewlines), as: OpenBadgeJWTPayload.self)
    }

    func jwks() throws -> Data {
        let entries = try publicKeys.map { entry -> [String: String] in
            let primitives = try entry.key.getKeyPrimitives()
            return ["kty": "RSA", "use": "sig", "alg": "RS256", "kid": entry.kid,
                    "n": primitives.modulus.base64URLEncoded(), "e": primitives.publicExponent.base64URLEncoded()]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(["keys": entries])
    }
}

extension Data {
    func base64URLEncoded() -> String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
