@testable import App
import Fluent
import Foundation
import JobcoachCore
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// How long an agency's outcome figures are kept, and what a viewer gets while a fresh copy loads.
    @Suite struct OutcomeFiguresCacheTests {
        let agency = UUID()
        let start = Date(timeIntervalSince1970: 1_795_000_000)

        /// A loader that counts its loads and stamps each snapshot with the time it is given.
        final class Loader: Sendable {
            let loads = NIOLockedValueBox(0)
            let failing = NIOLockedValueBox(false)

            func load(at time: Date) throws -> OutcomeFiguresCache.Snapshot {
                loads.withLockedValue { $0 += 1 }
                if failing.withLockedValue({ $0 }) { throw Abort(.serviceUnavailable) }
                return OutcomeFiguresCache.Snapshot(data: OutcomeData(trajectories: [], coachNames: [:], teamNames: [:]), erased: [:],
                                                    loadedAt: time)
            }
        }

        @Test func aYoungCopyIsKeptAndAnOldOneServedWhileTheNextLoads() async throws {
            let cache = OutcomeFiguresCache(maxAge: 60)
            let loader = Loader()
            let first = try await cache.snapshot(organisationID: agency, now: start) { try loader.load(at: self.start) }
            let again = try await cache.snapshot(organisationID: agency, now: start.addingTimeInterval(59)) { try loader.load(at: self.start) }
            #expect(first === again)
            #expect(loader.loads.withLockedValue { $0 } == 1)

            // Past its age: the old copy comes back at once, and the next one loads beside it.
            let later = start.addingTimeInterval(61)
            let stale = try await cache.snapshot(organisationID: agency, now: later) { try loader.load(at: later) }
            #expect(stale === first)
            await cache.settle(organisationID: agency)
            let fresh = try await cache.snapshot(organisationID: agency, now: later) { try loader.load(at: later) }
            #expect(fresh !== first)
            #expect(fresh.loadedAt == later)
            #expect(loader.loads.withLockedValue { $0 } == 2)

            // Another agency has a copy of its own.
            _ = try await cache.snapshot(organisationID: UUID(), now: later) { try loader.load(at: later) }
            #expect(loader.loads.withLockedValue { $0 } == 3)
        }

        @Test func viewersWhoAskDuringTheFirstLoadShareIt() async throws {
            let cache = OutcomeFiguresCache(maxAge: 60)
            let loader = Loader()
            let snapshots = try await withThrowingTaskGroup(of: OutcomeFiguresCache.Snapshot.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await cache.snapshot(organisationID: agency, now: start) {
                            try await Task.sleep(for: .milliseconds(50))
                            return try loader.load(at: self.start)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(snapshots.count == 8)
            #expect(snapshots.allSatisfy { $0 === snapshots[0] })
            #expect(loader.loads.withLockedValue { $0 } == 1)
        }

        @Test func aFailedLoadIsTriedAgainAndAgeZeroLoadsEveryTime() async throws {
            let cache = OutcomeFiguresCache(maxAge: 60)
            let loader = Loader()
            loader.failing.withLockedValue { $0 = true }
            await #expect(throws: Abort.self) {
                try await cache.snapshot(organisationID: agency, now: start) { try loader.load(at: self.start) }
            }
            loader.failing.withLockedValue { $0 = false }
            _ = try await cache.snapshot(organisationID: agency, now: start) { try loader.load(at: self.start) }
            #expect(loader.loads.withLockedValue { $0 } == 2)

            let uncached = OutcomeFiguresCache(maxAge: 0)
            let counting = Loader()
            for _ in 0..<3 { _ = try await uncached.snapshot(organisationID: agency, now: start) { try counting.load(at: self.start) } }
            #expect(counting.loads.withLockedValue { $0 } == 3)
        }

        @Test func theOutcomesPageSaysHowOldItsFiguresAreAndCountsAgainWhenOld() async throws {
            let clock = TestClock()
            try await withApp(configure: { $0.outcomesMaxAge = 60 }, clock: clock) { app async throws in
                let made = try await DemoAgency(application: app).generate(size: .small) { _, _, _ in }
                let user = try await app.makeUser("kept-manager@example.org", role: .agencyManager)
                try await Membership(userID: user.id!, organisationID: made.id, teamID: nil).create(on: app.db)
                let manager = TestBrowser(app)
                _ = try await manager.login("kept-manager@example.org")
                let page = try await manager.get("/outcomes?lang=en").body.string
                #expect(page.contains("The figures are counted again once they are more than 60 seconds old."))
                func employed() async throws -> String? {
                    let csv = try await manager.get("/outcomes/export.csv").body.string
                    return csv.split(separator: "\r\n").first { $0.hasPrefix("measures,agency,employed,") }.map(String.init)
                }
                let before = try #require(try await employed())
                #expect(before != "measures,agency,employed,0")

                // Every job ends up erased; within the minute the kept figures still count them.
                try await JobSpell.query(on: app.db).filter(\.$organisationID == made.id).delete()
                clock.advance(30)
                #expect(try await employed() == before)
                // Past the minute, the next view still gets the kept figures and starts a count; then the new ones show.
                clock.advance(31)
                #expect(try await employed() == before)
                await app.outcomeFigures.settle(organisationID: made.id)
                #expect(try await employed() == "measures,agency,employed,0")
            }
        }
    }
}
