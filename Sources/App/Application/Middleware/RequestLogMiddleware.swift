import Foundation
import Vapor

/// One log line per request when it is answered: the request id, the method, the route's pattern
/// (`/clients/:client`, never the path with its ids, never the query with what was searched), the
/// status and the duration. Nothing in it names a person.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next.respond(to: request)
            log(request, status: response.status, since: started)
            return response
        } catch {
            // The error page middleware inside has answered what it could; what reaches here is a 500.
            log(request, status: (error as? any AbortError)?.status ?? .internalServerError, since: started)
            throw error
        }
    }

    private func log(_ request: Request, status: HTTPResponseStatus, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        request.logger.info("request", metadata: [
            "method": .string(request.method.rawValue),
            "route": .string(Self.pattern(of: request)),
            "status": .stringConvertible(status.code),
            "duration_ms": .string(String(format: "%.2f", milliseconds)),
        ])
    }

    /// The route as registered (`/clients/:client`); a path no route has is `unmatched`.
    static func pattern(of request: Request) -> String {
        guard let route = request.route else { return "unmatched" }
        return "/" + route.path.map(\.description).joined(separator: "/")
    }
}
