/// The register's credentials that no longer stand, in the shape of the 1EdTech Revocation List
/// Status Method (a credential's `credentialStatus` of type `1EdTechRevocationList` points here): the
/// list's id, its issuer, and the revoked credentials with a reason. A suspended credential is on
/// the list while the suspension lasts and leaves it when the suspension is lifted; a revoked one
/// stays. Reasons are the register's words, never the complaint's.
public struct RevocationList: Codable, Hashable, Sendable {
    public struct RevokedCredential: Codable, Hashable, Sendable {
        public var id: String
        public var revocationReason: String?
    }

    public var id: String
    public var issuer: String
    public var revokedCredentials: [RevokedCredential]

    /// The list at `id` for `credentials` (the credential id, a `urn:uuid:`, and its standing).
    public init(id: String, issuer: String, credentials: [(id: String, standing: CertificateStanding)]) {
        self.id = id
        self.issuer = issuer
        revokedCredentials = credentials.compactMap { credential in
            Self.reason(credential.standing).map { RevokedCredential(id: credential.id, revocationReason: $0) }
        }.sorted { $0.id < $1.id }
    }

    static func reason(_ standing: CertificateStanding) -> String? {
        switch standing {
        case .active: nil
        case .suspended: "Suspended by the register while a complaint is handled."
        case .revoked: "Revoked by the register."
        }
    }

    /// Where the register's list is served, under the issuer's address.
    public static func url(issuer: String) -> String {
        "\(issuer)/api/v1/credentials/revocations"
    }
}
