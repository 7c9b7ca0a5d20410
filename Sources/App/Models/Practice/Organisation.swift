import Fluent
import Foundation

/// A Supported Employment agency. Every table of practice data carries its id (the tenant key).
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// The framework whose process tasks this agency's trajectories follow.
    @Field(key: "process_framework") var processFramework: String
    /// Raised with every change to a workplace, so every app instance knows when its in-memory
    /// matching index of this agency is out of date.
    @Field(key: "workplace_revision") var workplaceRevision: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, name: String, processFramework: String) {
        self.id = id
        self.name = name
        self.processFramework = processFramework
        self.workplaceRevision = 0
    }
}
