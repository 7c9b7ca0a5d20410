import Foundation

/// When a valid certificate counts as expiring soon: within half a year of its end, so that the
/// holder has time to apply for recertification and the register office sees it coming.
public enum CertificateExpiry {
    /// The window before the end of validity, in days.
    public static let soonWindowDays = 183

    /// The latest end of validity that counts as expiring soon at `now`.
    public static func expiringSoonCutoff(now: Date) -> Date {
        now.addingTimeInterval(TimeInterval(soonWindowDays) * 86_400)
    }

    /// Whether a certificate valid until `validUntil` ends within the window, its last moment
    /// included. Only the dates: whether the certificate is valid at all is `CertificateStatus`.
    public static func expiresSoon(validUntil: Date, now: Date) -> Bool {
        validUntil <= expiringSoonCutoff(now: now)
    }
}
