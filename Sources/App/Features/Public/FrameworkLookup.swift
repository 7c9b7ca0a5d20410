import JobcoachCore
import Vapor

/// Finds the framework version a request names, with the errors an API client or visitor needs:
/// 404 for an unknown framework or version, 400 naming a malformed parameter.
enum FrameworkLookup {
    static func frameworkID(_ request: Request) throws -> String {
        let id = try request.parameters.require("framework")
        guard request.standard.frameworks.contains(id) else {
            throw APIProblem.notFound("there is no framework '\(id)'")
        }
        return id
    }

    /// `?on=YYYY-MM-DD`, or today.
    static func day(_ request: Request, parameter: String = "on") throws -> CalendarDate {
        guard let text = try? request.query.get(String.self, at: parameter), !text.isEmpty else { return request.today }
        guard let day = CalendarDate(text) else {
            throw APIProblem.badParameter(parameter, "'\(parameter)' must be a date as YYYY-MM-DD, not '\(text)'")
        }
        return day
    }

    /// The version in force on `?on=` (or today).
    static func versionInForce(_ request: Request) throws -> FrameworkVersion {
        let id = try frameworkID(request)
        let day = try day(request)
        guard let version = request.standard.frameworks.version(id, on: day) else {
            let first = request.standard.frameworks.versions(of: id).first?.effectiveFrom.description ?? "?"
            throw APIProblem.notFound("framework '\(id)' has no version in force on \(day) (its first version starts on \(first))")
        }
        return version
    }

    /// The version named in the path.
    static func namedVersion(_ request: Request) throws -> FrameworkVersion {
        let id = try frameworkID(request)
        let name = try request.parameters.require("version")
        return try version(id, name, request: request)
    }

    static func version(_ id: String, _ name: String, request: Request) throws -> FrameworkVersion {
        guard let version = request.standard.frameworks.version(id, name) else {
            let known = request.standard.frameworks.versions(of: id).map(\.version).joined(separator: ", ")
            throw APIProblem.notFound("framework '\(id)' has no version '\(name)' (versions: \(known))")
        }
        return version
    }

    /// A required query parameter.
    static func required(_ request: Request, _ name: String) throws -> String {
        guard let value = try? request.query.get(String.self, at: name), !value.isEmpty else {
            throw APIProblem.badParameter(name, "query parameter '\(name)' is required")
        }
        return value
    }
}
