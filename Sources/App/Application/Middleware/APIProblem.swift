import Vapor

/// An error an API client can act on: the status, a message, and the parameter or field at fault.
struct APIProblem: AbortError, Sendable {
    var status: HTTPResponseStatus
    var message: String
    var parameter: String?
    var headers: HTTPHeaders = [:]

    var reason: String { message }

    static func notFound(_ message: String) -> APIProblem {
        APIProblem(status: .notFound, message: message)
    }

    static func badParameter(_ name: String, _ message: String) -> APIProblem {
        APIProblem(status: .badRequest, message: message, parameter: name)
    }
}

/// The JSON body of every API error.
struct APIErrorBody: Content {
    var error: String
    var message: String
    var parameter: String?
}
