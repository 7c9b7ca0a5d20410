import Foundation
import Vapor
import Yams

/// Serves the OpenAPI 3.1 description of the API, written as YAML in Resources/openapi.yaml and
/// turned into JSON once at start.
enum OpenAPIController {
    static func load(from url: URL) throws -> Data {
        let yaml = try String(contentsOf: url, encoding: .utf8)
        guard let document = try Yams.load(yaml: yaml) else { throw ConfigurationError("openapi.yaml is empty") }
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    static func document(_ request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(data: request.application.openAPIDocument))
        response.headers.contentType = .json
        return response
    }
}

extension Application {
    private struct OpenAPIKey: StorageKey { typealias Value = Data }

    var openAPIDocument: Data {
        get { storage[OpenAPIKey.self] ?? Data("{}".utf8) }
        set { storage[OpenAPIKey.self] = newValue }
    }
}
