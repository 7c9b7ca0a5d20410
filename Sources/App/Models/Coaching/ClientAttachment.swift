import Fluent
import Foundation

/// A file in a client's file (PDF, JPG or PNG), kept in the evidence store by its SHA-256 and
/// belonging to the trajectory it was added in, so that it is exported and erased with it.
final class ClientAttachment: Model, @unchecked Sendable {
    static let schema = "client_attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "added_by") var addedBy: UUID
    @Field(key: "added_at") var addedAt: Date

    init() {}
}
