import Fluent
import Vapor
import Foundation
import JobcoachCore

/// A recognition an officer added to the register's list: a provider's job coach training counts for
/// a framework from a date (and until one, when it ended).
final class RecognitionRow: Model, @unchecked Sendable {
    static let schema = "programme_recognitions"

    @ID(key: .id) var id: UUID?
    @Field(key: "framework") var framework: String
    @Field(key: "provider") var provider: String
    @OptionalField(key: "programme") var programme: String?
    @Field(key: "from_on") var fromOn: String
    @OptionalField(key: "until_on") var untilOn: String?
    @Field(key: "reason") var reason: String
    @Field(key: "recorded_by") var recordedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(_ recognition: ProgrammeRecognition, reason: String, recordedBy: UUID) {
        framework = recognition.framework
        provider = recognition.provider
        programme = recognition.programme
        fromOn = recognition.from.description
        untilOn = recognition.until?.description
        self.reason = reason
        self.recordedBy = recordedBy
    }

    var recognition: ProgrammeRecognition? {
        guard let from = CalendarDate(fromOn) else { return nil }
        return ProgrammeRecognition(framework: framework, provider: provider, programme: programme, from: from,
                                    until: untilOn.flatMap(CalendarDate.init))
    }
}

extension Request {
    /// The eligibility engine over the shipped recognitions and those officers added.
    func eligibilityEngine() async throws -> EligibilityEngine {
        standard.eligibility(adding: try await RecognitionRow.added(on: db))
    }

    func requirementDescriber() async throws -> RequirementDescriber {
        standard.describer(adding: try await RecognitionRow.added(on: db))
    }
}

extension RecognitionRow {
    static func added(on database: any Database) async throws -> [ProgrammeRecognition] {
        try await RecognitionRow.query(on: database).sort(\.$createdAt).all().compactMap(\.recognition)
    }
}
