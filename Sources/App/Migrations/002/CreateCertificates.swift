import Fluent
import SQLKit

/// Certificates, their signed credentials, and the terms the public register finds them under.
struct CreateCertificates: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Certificate.schema)
            .id()
            .field("application_id", .uuid, .references(CertificationApplication.schema, "id", onDelete: .setNull))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("registration_number", .string, .required)
            .field("framework_id", .string, .required)
            .field("framework_version", .string, .required)
            .field("holder_name", .string, .required)
            .field("place", .string, .required)
            .field("valid_from", .datetime, .required)
            .field("valid_until", .datetime, .required)
            .field("standing", .string, .required)
            .field("standing_reason", .string)
            .field("key_id", .string, .required)
            .field("issued_at", .datetime, .required)
            .unique(on: "registration_number")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX certificates_user ON certificates (user_id)").run()
        try await sql.raw("CREATE INDEX certificates_valid_until ON certificates (valid_until)").run()
        try await database.schema(CertificateCredential.schema)
            .id()
            .field("certificate_id", .uuid, .required, .references(Certificate.schema, "id", onDelete: .cascade))
            .field("credential", .string, .required)
            .unique(on: "certificate_id")
            .create()
        try await database.schema(RegisterSearchTerm.schema)
            .id()
            .field("certificate_id", .uuid, .required, .references(Certificate.schema, "id", onDelete: .cascade))
            .field("term", .string, .required)
            .create()
        try await sql.raw("CREATE INDEX register_search_terms_term ON register_search_terms (term, certificate_id)").run()
        try await sql.raw("CREATE INDEX register_search_terms_certificate ON register_search_terms (certificate_id, term)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(RegisterSearchTerm.schema).delete()
        try await database.schema(CertificateCredential.schema).delete()
        try await database.schema(Certificate.schema).delete()
    }
}
