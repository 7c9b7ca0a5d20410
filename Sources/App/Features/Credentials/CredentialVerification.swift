import Foundation
import JobcoachCore

/// The answer to "is this credential real and still good?", with the reason in words.
struct CredentialVerification: Encodable, Sendable {
    /// `valid`, `expired`, `revoked`, `suspended`, `not-yet-valid` or `not-authentic`.
    var result: String
    var reason: String
    var credentialId: String?
    var registrationNumber: String?
    var holder: String?
    var framework: String?
    var validFrom: String?
    var validUntil: String?
}
