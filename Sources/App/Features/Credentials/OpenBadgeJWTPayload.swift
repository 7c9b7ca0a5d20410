import Foundation
import JobcoachCore
import JWTKit

/// The VC-JWT form of an Open Badges 3.0 credential: the credential's own members at the top level
/// of the payload, with the registered claims `iss`, `jti`, `sub`, `nbf` and `exp` mapped from
/// issuer, id, subject, validFrom and validUntil.
struct OpenBadgeJWTPayload: JWTPayload {
    var credential: OpenBadgeCredential
    var iss: IssuerClaim
    var jti: IDClaim
    var sub: SubjectClaim
    var nbf: NotBeforeClaim
    var exp: ExpirationClaim

    init(credential: OpenBadgeCredential, validFrom: Date, validUntil: Date) {
        self.credential = credential
        iss = IssuerClaim(value: credential.issuer.id)
        jti = IDClaim(value: credential.id)
        sub = SubjectClaim(value: credential.credentialSubject.id)
        nbf = NotBeforeClaim(value: validFrom)
        exp = ExpirationClaim(value: validUntil)
    }

    private enum ClaimKeys: String, CodingKey { case iss, jti, sub, nbf, exp }

    init(from decoder: any Decoder) throws {
        credential = try OpenBadgeCredential(from: decoder)
        let claims = try decoder.container(keyedBy: ClaimKeys.self)
        iss = try claims.decode(IssuerClaim.self, forKey: .iss)
        jti = try claims.decode(IDClaim.self, forKey: .jti)
        sub = try claims.decode(SubjectClaim.self, forKey: .sub)
        nbf = try claims.decode(NotBeforeClaim.self, forKey: .nbf)
        exp = try claims.decode(ExpirationClaim.self, forKey: .exp)
    }

    func encode(to encoder: any Encoder) throws {
        try credential.encode(to: encoder)
        var claims = encoder.container(keyedBy: ClaimKeys.self)
        try claims.encode(iss, forKey: .iss)
        try claims.encode(jti, forKey: .jti)
        try claims.encode(sub, forKey: .sub)
        try claims.encode(nbf, forKey: .nbf)
        try claims.encode(exp, forKey: .exp)
    }

    /// Only the signature is checked here; validity dates and revocation are judged by the caller,
    /// which can then say which of them failed.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
