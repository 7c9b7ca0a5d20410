@testable import App
import Fluent
import Foundation
import JobcoachCore
import SQLKit
import Testing
import Vapor
import VaporTesting

extension AppTests {
    @Suite struct AuditTrailTests {
        @Test func entriesFormAnIntactChain() async throws {
            try await withApp { app async throws in
                try await app.makeUser("admin@example.org", role: .admin)
                _ = try await TestBrowser(app).login("admin@example.org")
                _ = try await TestBrowser(app).login("admin@example.org", "wrong")
                let entries = try await AuditEntry.query(on: app.db).sort(\.$sequence).all()
                // The account, the accepted password, the login after the second step, the failed login.
                #expect(entries.map(\.sequence) == [1, 2, 3, 4])
                #expect(entries[0].previousHash == AuditChain.genesisHash)
                #expect(entries[1].previousHash == entries[0].hash)
                let result = try await AuditTrail.verify(on: app.db)
                #expect(result.checked == 4)
                #expect(result.break == nil)
            }
        }

        @Test func refusedAccessToARecordIsLoggedWithoutSayingWhetherItExists() async throws {
            let clock = TestClock()
            try await withApp(clock: clock) { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (otherUser, other) = try await app.member("other@example.org", of: agency, team: agency.south)
                let path = try await coach.newClient("Sanne Bakker")
                let before = try await AuditEntry.query(on: app.db).count()
                // Someone else's client and a client that was never there answer alike, and are logged alike.
                #expect(try await other.get(path).status == .notFound)
                #expect(try await other.get("/clients/\(UUID().uuidString)").status == .notFound)
                let refused = try await AuditEntry.query(on: app.db).filter(\.$action == "access.refused").sort(\.$sequence).all()
                #expect(refused.count == 2)
                for entry in refused {
                    #expect(entry.actor == otherUser.auditName)
                    #expect(entry.subject == "")
                    #expect(entry.details.contains("GET /clients/:client"))
                }
                #expect(refused[0].details == refused[1].details, "nothing tells the two apart")
                // A public page without a record (an unknown framework) is not a refused record.
                #expect(try await other.get("/frameworks/no-such-framework").status == .notFound)
                #expect(try await AuditEntry.query(on: app.db).count() == before + 2)

                // A scan is held to ten entries a minute; the next entry counts the rest.
                for _ in 1...30 { _ = try await other.get("/clients/\(UUID().uuidString)/plan") }
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "access.refused").count() == 10)
                clock.advance(61)
                #expect(try await other.get("/clients/\(UUID().uuidString)").status == .notFound)
                let last = try #require(try await AuditEntry.query(on: app.db).sort(\.$sequence, .descending).first())
                #expect(last.action == "access.refused")
                #expect(last.details.contains("\"heldBackBefore\":\"22\""))
                #expect(try await AuditTrail.verify(on: app.db).break == nil)
            }
        }

        @Test func theDatabaseRefusesUpdatesAndDeletes() async throws {
            try await withApp { app async throws in
                try await app.makeUser("admin@example.org", role: .admin)
                let sql = try #require(app.db as? any SQLDatabase)
                await #expect(throws: (any Error).self) {
                    try await sql.raw("UPDATE audit_entries SET actor = 'someone else'").run()
                }
                await #expect(throws: (any Error).self) {
                    try await sql.raw("DELETE FROM audit_entries").run()
                }
                #expect(try await AuditEntry.query(on: app.db).count() == 1)
            }
        }

        @Test func aChangeMadeAroundTheTriggersIsFound() async throws {
            try await withApp { app async throws in
                for index in 1...4 { try await app.makeUser("user\(index)@example.org", role: .jobCoach) }
                let sql = try #require(app.db as? any SQLDatabase)
                // Someone with database access drops the guard and rewrites entry 3.
                if sql.dialect.name == "sqlite" {
                    try await sql.raw("DROP TRIGGER audit_entries_no_update").run()
                } else {
                    try await sql.raw("DROP TRIGGER audit_entries_no_change ON audit_entries").run()
                }
                try await sql.raw("UPDATE audit_entries SET details = '{}' WHERE sequence = 3").run()
                let result = try await AuditTrail.verify(on: app.db)
                #expect(result.checked == 2)
                #expect(result.break?.sequence == 3)
                #expect(result.break?.reason.contains("changed") == true)
            }
        }

        @Test func concurrentChangesKeepTheChainInOrder() async throws {
            try await withApp { app async throws in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<20 {
                        group.addTask {
                            _ = try await app.changes.perform(on: app.db) { db in
                                try await AuditTrail(clock: app.clock).record(on: db, actor: "test", action: "concurrent.\(index)")
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                let result = try await AuditTrail.verify(on: app.db)
                #expect(result.checked == 20)
                #expect(result.break == nil)
            }
        }

        @Test func aFailedChangeLeavesNoAuditEntry() async throws {
            try await withApp { app async throws in
                try await app.makeUser("same@example.org", role: .jobCoach)
                do {
                    try await app.makeUser("same@example.org", role: .trainer)
                    Issue.record("a second account with the same address was made")
                } catch let problem as AccountService.Problem {
                    #expect(problem == .emailTaken)
                }
                #expect(try await app.auditActions() == ["user.created"])
                #expect(try await User.query(on: app.db).count() == 1)
            }
        }

        @Test func theAuditPageVerifiesOnRequest() async throws {
            try await withApp { app async throws in
                try await app.makeUser("officer@example.org", role: .registerOfficer)
                let browser = TestBrowser(app)
                _ = try await browser.login("officer@example.org")
                let page = try await browser.get("/admin/audit?verify=1")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("alle 3 regels kloppen"), "the account, the password, the login")
                #expect(try await browser.get("/admin/audit?before=abc").status == .badRequest)
            }
        }
    }
}
