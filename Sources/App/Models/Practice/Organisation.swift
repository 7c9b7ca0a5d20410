import Fluent
import Foundation

/// A Supported Employment agency or a training provider. Every table of practice and training data
/// carries its id (the tenant key).
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case agency
        case trainingProvider
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// The framework whose process tasks this agency's trajectories follow.
    @Field(key: "process_framework") var processFramework: String
    /// Raised with every change to a workplace, so every app instance knows when its in-memory
    /// matching index of this agency is out of date.
    @Field(key: "workplace_revision") var workplaceRevision: Int
    /// Everyone of the agency who reads client data must log in with a second factor.
    @Field(key: "require_two_factor") var requireTwoFactor: Bool
    @Enum(key: "kind") var kind: Kind
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, name: String, processFramework: String, kind: Kind = .agency) {
        self.id = id
        self.name = name
        self.processFramework = processFramework
        self.workplaceRevision = 0
        self.kind = kind
        self.requireTwoFactor = false
    }
}
