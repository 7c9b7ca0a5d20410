import Fluent
import Foundation

/// A team of job coaches in an agency, with a team lead who sees its caseloads.
final class Team: Model, @unchecked Sendable {
    static let schema = "teams"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "name") var name: String

    init() {}

    init(id: UUID? = nil, organisationID: UUID, name: String) {
        self.id = id
        self.organisationID = organisationID
        self.name = name
    }
}
