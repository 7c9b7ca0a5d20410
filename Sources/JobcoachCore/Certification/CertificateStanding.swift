/// What the register has decided about a certificate. Expiry is not a decision: it follows from the
/// dates (see `CertificateStatus`).
public enum CertificateStanding: String, CaseIterable, Codable, Sendable {
    case active
    /// Set aside while a complaint is handled; can become active again.
    case suspended
    /// Withdrawn for good, for example after an upheld complaint.
    case revoked

    /// Which decisions the register may take next: a suspension can be lifted or turned into a
    /// revocation; a revocation is final.
    public func canBecome(_ next: CertificateStanding) -> Bool {
        switch (self, next) {
        case (.active, .suspended), (.active, .revoked), (.suspended, .active), (.suspended, .revoked): true
        default: false
        }
    }
}
