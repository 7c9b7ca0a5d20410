import CryptoExtras
import Foundation
import JWTKit

/// The register's signing keys, as PEM files in `<data directory>/keys`: `<kid>.pem` per key and
/// `current` naming the key that signs new credentials. A key is made at first start; rotation adds a
/// new current key and keeps the old ones, so credentials signed earlier still verify.
struct IssuerKeyStore: Sendable {
    struct Key: Sendable {
        var kid: String
        var privateKey: JWTKit.Insecure.RSA.PrivateKey
    }

    let directory: URL

    init(dataDirectory: URL) {
        directory = dataDirectory.appendingPathComponent("keys")
    }

    /// All keys, and which one is current; makes the first key when there is none.
    func load(now: Date) throws -> (keys: [Key], current: String) {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        var keys = try existingKeys()
        if keys.isEmpty {
            keys = [try makeKey(now: now)]
        }
        let currentFile = directory.appendingPathComponent("current")
        var current = (try? String(contentsOf: currentFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !keys.contains(where: { $0.kid == current }) {
            current = keys.map(\.kid).sorted().last!
            try current.write(to: currentFile, atomically: true, encoding: .utf8)
        }
        return (keys, current)
    }

    /// Makes a new key and makes it current. Returns its kid.
    @discardableResult
    func rotate(now: Date) throws -> String {
        _ = try load(now: now)
        let key = try makeKey(now: now)
        try key.kid.write(to: directory.appendingPathComponent("current"), atomically: true, encoding: .utf8)
        return key.kid
    }

    private func existingKeys() throws -> [Key] {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        return try files.filter { $0.pathExtension == "pem" }.sorted { $0.path < $1.path }.map { url in
            Key(kid: url.deletingPathExtension().lastPathComponent,
                privateKey: try JWTKit.Insecure.RSA.PrivateKey(pem: String(contentsOf: url, encoding: .utf8)))
        }
    }

    /// A 2048-bit RSA key named by its creation time, readable by the owner only.
    private func makeKey(now: Date) throws -> Key {
        let kid = "register-" + AuditTrail.timestamp(now).filter { $0.isNumber }
        let backing = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let key = try JWTKit.Insecure.RSA.PrivateKey(backing: backing)
        let url = directory.appendingPathComponent("\(kid).pem")
        guard FileManager.default.createFile(atPath: url.path, contents: Data(key.pemRepresentation.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationError("cannot write the signing key to \(url.path)")
        }
        return Key(kid: kid, privateKey: key)
    }
}
