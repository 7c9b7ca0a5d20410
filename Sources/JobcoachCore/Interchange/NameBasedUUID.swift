import Crypto
import Foundation

/// Name-based UUIDs, version 5 (RFC 9562 §5.5): the SHA-1 of a namespace and a name, so the same
/// name always gives the same identifier, on any machine.
public enum NameBasedUUID {
    public static func make(namespace: UUID, name: String) -> UUID {
        var bytes = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        bytes.append(contentsOf: Array(name.utf8))
        var digest = Array(Insecure.SHA1.hash(data: bytes).prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        return UUID(uuid: (digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
                           digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]))
    }

    /// The lowercase text form that CASE asks for.
    public static func text(namespace: UUID, name: String) -> String {
        make(namespace: namespace, name: name).uuidString.lowercased()
    }
}
