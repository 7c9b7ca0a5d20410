import Vapor

/// Turns every error into a response with its real status: JSON for the API, an accessible page in
/// the visitor's language for browsers. Server errors are logged with the request id and shown
/// without internals.
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return await response(for: error, request: request)
        }
    }

    private func response(for error: any Error, request: Request) async -> Response {
        let (status, message, parameter) = describe(error, request: request)
        if status.code >= 500 {
            request.logger.error("\(status.code) \(request.method) \(request.url.path): \(String(reflecting: error))")
        } else {
            request.logger.debug("\(status.code) \(request.method) \(request.url.path): \(message)")
        }
        if wantsJSON(request) {
            let body = APIErrorBody(error: Self.slug(status), message: message, parameter: parameter)
            let response = Response(status: status)
            try? response.content.encode(body)
            if let abort = error as? any AbortError { response.headers.add(contentsOf: abort.headers) }
            return response
        }
        let page = ErrorPage(layout: Layout(request: request, title: title(status, request)),
                             status: Int(status.code), heading: title(status, request), message: message,
                             homeURL: SiteURL.home.path)
        do {
            let response = try await request.render(.error, page).encodeResponse(status: status, for: request)
            if let abort = error as? any AbortError {
                for (name, value) in abort.headers where ["location", "retry-after", "allow"].contains(name.lowercased()) {
                    response.headers.replaceOrAdd(name: name, value: value)
                }
            }
            return response
        } catch {
            request.logger.critical("error page failed: \(String(reflecting: error))")
            let response = Response(status: status, body: .init(string: "\(status.code) \(message)"))
            response.headers.contentType = .plainText
            return response
        }
    }

    private func describe(_ error: any Error, request: Request) -> (HTTPResponseStatus, String, String?) {
        switch error {
        case let problem as APIProblem:
            return (problem.status, problem.message, problem.parameter)
        case let decoding as DecodingError:
            let (field, message) = DecodingErrorDescription.describe(decoding)
            return (.badRequest, message, field)
        case let abort as any AbortError:
            // A 503 carries our own words on what to install or wait for; other server errors say nothing inside.
            if abort.status.code >= 500, abort.status != .serviceUnavailable { return (abort.status, request.t("errorServerMessage"), nil) }
            let generic = abort.reason == abort.status.reasonPhrase
            return (abort.status, generic ? defaultMessage(abort.status, request) : abort.reason, nil)
        default:
            return (.internalServerError, request.t("errorServerMessage"), nil)
        }
    }

    private func wantsJSON(_ request: Request) -> Bool {
        let path = request.url.path
        if path.hasPrefix("/api/") || path == SiteURL.health.path || path == SiteURL.openAPI.path { return true }
        let accept = request.headers.first(name: .accept) ?? ""
        return accept.contains("application/json") && !accept.contains("text/html")
    }

    private func title(_ status: HTTPResponseStatus, _ request: Request) -> String {
        switch status.code {
        case 400: request.t("error400Title")
        case 401: request.t("error401Title")
        case 403: request.t("error403Title")
        case 404: request.t("error404Title")
        case 405: request.t("error405Title")
        case 429: request.t("error429Title")
        case 500...: request.t("error500Title")
        default: status.reasonPhrase
        }
    }

    private func defaultMessage(_ status: HTTPResponseStatus, _ request: Request) -> String {
        switch status.code {
        case 404: request.t("error404Message")
        case 403: request.t("error403Message")
        case 401: request.t("error401Message")
        default: status.reasonPhrase
        }
    }

    /// `not_found`, `bad_request`, ...: a stable word for programs.
    static func slug(_ status: HTTPResponseStatus) -> String {
        status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
            .replacingOccurrences(of: "'", with: "")
    }
}

struct ErrorPage: Encodable {
    var layout: Layout
    var status: Int
    var heading: String
    var message: String
    var homeURL: String
}
