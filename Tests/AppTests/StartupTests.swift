@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    @Suite struct StartupTests {
        @Test func anEmptyDatabaseGetsOneAdministratorWhoMustChangeThePassword() async throws {
            try await withApp(configure: { $0.runStartupTasks = true }) { app async throws in
                try await StartupTasks().willBootAsync(app)
                let users = try await User.query(on: app.db).all()
                #expect(users.count == 1)
                #expect(users[0].email == "admin@test.local")
                #expect(users[0].role == .admin)
                #expect(users[0].mustChangePassword)
                try await StartupTasks().willBootAsync(app)
                #expect(try await User.query(on: app.db).count() == 1, "only on an empty database")
            }
        }

        @Test func demoDataMakesOneAccountPerRole() async throws {
            try await withApp(configure: { $0.demo = true; $0.demoPassword = "demo password 2026" }) { app async throws in
                try await StartupTasks().willBootAsync(app)
                let users = try await User.query(on: app.db).all()
                #expect(Set(users.map(\.role)) == Set(Role.allCases))
                #expect(users.filter { $0.role == .admin }.count == 1, "no extra administrator next to the demo accounts")
                #expect(users.allSatisfy { !$0.mustChangePassword && $0.email.hasSuffix("@demo.jobcoach.test") })
                let login = try await TestBrowser(app).login(DemoData.email(for: .jobCoach), "demo password 2026")
                #expect(login.status == .seeOther)
                // The register demo: an application in every state but withdrawn, certificates, a complaint.
                let statuses = Set(try await CertificationApplication.query(on: app.db).all().map(\.status))
                #expect(statuses == Set(ApplicationStatus.allCases).subtracting([.withdrawn]))
                #expect(try await Certificate.query(on: app.db).count() == 3)
                #expect(try await Complaint.query(on: app.db).count() == 1)
                // The practice demo: an agency, the demo coach's clients in every phase, workplaces to match.
                let coach = try #require(users.first { $0.email == DemoData.email(for: .jobCoach) })
                let coachClients = try await App.Client.query(on: app.db).filter(\.$coach.$id == coach.id!).all().map { $0.id! }
                let phases = try await Trajectory.query(on: app.db).filter(\.$client.$id ~~ coachClients).all().map(\.phase)
                #expect(Set(phases) == Set(TrajectoryPhase.allCases))
                #expect(try await Workplace.query(on: app.db).filter(\.$status == "open").count() >= 5)
                #expect(try await MatchDecision.query(on: app.db).count() == 2)
                #expect(try await TrajectoryMoveRow.query(on: app.db).filter(\.$reason != "").count() >= 2)
                let coachBrowser = TestBrowser(app)
                _ = try await coachBrowser.login(DemoData.email(for: .jobCoach), "demo password 2026")
                #expect(try await coachBrowser.get("/caseload").body.string.contains("Sanne Bakker"))
                let counted = users.count
                let applications = try await CertificationApplication.query(on: app.db).count()
                let clients = try await App.Client.query(on: app.db).count()
                try await StartupTasks().willBootAsync(app)
                #expect(try await User.query(on: app.db).count() == counted, "a second start keeps the accounts")
                #expect(try await CertificationApplication.query(on: app.db).count() == applications, "and the register demo")
                #expect(try await App.Client.query(on: app.db).count() == clients, "and the practice demo")
            }
        }

        @Test func everyMigrationRevertsAndRunsAgain() async throws {
            try await withApp { app async throws in
                try await app.autoRevert()
                try await app.autoMigrate()
                #expect(try await Organisation.query(on: app.db).count() == 0)
                #expect(try await User.query(on: app.db).count() == 0)
            }
        }

        @Test func databaseURLsAreUnderstood() throws {
            #expect(try DatabaseSetting.parse(nil) == .sqliteFile(path: "jobcoach.sqlite"))
            #expect(try DatabaseSetting.parse("sqlite:///var/lib/jc.sqlite") == .sqliteFile(path: "/var/lib/jc.sqlite"))
            #expect(try DatabaseSetting.parse("postgres://u:p@127.0.0.1:5432/db") == .postgres(url: "postgres://u:p@127.0.0.1:5432/db"))
            #expect(throws: ConfigurationError.self) { try DatabaseSetting.parse("mysql://x") }
            #expect(throws: ConfigurationError.self) { try DatabaseSetting.parse("sqlite://") }
        }

        @Test func theDemoFlagAndTheServeCommandAreRecognised() {
            let (serve, rest) = LaunchOptions.extract(from: ["jobcoach", "serve", "--demo", "--port", "8081"])
            #expect(serve.demo && serve.serving)
            #expect(rest == ["jobcoach", "serve", "--port", "8081"])
            #expect(LaunchOptions.extract(from: ["jobcoach"]).0.serving)
            #expect(!LaunchOptions.extract(from: ["jobcoach", "audit", "verify"]).0.serving)
        }

        @Test func everyUIStringHasBothLanguages() async throws {
            try await withApp { app async throws in
                #expect(app.strings.keys.count > 150)
                for key in app.strings.keys {
                    #expect(!app.strings.text(key, .nl).isEmpty && !app.strings.text(key, .en).isEmpty, "\(key)")
                }
            }
        }
    }
}
