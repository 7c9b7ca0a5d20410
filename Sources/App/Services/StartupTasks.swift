import Fluent
import JobcoachCore
import Vapor

/// What `serve` does before it listens: run migrations, load demo users when asked, and on an empty
/// database create the first administrator with a one-time password.
struct StartupTasks: LifecycleHandler {
    func willBootAsync(_ application: Application) async throws {
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
