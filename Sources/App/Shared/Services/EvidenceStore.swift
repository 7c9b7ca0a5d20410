import Crypto
import Foundation
import Vapor

/// Where uploaded evidence is kept. Files are named by their SHA-256, so the same file uploaded twice
/// is stored once and a file cannot be changed under its name.
protocol EvidenceStore: Sendable {
    /// Stores the bytes and returns their SHA-256 (hex).
    func store(_ data: Data) throws -> String
    func read(sha256: String) throws -> Data
    /// Removes the file; the caller makes sure no record names it any more.
    func delete(sha256: String) throws
}

/// Evidence on disk under `<data directory>/evidence/ab/abcdef…`.
struct FileEvidenceStore: EvidenceStore {
    let directory: URL

    init(dataDirectory: URL) {
        directory = dataDirectory.appendingPathComponent("evidence")
    }

    func store(_ data: Data) throws -> String {
        let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let folder = directory.appendingPathComponent(String(hash.prefix(2)))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let url = folder.appendingPathComponent(hash)
        if !FileManager.default.fileExists(atPath: url.path) {
            try data.write(to: url, options: .atomic)
        }
        return hash
    }

    func read(sha256: String) throws -> Data {
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else { throw Abort(.notFound) }
        return try Data(contentsOf: url(sha256))
    }

    func delete(sha256: String) throws {
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else { return }
        let file = url(sha256)
        if FileManager.default.fileExists(atPath: file.path) { try FileManager.default.removeItem(at: file) }
    }

    private func url(_ sha256: String) -> URL {
        directory.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256)
    }
}

extension Application {
    private struct EvidenceStoreKey: StorageKey { typealias Value = any EvidenceStore }

    var evidence: any EvidenceStore {
        get { storage[EvidenceStoreKey.self] ?? FileEvidenceStore(dataDirectory: configuration.dataDirectory) }
        set { storage[EvidenceStoreKey.self] = newValue }
    }
}
