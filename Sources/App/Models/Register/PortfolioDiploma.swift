import Fluent
import Foundation

/// A job coach diploma.
final class PortfolioDiploma: Model, @unchecked Sendable {
    static let schema = "portfolio_diplomas"

    @ID(key: .id) var id: UUID?
    @Parent(key: "portfolio_id") var portfolio: CoachPortfolio
    @Field(key: "provider") var provider: String
    @Field(key: "completed_on") var completedOn: String
    @OptionalParent(key: "evidence_id") var evidence: EvidenceFile?
    /// The training provider that confirmed it; the holder cannot change or remove such an entry.
    @OptionalField(key: "confirmed_by") var confirmedBy: UUID?
    /// Says which confirmation it came from, so that the same confirmation lands once.
    @OptionalField(key: "source_key") var sourceKey: String?

    init() {}
}
