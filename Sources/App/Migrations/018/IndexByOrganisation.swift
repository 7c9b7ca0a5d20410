import Fluent
import SQLKit

/// Every table of an organisation's data gets an index that starts with `organisation_id`: the
/// start pages read goals, placements and follow-ups of a caseload by (organisation, trajectory),
/// which a few tables could only answer by reading all their rows; and a table distributed by
/// organisation (docs/SCALE.md) is read through such an index.
struct IndexByOrganisation: AsyncMigration {
    static let indexes: [(table: String, columns: String)] = [
        ("career_steps", "organisation_id, trajectory_id"),
        ("checklist_ticks", "organisation_id, trajectory_id"),
        ("client_accounts", "organisation_id, client_id"),
        ("client_attachments", "organisation_id, trajectory_id"),
        ("closings", "organisation_id, trajectory_id"),
        ("coach_hours", "organisation_id, user_id"),
        ("coaching_grants", "organisation_id, trajectory_id"),
        ("coaching_plans", "organisation_id, trajectory_id"),
        ("cohort_trainers", "organisation_id, cohort_id"),
        ("commissioner_tariffs", "organisation_id, commissioner_id"),
        ("employee_profiles", "organisation_id, trajectory_id"),
        ("fading_plans", "organisation_id, trajectory_id"),
        ("follow_up_checks", "organisation_id, trajectory_id"),
        ("import_runs", "organisation_id, user_id"),
        ("intake_factors", "organisation_id, trajectory_id"),
        ("intakes", "organisation_id, trajectory_id"),
        ("peer_reviews", "organisation_id"),
        ("report_consents", "organisation_id, trajectory_id"),
        ("satisfaction_ratings", "organisation_id, trajectory_id"),
        ("session_attendance", "organisation_id, session_id"),
    ]

    func prepare(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for (table, columns) in Self.indexes {
            try await sql.raw("CREATE INDEX \(unsafeRaw: table)_organisation ON \(unsafeRaw: table) (\(unsafeRaw: columns))").run()
        }
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for (table, _) in Self.indexes {
            try await sql.raw("DROP INDEX \(unsafeRaw: table)_organisation").run()
        }
    }
}
