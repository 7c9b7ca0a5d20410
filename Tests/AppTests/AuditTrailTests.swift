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
        func sql(_ app: Application) throws -> any SQLDatabase { try #require(app.db as? any SQLDatabase) }

        func seals(_ app: Application, _ chain: AuditChainID) async throws -> [AuditSealRow] {
            try await AuditSealRow.query(on: app.db).filter(\.$chainID == chain.rawValue).sort(\.$sequence).all()
        }

        @Test func entriesAreWrittenAtOnceAndSealedIntoTheirChainInOrder() async throws {
            try await withApp { app async throws in
                try await app.makeUser("admin@example.org", role: .admin)
                _ = try await TestBrowser(app).login("admin@example.org")
                _ = try await TestBrowser(app).login("admin@example.org", "wrong")
                // Written, in the administration's chain, and waiting for their seal.
                let events = try await AuditEventRow.query(on: app.db).sort(\.$id).all()
                #expect(events.map(\.chainID) == Array(repeating: "administration", count: 4))
                #expect(try await AuditSealRow.query(on: app.db).count() == 0)
                let waiting = try await AuditVerification.verify(on: app.db, now: app.clock.now(), issuer: nil)
                #expect(waiting.map(\.unsealed) == [4])

                #expect(try await app.auditSealer.sealAll(on: app.db) == 4)
                let sealed = try await seals(app, .administration)
                // The account, the accepted password, the login after the second step, the failed login.
                #expect(sealed.map(\.sequence) == [1, 2, 3, 4])
                #expect(sealed.map(\.id) == events.map(\.id), "sealed in the order they were written")
                #expect(sealed[0].previousHash == AuditChain.genesisHash)
                #expect(sealed[1].previousHash == sealed[0].hash)
                #expect(sealed.allSatisfy { $0.sealedBy == app.auditSealer.instance })
                #expect(try await app.auditSealer.sealAll(on: app.db) == 0, "nothing is sealed twice")
                let reports = try await app.auditReports()
                #expect(reports.map(\.chain) == [.administration])
                #expect(reports[0].checked == 4 && reports[0].intact && reports[0].unsealed == 0)
            }
        }

        @Test func eachOrganisationHasAChainOfItsOwn() async throws {
            try await withApp { app async throws in
                let first = UUID(), second = UUID()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<20 {
                        group.addTask {
                            _ = try await app.changes.perform(on: app.db) { db in
                                try await AuditTrail(clock: app.clock).record(on: db, chain: .organisation(index % 2 == 0 ? first : second),
                                                                              actor: "test", action: "concurrent.\(index)")
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                try await app.auditSealer.sealAll(on: app.db)
                #expect(try await seals(app, .organisation(first)).map(\.sequence) == Array(1...10))
                #expect(try await seals(app, .organisation(second)).map(\.sequence) == Array(1...10))
                let reports = try await app.auditReports()
                #expect(reports.count == 2 && reports.allSatisfy { $0.intact && $0.checked == 10 })
                let one = try await AuditVerification.verify(.organisation(first), on: app.db, now: app.clock.now(), issuer: nil)
                #expect(one.map(\.chain) == [.organisation(first)])
                // An entry cannot be moved to another chain: the hash covers the chain's name.
                let record = AuditRecord(chain: .organisation(first), sequence: 1, occurredAt: "t", actor: "a", action: "b", subject: "",
                                         details: "{}", previousHash: AuditChain.genesisHash)
                var moved = record
                moved.chain = .organisation(second)
                #expect(AuditChain.hash(record) != AuditChain.hash(moved))
            }
        }

        @Test func refusedAccessToARecordIsLoggedWithoutSayingWhetherItExists() async throws {
            let clock = TestClock()
            try await withApp(clock: clock) { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (otherUser, other) = try await app.member("other@example.org", of: agency, team: agency.south)
                let path = try await coach.newClient("Sanne Bakker")
                let before = try await AuditEventRow.query(on: app.db).count()
                // Someone else's client and a client that was never there answer alike, and are logged alike.
                #expect(try await other.get(path).status == .notFound)
                #expect(try await other.get("/clients/\(UUID().uuidString)").status == .notFound)
                let refused = try await AuditEventRow.query(on: app.db).filter(\.$action == "access.refused").sort(\.$id).all()
                #expect(refused.count == 2)
                for entry in refused {
                    #expect(entry.actor == otherUser.auditName)
                    #expect(entry.subject == "")
                    #expect(entry.details.contains("GET /clients/:client"))
                }
                #expect(refused[0].details == refused[1].details, "nothing tells the two apart")
                // A public page without a record (an unknown framework) is not a refused record.
                #expect(try await other.get("/frameworks/no-such-framework").status == .notFound)
                #expect(try await AuditEventRow.query(on: app.db).count() == before + 2)

                // A scan is held to ten entries a minute; the next entry counts the rest.
                for _ in 1...30 { _ = try await other.get("/clients/\(UUID().uuidString)/plan") }
                #expect(try await AuditEventRow.query(on: app.db).filter(\.$action == "access.refused").count() == 10)
                clock.advance(61)
                #expect(try await other.get("/clients/\(UUID().uuidString)").status == .notFound)
                let last = try #require(try await AuditEventRow.query(on: app.db).sort(\.$id, .descending).first())
                #expect(last.action == "access.refused")
                #expect(last.details.contains("\"heldBackBefore\":\"22\""))
                #expect(try await app.auditIsIntact())
            }
        }

        @Test func theDatabaseRefusesUpdatesAndDeletes() async throws {
            try await withApp { app async throws in
                try await app.makeUser("admin@example.org", role: .admin)
                try await app.auditSealer.sealAll(on: app.db)
                try await AuditCheckpoints.takeDue(app, force: true)
                let sql = try sql(app)
                for (table, column) in [("audit_events", "actor"), ("audit_seals", "hash"), ("audit_checkpoints", "hash")] {
                    for statement in ["UPDATE \(table) SET \(column) = 'x'", "DELETE FROM \(table)"] {
                        do {
                            try await sql.raw("\(unsafeRaw: statement)").run()
                            Issue.record("\(statement) went through")
                        } catch {
                            #expect(String(reflecting: error).contains("append-only"), "\(statement): \(String(reflecting: error))")
                        }
                    }
                }
                #expect(try await AuditEventRow.query(on: app.db).count() == 1)
                #expect(try await AuditSealRow.query(on: app.db).count() == 1)
            }
        }

        @Test func aChangeMadeAroundTheTriggersIsFound() async throws {
            try await withApp { app async throws in
                for index in 1...4 { try await app.makeUser("user\(index)@example.org", role: .jobCoach) }
                try await app.auditSealer.sealAll(on: app.db)
                let third = try #require(try await seals(app, .administration).first { $0.sequence == 3 }?.id)
                let sql = try sql(app)
                // Someone with database access drops the guard and rewrites entry 3.
                if sql.dialect.name == "sqlite" {
                    try await sql.raw("DROP TRIGGER audit_events_no_update").run()
                } else {
                    try await sql.raw("DROP TRIGGER audit_events_no_change ON audit_events").run()
                }
                try await sql.raw("UPDATE audit_events SET details = '{}' WHERE position = \(bind: third)").run()
                let report = try #require(try await app.auditReports().first)
                #expect(report.checked == 2)
                #expect(report.broken?.sequence == 3)
                #expect(report.broken?.reason.contains("changed") == true)
            }
        }

        @Test func anEntryLeftUnsealedPastTheBoundFailsVerification() async throws {
            let clock = TestClock()
            try await withApp(clock: clock) { app async throws in
                try await app.makeUser("coach@example.org", role: .jobCoach)
                let now = try await AuditVerification.verify(on: app.db, now: clock.now(), issuer: nil)
                #expect(now[0].unsealed == 1 && now[0].overdue == 0 && now[0].intact, "within the bound it is only reported")
                clock.advance(AuditSealing.maximumMergeDelay)
                #expect(try await AuditVerification.verify(on: app.db, now: clock.now(), issuer: nil)[0].intact, "at the bound")
                clock.advance(0.001)
                let late = try await AuditVerification.verify(on: app.db, now: clock.now(), issuer: nil)
                #expect(late[0].overdue == 1 && !late[0].intact)
                #expect(try await app.auditIsIntact(), "sealed, it is intact again")
            }
        }

        @Test func oneInstanceSealsAChainUntilItsLeaseRunsOut() async throws {
            let clock = TestClock()
            try await withApp(clock: clock) { app async throws in
                let other = AuditSealer(instance: "other", now: { clock.now() }, changes: app.changes)
                try await app.makeUser("one@example.org", role: .jobCoach)
                #expect(try await app.auditSealer.sealAll(on: app.db) == 1)
                try await app.makeUser("two@example.org", role: .jobCoach)
                #expect(try await other.sealAll(on: app.db) == 0, "the lease is held")
                #expect(try await app.auditSealer.sealAll(on: app.db) == 1)
                // The holder stops; after its lease the other takes over.
                try await app.makeUser("three@example.org", role: .jobCoach)
                clock.advance(5.1)
                #expect(try await other.sealAll(on: app.db) == 1)
                #expect(try await app.auditSealer.sealAll(on: app.db) == 0)
                #expect(try await seals(app, .administration).map(\.sealedBy) == [app.auditSealer.instance, app.auditSealer.instance, "other"])
                #expect(try await app.auditIsIntact())
            }
        }

        @Test func aSignedCheckpointShowsATruncatedChain() async throws {
            let clock = TestClock()
            try await withApp(clock: clock) { app async throws in
                for index in 1...3 { try await app.makeUser("user\(index)@example.org", role: .jobCoach) }
                try await app.auditSealer.sealAll(on: app.db)
                #expect(try await AuditCheckpoints.takeDue(app) == 1, "the first checkpoint of a chain is due at once")
                #expect(try await AuditCheckpoints.takeDue(app) == 0, "the head has not moved")
                try await app.makeUser("user4@example.org", role: .jobCoach)
                try await app.auditSealer.sealAll(on: app.db)
                #expect(try await AuditCheckpoints.takeDue(app) == 0, "the interval has not passed")
                clock.advance(app.configuration.auditCheckpointInterval)
                #expect(try await AuditCheckpoints.takeDue(app) == 1)
                let exported = try await AuditCheckpoints.export(on: app.db)
                #expect(exported.count == 2)
                let issuer = try await app.credentials.issuer()
                let copy = try await AuditCheckpoints.read(exported: exported.joined(separator: "\n"), issuer: issuer)
                #expect(copy.map(\.sequence) == [3, 4])
                #expect(try await app.auditReports()[0].checkpointsHeld == 2)

                // Someone removes the last entry and its seal, and the stored checkpoints with them.
                let sql = try sql(app)
                for table in ["audit_events", "audit_seals", "audit_checkpoints"] {
                    if sql.dialect.name == "sqlite" {
                        try await sql.raw("DROP TRIGGER \(unsafeRaw: table)_no_delete").run()
                    } else {
                        try await sql.raw("DROP TRIGGER \(unsafeRaw: table)_no_change ON \(unsafeRaw: table)").run()
                    }
                }
                let last = try #require(try await seals(app, .administration).last?.id)
                try await sql.raw("DELETE FROM audit_seals WHERE position = \(bind: last)").run()
                try await sql.raw("DELETE FROM audit_events WHERE position = \(bind: last)").run()
                try await sql.raw("DELETE FROM audit_checkpoints WHERE sequence = 4").run()
                // The chain itself still links, and the remaining checkpoint holds ...
                let alone = try await AuditVerification.verify(on: app.db, now: clock.now(), issuer: issuer)
                #expect(alone[0].intact && alone[0].checked == 3)
                // ... but the copy kept elsewhere shows what was cut off.
                let against = try await AuditVerification.verify(on: app.db, now: clock.now(), issuer: issuer, against: copy)
                #expect(!against[0].intact)
                #expect(against[0].problems.contains { $0.contains("ends at entry 3") && $0.contains("entry 4") })
                // A forged line in the copy is refused.
                let forged = exported[1].replacingOccurrences(of: "\"sequence\":4", with: "\"sequence\":9")
                let forgedCheckpoint = try await AuditCheckpoints.read(exported: forged, issuer: issuer)
                #expect(forgedCheckpoint.map(\.sequence) == [4], "the token, not the plain fields, is what counts")
            }
        }

        @Test func theFirstChainIsKeptAsItWasWrittenAndNewEntriesGoToTheirChains() async throws {
            try await withApp { app async throws in
                let sql = try sql(app)
                // A trail from before chains: three entries in audit_entries.
                try await CreateAuditChains().revert(on: app.db)
                var previous = AuditChain.genesisHash
                for sequence in 1...3 {
                    let record = AuditRecord(sequence: Int64(sequence), occurredAt: "2026-11-0\(sequence)T10:00:00.000Z", actor: "system",
                                             action: "old.\(sequence)", subject: "", details: "{}", previousHash: previous)
                    let entry = AuditEntry(record: record, hash: AuditChain.hash(record))
                    entry.id = UUID()
                    try await entry.create(on: app.db)
                    previous = entry.hash
                }
                try await CreateAuditChains().prepare(on: app.db)
                try await app.makeUser("new@example.org", role: .jobCoach)
                let reports = try await app.auditReports()
                #expect(reports.map(\.chain) == [.administration, .installation])
                let first = try #require(reports.last)
                #expect(first.checked == 3 && first.intact && first.checkpointsHeld == 1, "audit_entries matches its copy")
                #expect(try await seals(app, .installation).last?.hash == previous, "the hashes are the ones first written")
                #expect(try await seals(app, .administration).map(\.sequence) == [1])
                let positions = try await AuditEventRow.query(on: app.db).sort(\.$id).all().compactMap(\.id)
                #expect(positions == [1, 2, 3, 4], "new entries are written after the old ones")
                // The old table is still guarded and still checked.
                if sql.dialect.name == "sqlite" {
                    try await sql.raw("DROP TRIGGER audit_entries_no_update").run()
                } else {
                    try await sql.raw("DROP TRIGGER audit_entries_no_change ON audit_entries").run()
                }
                try await sql.raw("UPDATE audit_entries SET actor = 'someone else' WHERE sequence = 2").run()
                let changed = try #require(try await app.auditReports().last)
                #expect(!changed.intact)
                #expect(changed.problems.contains { $0.hasPrefix("audit_entries:") })
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

        @Test func readsThatArriveTogetherAreWrittenTogetherAndEachWaitsForItsOwn() async throws {
            try await withApp { app async throws in
                let agency = UUID()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<50 {
                        group.addTask {
                            try await app.auditReads.write(AuditReadLog.Entry(
                                chain: .organisation(agency), occurredAt: AuditTrail.timestamp(app.clock.now()), actor: "user:\(index)",
                                action: "client.viewed", subject: "client:\(index)", details: [:]))
                            // Back from the write, the entry is stored.
                            let stored = try await AuditEventRow.query(on: app.db).filter(\.$actor == "user:\(index)").count()
                            #expect(stored == 1)
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(try await AuditEventRow.query(on: app.db).count() == 50)
                #expect(try await app.auditIsIntact())
            }
        }

        @Test func theSQLiteCacheAndMapAreSizedForTheFile() {
            let mebibyte: Int64 = 1 << 20
            #expect(SQLiteTuning.pragmas(fileSize: 0) == ["PRAGMA mmap_size = \(256 * mebibyte)", "PRAGMA cache_size = -16384", "PRAGMA temp_store = MEMORY"])
            #expect(SQLiteTuning.pragmas(fileSize: 212 * mebibyte)[0...1] == ["PRAGMA mmap_size = \(424 * mebibyte)", "PRAGMA cache_size = -54272"])
            #expect(SQLiteTuning.pragmas(fileSize: 10_000 * mebibyte)[0...1] == ["PRAGMA mmap_size = \(4096 * mebibyte)", "PRAGMA cache_size = -262144"])
        }

        @Test func theAuditPageListsTheChainsAndVerifiesOnRequest() async throws {
            try await withApp { app async throws in
                try await app.makeUser("officer@example.org", role: .registerOfficer)
                let browser = TestBrowser(app)
                _ = try await browser.login("officer@example.org")
                let waiting = try await browser.get("/admin/audit")
                #expect(waiting.body.string.contains("wacht op zegel"))
                try await app.auditSealer.sealAll(on: app.db)
                let page = try await browser.get("/admin/audit?verify=1&chain=administration")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("alle 3 regels kloppen"), "the account, the password, the login")
                #expect(page.body.string.contains("<option value=\"administration\" selected>"))
                #expect(try await browser.get("/admin/audit?before=abc").status == .badRequest)
                #expect(try await browser.get("/admin/audit?chain=nonsense").status == .badRequest)
            }
        }
    }
}
