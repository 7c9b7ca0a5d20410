@testable import App
import Fluent
import Foundation
import JobcoachCore
import SQLKit
import Vapor
import VaporTesting

/// The test harness: one loaded standard for all tests; a fresh database per test (SQLite in memory,
/// or the PostgreSQL of `TEST_DATABASE_URL`, emptied first); bcrypt at its lowest cost.
enum TestApp {
    static let standard = Result { try ProfessionalStandard.loadBundled() }

    static var database: DatabaseSetting {
        if let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty {
            return .postgres(url: url)
        }
        return .sqliteMemory
    }

    static func configuration() -> AppConfiguration {
        var configuration = AppConfiguration(database: database, bcryptCost: 4, secureCookies: false,
                         timeZone: TimeZone(identifier: "Europe/Amsterdam")!, demo: false, runStartupTasks: false,
                         demoPassword: nil, initialAdminEmail: "admin@test.local", benchmarkRoute: true,
                         loginLockPerPair: 5, loginSlowPerAddress: 20, loginWindow: 15 * 60,
                         dataDirectory: dataDirectory, publicURL: "http://127.0.0.1:8080", registerName: "Jobcoach register",
                         outcomesMaxAge: 0)
        // In-memory requests have no socket: tests name their client with X-Forwarded-For.
        configuration.trustedProxies = [ClientAddress.noSocketAddress]
        return configuration
    }

    /// One data directory per test run: the signing key is made once and shared by all tests.
    static let dataDirectory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jobcoach-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()
}

/// A clock tests can set and move.
final class TestClock: AppClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ date: Date = Date(timeIntervalSince1970: 1_795_000_000)) {
        current = date
    }

    func now() -> Date { lock.withLock { current } }

    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }

    private var paused: [TimeInterval] = []
    /// The pauses asked for, in order.
    var pauses: [TimeInterval] { lock.withLock { paused } }

    func pause(seconds: TimeInterval) async throws {
        lock.withLock {
            paused.append(seconds)
            current = current.addingTimeInterval(seconds)
        }
    }
}

func withApp(configure adjust: (inout AppConfiguration) -> Void = { _ in }, clock: TestClock? = nil,
             _ test: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    do {
        var configuration = TestApp.configuration()
        adjust(&configuration)
        try App.configure(app, configuration: configuration, standard: try TestApp.standard.get())
        if let clock { app.clock = clock }
        if case .postgres = configuration.database, let sql = app.db as? any SQLDatabase {
            try await sql.raw("DROP SCHEMA public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        }
        try await app.autoMigrate()
        try await test(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

extension Application {
    /// Makes an account directly (not through the pages).
    @discardableResult
    func makeUser(_ email: String, role: Role, password: String = "correct horse battery",
                  mustChange: Bool = false) async throws -> User {
        let (user, _) = try await accounts.create(email: email, name: email.components(separatedBy: "@")[0].capitalized,
                                                  role: role, password: password, actor: "test", on: db)
        if mustChange {
            user.mustChangePassword = true
            try await user.update(on: db)
        }
        // Who must log in in two steps is enrolled with a known key; `TestBrowser.login` makes the code.
        if TwoFactorPolicy.isRequired(for: role, agencyRequires: false) {
            user.totpSecret = Self.testTwoFactorKey
            user.totpEnabledAt = clock.now()
            try await user.update(on: db)
        }
        return user
    }

    static let testTwoFactorKey = Base32.encode(Array("12345678901234567890".utf8))

    /// A code for the account's key that it has not used yet (a step on either side counts too).
    func nextTwoFactorCode(for email: String) async throws -> String? {
        guard let user = try await User.query(on: db).filter(\.$email == email).first(),
              let secret = user.totpSecret.flatMap(Base32.decode) else { return nil }
        let totp = TOTP(secret: secret)
        let now = totp.step(at: clock.now())
        // The current step first: a step behind may fall out of the window before the code arrives.
        guard let step = [now, now + 1, now - 1].first(where: { $0 > (user.totpLastStep ?? .min) }) else { return nil }
        return totp.code(step: step)
    }

    func auditActions() async throws -> [String] {
        try await AuditEventRow.query(on: db).sort(\.$id).all().map(\.action)
    }

    /// Seals what is pending (no sealer runs in tests), then checks every chain.
    func auditReports() async throws -> [AuditChainReport] {
        try await auditSealer.sealAll(on: db)
        return try await AuditVerification.verify(on: db, now: clock.now(), issuer: try await credentials.issuer())
    }

    func auditIsIntact() async throws -> Bool {
        let reports = try await auditReports()
        return !reports.isEmpty && reports.allSatisfy(\.intact)
    }

    /// The trail without the entries refusals write (`access.refused`): what was read or changed.
    func auditActionsButRefusals() async throws -> [String] {
        try await auditActions().filter { $0 != "access.refused" }
    }
}
