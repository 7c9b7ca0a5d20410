import Fluent
import JobcoachCore
import PostgresNIO
import SQLKit
import Vapor

/// What `serve` does before it listens: run migrations, load demo users when asked, and on an empty
/// database create the first administrator with a one-time password. On PostgreSQL the steps run
/// under a lock, so app instances that start together do not migrate or create accounts twice.
struct StartupTasks: LifecycleHandler {
    /// Any fixed number, distinct from the audit trail's lock.
    static let lockKey = 7_245_002

    func willBootAsync(_ application: Application) async throws {
        guard let lockConfiguration = application.startupLockConfiguration else {
            try await run(application)
            return
        }
        // A session lock on a connection of its own, outside the pool: the work itself needs the
        // pool's connections, and holding one of them could starve it.
        let connection = try await PostgresConnection.connect(
            on: application.eventLoopGroup.any(), configuration: lockConfiguration, id: 0, logger: application.logger).get()
        do {
            _ = try await connection.query("SELECT pg_advisory_lock(\(Self.lockKey))", logger: application.logger)
            try await run(application)
            _ = try await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: application.logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    private func run(_ application: Application) async throws {
        if case .sqliteFile = application.configuration.database, let sql = application.db as? any SQLDatabase {
            // Write-ahead logging: pages are read while the audit trail is appended to, and a commit
            // syncs one file instead of three. The mode stays with the file.
            try await sql.raw("PRAGMA journal_mode = WAL").run()
        }
        try await application.autoMigrate()
        // The register's signing key is made at first start, in the data directory.
        _ = try await application.credentials.issuer()
        if application.configuration.demo {
            try await DemoData(application: application).load()
        }
        try await createFirstAdmin(application)
        if application.configuration.database.kind == "sqlite" {
            try await DatabaseStatistics.refresh(on: application.db)
        }
        if case .sqliteFile(let path) = application.configuration.database {
            try await SQLiteTuning.apply(to: application, path: path)
        }
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

extension Application {
    private struct StartupLockKey: StorageKey { typealias Value = PostgresConnection.Configuration }

    /// Set for PostgreSQL: how to open the connection that holds the start-up lock.
    var startupLockConfiguration: PostgresConnection.Configuration? {
        get { storage[StartupLockKey.self] }
        set { storage[StartupLockKey.self] = newValue }
    }
}
