import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The outcome data of each agency, loaded once and kept for a short while, with the pages computed
/// from it. At agency size the load reads every trajectory of three years (about a second), while the
/// figures are yearly and quarterly: a minute's delay costs nobody a decision, and the page says how
/// old its figures are. When a copy has grown old, the next viewer still gets it at once and a fresh
/// one is loaded beside the request; only the very first viewer waits. A maximum age of 0 loads on
/// every view.
final class OutcomeFiguresCache: Sendable {
    /// One load of an agency's data, and the pages computed from it (by viewer reach, year and day).
    final class Snapshot: Sendable {
        let data: OutcomeData
        /// The anonymous counts of erased trajectories, by period name and measure.
        let erased: [String: [String: Int]]
        let loadedAt: Date
        private let pages = NIOLockedValueBox<[String: OutcomesPage]>([:])

        init(data: OutcomeData, erased: [String: [String: Int]], loadedAt: Date) {
            self.data = data
            self.erased = erased
            self.loadedAt = loadedAt
        }

        /// The page of this key, computed once per snapshot. Bounded by the reaches of one agency.
        func page(_ key: String, compute: () -> OutcomesPage) -> OutcomesPage {
            if let page = pages.withLockedValue({ $0[key] }) { return page }
            let page = compute()
            pages.withLockedValue { pages in
                if pages.count >= 512 { pages.removeAll(keepingCapacity: true) }
                pages[key] = page
            }
            return page
        }
    }

    private struct Slot {
        var current: Snapshot?
        var loading: Task<Snapshot, any Error>?
    }

    private let slots = NIOLockedValueBox<[UUID: Slot]>([:])
    let maxAge: TimeInterval

    init(maxAge: TimeInterval) {
        self.maxAge = maxAge
    }

    /// The agency's snapshot: the kept one while it is younger than `maxAge`; an older one while a new
    /// one loads; otherwise the load, shared by every viewer who asks meanwhile.
    func snapshot(organisationID: UUID, now: Date, load: @escaping @Sendable () async throws -> Snapshot) async throws -> Snapshot {
        guard maxAge > 0 else { return try await load() }
        enum Next { case ready(Snapshot), wait(Task<Snapshot, any Error>) }
        let next: Next = slots.withLockedValue { slots in
            var slot = slots[organisationID] ?? Slot()
            if let current = slot.current, now.timeIntervalSince(current.loadedAt) < maxAge { return .ready(current) }
            let loading = slot.loading ?? Task { [self] in
                do {
                    let snapshot = try await load()
                    self.slots.withLockedValue { $0[organisationID] = Slot(current: snapshot, loading: nil) }
                    return snapshot
                } catch {
                    self.slots.withLockedValue { $0[organisationID]?.loading = nil }
                    throw error
                }
            }
            slot.loading = loading
            slots[organisationID] = slot
            if let current = slot.current { return .ready(current) }
            return .wait(loading)
        }
        switch next {
        case .ready(let snapshot): return snapshot
        case .wait(let loading): return try await loading.value
        }
    }

    /// Waits for a load under way, if any (for tests and benchmarks that need the fresh copy).
    func settle(organisationID: UUID) async {
        let loading = slots.withLockedValue { $0[organisationID]?.loading }
        _ = try? await loading?.value
    }
}

extension Application {
    private struct OutcomeFiguresCacheKey: StorageKey { typealias Value = OutcomeFiguresCache }

    /// Set up by `configure(_:)` from the configuration's maximum age.
    var outcomeFigures: OutcomeFiguresCache {
        get {
            guard let cache = storage[OutcomeFiguresCacheKey.self] else { fatalError("configure(_:) has not run") }
            return cache
        }
        set { storage[OutcomeFiguresCacheKey.self] = newValue }
    }
}
