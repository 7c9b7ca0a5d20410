import Vapor

/// A path that exists for other methods answers 405 with `Allow` naming them, not 404 (RFC 9110
/// §15.5.6): "DELETE /api/v1/frameworks" is a wrong method, not a missing page.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            let response = try await next.respond(to: request)
            guard request.route == nil, response.status == .notFound, let allowed = allowedMethods(request) else { return response }
            throw Abort(.methodNotAllowed, headers: ["Allow": allowed])
        } catch let error as any AbortError where error.status == .notFound && request.route == nil {
            guard let allowed = allowedMethods(request) else { throw error }
            throw Abort(.methodNotAllowed, headers: ["Allow": allowed])
        }
    }

    /// The methods of the routes whose pattern fits the path; nil when there are none.
    private func allowedMethods(_ request: Request) -> String? {
        let segments = request.url.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var methods: Set<String> = []
        for route in request.application.routes.all where Self.fits(route.path, segments) {
            methods.insert(route.method.rawValue)
        }
        guard !methods.isEmpty, !methods.contains(request.method.rawValue) else { return nil }
        if methods.contains("GET") { methods.insert("HEAD") }
        return methods.sorted().joined(separator: ", ")
    }

    static func fits(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        for (index, component) in pattern.enumerated() {
            switch component {
            case .catchall: return segments.count > index
            case .anything, .parameter: if index >= segments.count { return false }
            case .constant(let text): if index >= segments.count || segments[index] != text { return false }
            }
        }
        return pattern.count == segments.count
    }
}
