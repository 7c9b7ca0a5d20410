import Fluent
import Foundation

/// One word under which a certificate can be found in the public register (a word of the name or
/// place, the registration number or a part of it), lowercase and without accents. A narrow,
/// indexed table: searching it by prefix stays fast with hundreds of thousands of certificates.
final class RegisterSearchTerm: Model, @unchecked Sendable {
    static let schema = "register_search_terms"

    @ID(key: .id) var id: UUID?
    @Parent(key: "certificate_id") var certificate: Certificate
    @Field(key: "term") var term: String

    init() {}

    init(certificateID: UUID, term: String) {
        self.$certificate.id = certificateID
        self.term = term
    }
}
