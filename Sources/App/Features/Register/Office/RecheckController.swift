import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The officer's re-check after a framework revision: choose a version, see (or download as CSV)
/// which certified coaches would no longer meet it and why.
enum RecheckController {
    static func page(_ request: Request) async throws -> Response {
        let officer = try request.auth.require(User.self)
        let choice = (try? request.query.get(String.self, at: "version")) ?? ""
        let versions = request.standard.frameworks.allVersions.filter { !$0.entryRequirements.isEmpty }
        guard !choice.isEmpty else {
            return try await request.page(.recheck, RecheckContext(request: request, versions: versions, chosen: nil, run: nil))
        }
        let parts = choice.split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2, let version = request.standard.frameworks.version(parts[0], parts[1]) else { throw Abort(.notFound) }
        let run = try await RegisterRecheckRun.run(version: version, standard: request.standard, on: request.db,
                                                   at: request.clock.now(), date: request.today, language: request.language)
        _ = try await request.change { db in
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: officer.auditName, action: "register.rechecked",
                                                              details: ["version": choice, "checked": String(run.checked), "failing": String(run.rows.count)])
        }
        if (try? request.query.get(String.self, at: "format")) == "csv" {
            let response = Response(status: .ok, body: .init(string: run.csv()))
            response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"recheck-\(version.id)-\(version.version).csv\"")
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        }
        return try await request.page(.recheck, RecheckContext(request: request, versions: versions, chosen: version, run: run))
    }
}
