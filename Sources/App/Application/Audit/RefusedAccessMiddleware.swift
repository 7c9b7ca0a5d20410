import Foundation
import JobcoachCore
import Vapor

/// Writes every 403 and 404 on a route that names a record into the audit trail (NEN 7513: refused
/// attempts are logged too). The entry names the actor and the route pattern, never whether the
/// record exists: a record out of reach and one that was never there answer alike, and are logged
/// alike. A scan is held to `RefusalLogLimiter`'s rate; the next entry counts what was held back.
struct RefusedAccessMiddleware: AsyncMiddleware {
    /// Path parameters that name something public or secret rather than a record: a 404 on them says
    /// nothing about anyone's data (a framework key), or the path holds a secret (a link token).
    static let notRecordParameters: Set<String> = ["framework", "version", "kind", "token"]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch let error as any AbortError where Self.isRefusal(error.status) {
            await record(request)
            throw error
        }
        if Self.isRefusal(response.status) { await record(request) }
        return response
    }

    private static func isRefusal(_ status: HTTPResponseStatus) -> Bool {
        status == .forbidden || status == .notFound
    }

    /// `GET /clients/:client/goals`, when the route has a record parameter.
    static func recordRoute(of request: Request) -> String? {
        guard let route = request.route else { return nil }
        let parameters = route.path.compactMap { component -> String? in
            if case .parameter(let name) = component { name } else { nil }
        }
        guard parameters.contains(where: { !notRecordParameters.contains($0) }) else { return nil }
        return "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    private func record(_ request: Request) async {
        guard let route = Self.recordRoute(of: request) else { return }
        let address = request.clientAddress
        let actor = request.auth.get(User.self)?.auditName ?? "anonymous"
        let admission = request.application.refusalLog.admit(actor: actor == "anonymous" ? "anonymous@\(address)" : actor,
                                                            at: request.clock.now())
        guard case .write(let heldBack) = admission else { return }
        var entryDetails = ["route": route, "address": address]
        if heldBack > 0 { entryDetails["heldBackBefore"] = String(heldBack) }
        let details = entryDetails
        do {
            try await request.change { db in
                try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: actor, action: "access.refused", details: details)
            }
        } catch {
            // The refusal stands either way; a trail that cannot be written is for the operator.
            request.logger.error("audit of a refused access failed: \(String(reflecting: error))")
        }
    }
}

/// The limiter's state, shared by the requests of this instance.
final class RefusalLog: @unchecked Sendable {
    private let lock = NSLock()
    private var limiter = RefusalLogLimiter()

    func admit(actor: String, at now: Date) -> RefusalLogLimiter.Admission {
        lock.withLock { limiter.admit(actor: actor, at: now) }
    }
}

extension Application {
    private struct RefusalLogKey: StorageKey { typealias Value = RefusalLog }

    var refusalLog: RefusalLog {
        if let log = storage[RefusalLogKey.self] { return log }
        let log = RefusalLog()
        storage[RefusalLogKey.self] = log
        return log
    }
}
