/// What the register has decided about a certificate. Expiry is not a decision: it follows from the
/// dates (see `CertificateStatus`).
public enum CertificateStanding: String, CaseIterable, Codable, Sendable {
    case active
    /// Set aside while a complaint is handled; can become active again.
    case suspended
    /// Withdrawn for good, for example after an upheld complaint.
    case revoked
}
