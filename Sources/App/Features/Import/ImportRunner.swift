import Fluent
import Foundation
import JobcoachCore
import NIOConcurrencyHelpers
import Vapor

/// Checks import files (the dry run, kept as a run) and writes them all or nothing, for the page and
/// for `jobcoach import` alike.
struct ImportRunner: Sendable {
    var application: Application

    /// How long a checked file is kept for the user to import it.
    static let keepFor: TimeInterval = 24 * 3_600
    static let maxBytes = 10 * 1_024 * 1_024

    enum Outcome: Sendable {
        case created(Int)
        /// The file no longer passes: what it holds is there now, or a coach left the team.
        case refused(ImportCheck)
    }

    func context(for actor: PracticeActor, on database: any Database) async throws -> ImportContext {
        try await ImportContext.load(actor: actor, on: database, standard: application.standard, strings: application.strings,
                                     now: application.clock.now(), timeZone: application.configuration.timeZone)
    }

    /// Checks a file and keeps the run: with the file when `keep`, so it can be imported from the page
    /// later. Audited, and the files of runs older than a day are dropped in the same change.
    func check(_ data: Data, kind: ImportKind, fileName: String, actor: PracticeActor, keep: Bool) async throws -> (ImportRun, ImportCheck) {
        let check = ImportCheck.run(data, kind: kind, context: try await context(for: actor, on: application.db))
        let now = application.clock.now()
        let run = ImportRun()
        run.id = UUID()
        run.organisationID = actor.organisationID
        run.userID = actor.userID
        run.kind = kind.rawValue
        run.fileName = String(fileName.prefix(200))
        run.content = keep && check.problems.isEmpty ? data : nil
        run.rowCount = check.rowCount
        run.problems = check.problems
        run.status = check.problems.isEmpty ? .ready : .refused
        run.createdCount = 0
        run.createdAt = now
        run.finishedAt = nil
        let clock = application.clock
        try await application.changes.perform(on: application.db) { db in
            try await run.create(on: db)
            try await ImportRun.query(on: db).filter(\.$createdAt < now.addingTimeInterval(-Self.keepFor)).filter(\.$content != nil)
                .set(\.$content, to: nil).update()
            try await AuditTrail(clock: clock).record(on: db, chain: .organisation(actor.organisationID), actor: actor.user.auditName, action: "import.checked", subject: "import:\(run.id!.uuidString)",
                                                      details: ["organisation": actor.organisationID.uuidString, "kind": kind.rawValue,
                                                                "rows": String(check.rowCount), "problems": String(check.problems.count)])
        }
        return (run, check)
    }

    /// Writes a run's file in one transaction: checked again inside it against what is there now,
    /// then written; the run is marked done in the same change. A failure leaves nothing written and
    /// the run marked failed.
    func execute(_ run: ImportRun, data: Data, actor: PracticeActor, progress: @escaping @Sendable (Int, Int) -> Void) async throws -> Outcome {
        guard let kind = ImportKind(rawValue: run.kind) else { throw Abort(.notFound) }
        let runner = self
        let clock = application.clock
        let fileName = run.fileName
        do {
            let outcome: Outcome = try await application.changes.perform(on: application.db) { db in
                let context = try await runner.context(for: actor, on: db)
                let check = ImportCheck.run(data, kind: kind, context: context)
                guard check.problems.isEmpty else { return .refused(check) }
                progress(0, check.plannedCount)
                let created = try await ImportWriter(context: context, runID: run.id!, fileName: fileName, clock: clock)
                    .write(check, on: db, progress: progress)
                run.status = .done
                run.createdCount = created
                run.content = nil
                run.finishedAt = clock.now()
                try await run.update(on: db)
                return .created(created)
            }
            if case .refused(let check) = outcome {
                try await finish(run, status: .refused, problems: check.problems, actor: actor, action: "import.refused")
            }
            return outcome
        } catch {
            application.logger.error("import \(run.id!.uuidString) failed: \(String(describing: error))")
            try? await finish(run, status: .failed, problems: [], actor: actor, action: "import.failed")
            throw error
        }
    }

    private func finish(_ run: ImportRun, status: ImportRun.Status, problems: [ImportProblem], actor: PracticeActor, action: String) async throws {
        let clock = application.clock
        try await application.changes.perform(on: application.db) { db in
            run.status = status
            run.problems = problems
            run.finishedAt = clock.now()
            if status == .refused { run.content = nil }
            try await run.update(on: db)
            try await AuditTrail(clock: clock).record(on: db, chain: .organisation(actor.organisationID), actor: actor.user.auditName, action: action, subject: "import:\(run.id!.uuidString)",
                                                      details: ["organisation": actor.organisationID.uuidString, "kind": run.kind])
        }
    }
}

/// Imports started from the page run in the background of the server; this board holds how far
/// each has got, for the progress bar, and lets shutdown (and tests) wait for them.
final class ImportJobs: LifecycleHandler, Sendable {
    struct Progress: Sendable, Equatable {
        var done: Int
        var total: Int
    }

    private let state = NIOLockedValueBox<(progress: [UUID: Progress], tasks: [UUID: Task<Void, Never>])>(([:], [:]))

    func start(_ id: UUID, total: Int, _ work: @escaping @Sendable (_ report: @escaping @Sendable (Int, Int) -> Void) async -> Void) {
        state.withLockedValue { state in
            state.progress[id] = Progress(done: 0, total: total)
            state.tasks[id] = Task { [self] in
                await work { done, total in
                    self.state.withLockedValue { $0.progress[id] = Progress(done: done, total: total) }
                }
                self.state.withLockedValue { state in
                    state.progress[id] = nil
                    state.tasks[id] = nil
                }
            }
        }
    }

    /// How far a running import has got; nil when none with this id runs in this server.
    func progress(_ id: UUID) -> Progress? {
        state.withLockedValue { $0.progress[id] }
    }

    func wait(_ id: UUID) async {
        await state.withLockedValue { $0.tasks[id] }?.value
    }

    func shutdownAsync(_ application: Application) async {
        for task in state.withLockedValue({ Array($0.tasks.values) }) { await task.value }
    }
}

extension Application {
    private struct ImportJobsKey: StorageKey { typealias Value = ImportJobs }

    /// Set once in `configure`, where it also joins the lifecycle.
    var importJobs: ImportJobs {
        get { storage[ImportJobsKey.self]! }
        set { storage[ImportJobsKey.self] = newValue }
    }

    var imports: ImportRunner { ImportRunner(application: self) }
}
