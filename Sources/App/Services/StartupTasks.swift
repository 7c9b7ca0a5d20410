import Fluent
import JobcoachCore
import SQLKit
import Vapor

/// What `serve` does before it listens: run migrations, load demo users when asked, and on an empty
/// database create the first administrator with a one-time password. On PostgreSQL the steps run
/// under a lock, so app instances that start together do not migrate or create accounts twice.
struct StartupTasks: LifecycleHandler {
    /// Any fixed number, distinct from the audit trail's lock.
    static let lockKey = 7_245_002

    func willBootAsync(_ application: Application) async throws {
        guard let sql = application.db as? any SQLDatabase, sql.dialect.name != "sqlite" else {
            try await run(application)
            return
        }
        // A session lock on one pooled connection; the work itself uses the other connections.
        try await application.db.withConnection { connection in
            let locked = connection as! any SQLDatabase
            try await locked.raw("SELECT pg_advisory_lock(\(literal: Self.lockKey))").run()
            do {
                try await run(application)
            } catch {
                try? await locked.raw("SELECT pg_advisory_unlock(\(literal: Self.lockKey))").run()
                throw error
            }
            try await locked.raw("SELECT pg_advisory_unlock(\(literal: Self.lockKey))").run()
        }
    }

    private func run(_ application: Application) async throws {
        try await application.autoMigrate()
        if application.configuration.demo {
            try await DemoData(application: application).load()
        }
        try await createFirstAdmin(application)
    }

    private func createFirstAdmin(_ application: Application) async throws {
        guard try await User.query(on: application.db).count() == 0 else { return }
        let email = application.configuration.initialAdminEmail
        let (_, password) = try await application.accounts.create(
            email: email, name: "Administrator", role: .admin, password: nil, actor: "system", on: application.db)
        application.console.print("""

            An administrator account was created on this empty database.
              e-mail:             \(email)
              one-time password:  \(password ?? "")
            Log in at /login and choose a new password; this password is shown only now.

            """)
    }
}
