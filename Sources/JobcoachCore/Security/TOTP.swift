import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238, on HOTP of RFC 4226): the six digits an authenticator
/// app shows for a shared secret, a new code every 30 seconds.
public struct TOTP: Sendable {
    public enum Algorithm: String, Sendable {
        case sha1 = "SHA1"
        case sha256 = "SHA256"
        case sha512 = "SHA512"
    }

    public var secret: [UInt8]
    public var digits: Int
    public var period: Int
    public var algorithm: Algorithm

    /// The settings every common authenticator app reads from a QR code: SHA-1, 6 digits, 30 s.
    public init(secret: [UInt8], digits: Int = 6, period: Int = 30, algorithm: Algorithm = .sha1) {
        self.secret = secret
        self.digits = digits
        self.period = period
        self.algorithm = algorithm
    }

    /// The time step a moment falls in: whole periods since 1970.
    public func step(at time: Date) -> Int64 {
        Int64((time.timeIntervalSince1970 / Double(period)).rounded(.down))
    }

    public func code(at time: Date) -> String { code(step: step(at: time)) }

    /// HOTP (RFC 4226 section 5.3): HMAC of the counter, dynamic truncation, the last `digits` digits.
    public func code(step: Int64) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let key = SymmetricKey(data: secret)
        let mac: [UInt8] = switch algorithm {
        case .sha1: Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
        case .sha256: Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        case .sha512: Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
        }
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let number = String(binary % modulus)
        return String(repeating: "0", count: max(0, digits - number.count)) + number
    }

    /// The step whose code `entered` is, within `window` steps either side of `time` (clocks drift,
    /// people type slowly); nil when none matches. Spaces in what was typed are ignored. A step at or
    /// before `usedUpTo` is refused, so that a code works once.
    public func matchingStep(_ entered: String, at time: Date, window: Int = 1, usedUpTo: Int64? = nil) -> Int64? {
        let typed = entered.filter { !$0.isWhitespace }
        guard typed.count == digits, typed.allSatisfy(\.isASCII), typed.allSatisfy(\.isNumber) else { return nil }
        let now = step(at: time)
        for offset in -window...window {
            let candidate = now + Int64(offset)
            if let usedUpTo, candidate <= usedUpTo { continue }
            if Self.constantTimeEqual(code(step: candidate), typed) { return candidate }
        }
        return nil
    }

    /// The `otpauth://` address an authenticator app reads from the QR code.
    public func provisioningURI(issuer: String, account: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~@"))
        let label = "\(issuer):\(account)".addingPercentEncoding(withAllowedCharacters: allowed.union(CharacterSet(charactersIn: ":"))) ?? account
        let issuerParameter = issuer.addingPercentEncoding(withAllowedCharacters: allowed) ?? issuer
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(issuerParameter)"
            + "&algorithm=\(algorithm.rawValue)&digits=\(digits)&period=\(period)"
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// RFC 4648 base 32, the alphabet of TOTP secrets: A-Z and 2-7, without padding.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    public static func encode(_ bytes: [UInt8]) -> String {
        var result = "", buffer = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                result.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { result.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return result
    }

    /// Reads a secret as people copy it: upper or lower case, with spaces or padding; nil for any other character.
    public static func decode(_ text: String) -> [UInt8]? {
        var result: [UInt8] = [], buffer = 0, bits = 0
        for character in text.uppercased() where character != " " && character != "=" {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                result.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return result
    }
}

/// The codes that stand in for the authenticator app when it is lost: ten, each usable once,
/// shown once at enrolment and stored only as hashes.
public enum RecoveryCodes {
    public static let count = 10

    /// A code of 10 characters in two groups ("k7qm-2xdp9"), made from 7 random bytes; `random`
    /// is given, so the rule stays deterministic.
    public static func code(from random: [UInt8]) -> String {
        let text = Base32.encode(random).lowercased()
        return String(text.prefix(5)) + "-" + String(text.dropFirst(5).prefix(5))
    }

    /// What was typed, as it is hashed: lower case, without spaces or hyphens.
    public static func normalized(_ entered: String) -> String {
        entered.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
