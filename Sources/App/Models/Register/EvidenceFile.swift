import Fluent
import Foundation

/// An uploaded evidence file (a diploma scan, a certificate of a course). The bytes are on disk under
/// the data directory, named by their SHA-256; the row keeps the name, type and size.
final class EvidenceFile: Model, @unchecked Sendable {
    static let schema = "evidence_files"

    @ID(key: .id) var id: UUID?
    @Parent(key: "portfolio_id") var portfolio: CoachPortfolio
    @Field(key: "sha256") var sha256: String
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Timestamp(key: "uploaded_at", on: .create) var uploadedAt: Date?

    init() {}
}
