import Foundation
import JobcoachCore
import Vapor

/// The JSON of every framework version and of the framework list, encoded once at start: the data
/// cannot change while the server runs, and encoding a whole framework on every request would cost
/// far more than sending it.
struct FrameworkJSONCache: Sendable {
    private let versions: [String: Data]
    let summaries: Data

    init(catalog: FrameworkCatalog, encoder: JSONEncoder) throws {
        var versions: [String: Data] = [:]
        for version in catalog.allVersions {
            versions[Self.key(version.id, version.version)] = try encoder.encode(version)
        }
        self.versions = versions
        self.summaries = try encoder.encode(catalog.summaries)
    }

    func json(for version: FrameworkVersion) -> Data? {
        versions[Self.key(version.id, version.version)]
    }

    private static func key(_ id: String, _ version: String) -> String { "\(id)\u{1F}\(version)" }
}

extension Application {
    private struct FrameworkJSONCacheKey: StorageKey { typealias Value = FrameworkJSONCache }

    var frameworkJSON: FrameworkJSONCache {
        get {
            guard let value = storage[FrameworkJSONCacheKey.self] else { fatalError("configure(_:) has not encoded the frameworks") }
            return value
        }
        set { storage[FrameworkJSONCacheKey.self] = newValue }
    }
}
