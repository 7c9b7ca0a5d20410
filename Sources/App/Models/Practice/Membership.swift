import Fluent
import Foundation

/// Which agency (and team) a user works in. Users of the register have none.
final class Membership: Model, @unchecked Sendable {
    static let schema = "memberships"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "organisation_id") var organisationID: UUID
    @OptionalField(key: "team_id") var teamID: UUID?

    init() {}

    init(userID: UUID, organisationID: UUID, teamID: UUID?) {
        self.$user.id = userID
        self.organisationID = organisationID
        self.teamID = teamID
    }
}
