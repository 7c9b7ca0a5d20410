import Fluent
import Vapor

/// Runs a change a user makes as one transaction, so nothing is half-written, and keeps audit
/// appends in order: on SQLite by letting one change through at a time, on PostgreSQL by the
/// advisory lock `AuditTrail` takes inside the transaction.
struct ChangeRunner: Sendable {
    let gate: AsyncGate?

    func perform<T: Sendable>(on database: any Database,
                              _ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let gate else { return try await database.transaction(work) }
        await gate.acquire()
        do {
            let result = try await database.transaction(work)
            await gate.release()
            return result
        } catch {
            await gate.release()
            throw error
        }
    }
}

extension Application {
    private struct ChangeRunnerKey: StorageKey { typealias Value = ChangeRunner }

    var changes: ChangeRunner {
        get { storage[ChangeRunnerKey.self] ?? ChangeRunner(gate: nil) }
        set { storage[ChangeRunnerKey.self] = newValue }
    }
}

extension Request {
    /// One transaction for one change; see `ChangeRunner`.
    func change<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await application.changes.perform(on: db, work)
    }
}
