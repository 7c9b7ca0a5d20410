import Foundation

/// The status of a certificate at a moment: the register's decision and the validity dates together.
public enum CertificateStatus: String, CaseIterable, Codable, Sendable {
    case valid
    case notYetValid = "not-yet-valid"
    case expired
    case suspended
    case revoked

    /// Revocation and suspension weigh more than the dates: a revoked certificate says so even after
    /// it would have expired.
    public static func at(_ moment: Date, standing: CertificateStanding, validFrom: Date, validUntil: Date) -> CertificateStatus {
        switch standing {
        case .revoked: return .revoked
        case .suspended: return .suspended
        case .active:
            if moment < validFrom { return .notYetValid }
            if moment >= validUntil { return .expired }
            return .valid
        }
    }

    public var title: LocalizedText {
        switch self {
        case .valid: LocalizedText(nl: "geldig", en: "valid")
        case .notYetValid: LocalizedText(nl: "nog niet geldig", en: "not yet valid")
        case .expired: LocalizedText(nl: "verlopen", en: "expired")
        case .suspended: LocalizedText(nl: "geschorst", en: "suspended")
        case .revoked: LocalizedText(nl: "ingetrokken", en: "revoked")
        }
    }
}
