import Fluent
import JobcoachCore
import SQLKit
import Vapor

/// The JSON API (described in /openapi.json). Public reads of the standard; `me` needs a token.
enum APIController {
    struct Health: Content {
        var status: String
        var database: String
    }

    static func health(_ request: Request) async throws -> Response {
        let kind = request.application.configuration.database.kind
        do {
            if let sql = request.db as? any SQLDatabase {
                try await sql.raw("SELECT 1").run()
            }
            return try await Health(status: "ok", database: kind).encodeResponse(for: request)
        } catch {
            request.logger.error("health check: database unavailable: \(String(reflecting: error))")
            return try await Health(status: "unavailable", database: kind)
                .encodeResponse(status: .serviceUnavailable, for: request)
        }
    }

    static func frameworks(_ request: Request) async throws -> Response {
        encoded(request.application.frameworkJSON.summaries)
    }

    static func framework(_ request: Request) async throws -> Response {
        try await versionJSON(try FrameworkLookup.versionInForce(request), request)
    }

    static func frameworkVersion(_ request: Request) async throws -> Response {
        try await versionJSON(try FrameworkLookup.namedVersion(request), request)
    }

    private static func versionJSON(_ version: FrameworkVersion, _ request: Request) async throws -> Response {
        if let data = request.application.frameworkJSON.json(for: version) { return encoded(data) }
        return try await json(version, request)
    }

    private static func encoded(_ data: Data) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .json
        return response
    }

    static func frameworkDiff(_ request: Request) async throws -> Response {
        let id = try FrameworkLookup.frameworkID(request)
        let from = try FrameworkLookup.version(id, try FrameworkLookup.required(request, "from"), request: request)
        let to = try FrameworkLookup.version(id, try FrameworkLookup.required(request, "to"), request: request)
        return try await json(FrameworkDiff(from: from, to: to), request)
    }

    struct LevelsBody: Encodable {
        var frameworks: [QualificationFramework]
        var crosswalk: [CrosswalkRow]
    }

    static func qualificationLevels(_ request: Request) async throws -> Response {
        let levels = request.standard.levels
        return try await json(LevelsBody(frameworks: levels.frameworks, crosswalk: levels.crosswalk), request)
    }

    struct OccupationResult: Encodable {
        var uri: String
        var iscoCode: String
        var iscoGroup: String?
        var preferredLabel: String
        var matchedLabel: String
        var altLabels: [String]
    }

    struct OccupationsBody: Encodable {
        var query: String
        var results: [OccupationResult]
        var attribution: String
    }

    static let escoAttribution = "ESCO, European Commission, CC BY 4.0"

    static func occupations(_ request: Request) async throws -> Response {
        let query = try FrameworkLookup.required(request, "q")
        let limit = try limitParameter(request)
        let catalog = request.standard.occupations
        let results = catalog.search(query, limit: limit).map { match in
            OccupationResult(uri: match.occupation.uri, iscoCode: match.occupation.iscoCode,
                             iscoGroup: catalog.iscoGroups[match.occupation.iscoCode]?.label,
                             preferredLabel: match.occupation.preferredLabel, matchedLabel: match.matchedLabel,
                             altLabels: match.occupation.altLabels)
        }
        return try await json(OccupationsBody(query: query, results: results, attribution: escoAttribution), request)
    }

    static func limitParameter(_ request: Request) throws -> Int {
        guard let text = try? request.query.get(String.self, at: "limit") else { return 20 }
        guard let limit = Int(text), (1...100).contains(limit) else {
            throw APIProblem.badParameter("limit", "'limit' must be a whole number from 1 to 100, not '\(text)'")
        }
        return limit
    }

    struct Me: Encodable {
        var id: UUID
        var email: String
        var displayName: String
        var role: String
    }

    static func me(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        return try await json(Me(id: try user.requireID(), email: user.email, displayName: user.displayName,
                                 role: user.role.rawValue), request)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Encodes any `Encodable` (core types are not `Content`) as a JSON response.
    static func json<T: Encodable>(_ value: T, _ request: Request, status: HTTPStatus = .ok) async throws -> Response {
        let response = Response(status: status)
        response.headers.contentType = .json
        response.body = .init(data: try encoder.encode(value))
        return response
    }
}
