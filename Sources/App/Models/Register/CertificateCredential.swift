import Fluent
import Foundation

/// The signed credential (VC-JWT) of a certificate, kept apart from the certificate's row: it is a few
/// kilobytes, read only to hand over or re-verify, and would otherwise make every register search
/// read it.
final class CertificateCredential: Model, @unchecked Sendable {
    static let schema = "certificate_credentials"

    @ID(key: .id) var id: UUID?
    @Parent(key: "certificate_id") var certificate: Certificate
    @Field(key: "credential") var credential: String

    init() {}

    init(certificateID: UUID, credential: String) {
        self.$certificate.id = certificateID
        self.credential = credential
    }
}
