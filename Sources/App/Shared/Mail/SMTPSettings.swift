import Foundation

/// Where mail goes: `SMTP_URL`, for example `smtp://user:password@mail.example.org:587` (STARTTLS
/// when the server offers it) or `smtps://…:465` (TLS from the first byte). `SMTP_CA_FILE` names a PEM
/// file of certificates to trust instead of the system's (a private mail server).
struct SMTPSettings: Sendable, Equatable {
    enum Security: Sendable, Equatable {
        case startTLSWhenOffered
        case implicitTLS
    }

    var host: String
    var port: Int
    var security: Security
    var username: String?
    var password: String?
    var trustedCertificatesFile: String?

    /// The server without the password, for the admin page and the log.
    var description: String { "\(security == .implicitTLS ? "smtps" : "smtp")://\(host):\(port)" }

    static func parse(_ value: String?, trustedCertificatesFile: String?) throws -> SMTPSettings? {
        guard let value, !value.isEmpty else { return nil }
        guard let url = URLComponents(string: value), let scheme = url.scheme?.lowercased(), ["smtp", "smtps"].contains(scheme),
              let host = url.host, !host.isEmpty
        else {
            throw ConfigurationError("SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465, not '\(Self.redacted(value))'")
        }
        let security: Security = scheme == "smtps" ? .implicitTLS : .startTLSWhenOffered
        let port = url.port ?? (security == .implicitTLS ? 465 : 587)
        guard (1...65_535).contains(port) else { throw ConfigurationError("SMTP_URL: port \(port) is out of range") }
        let file = trustedCertificatesFile.flatMap { $0.isEmpty ? nil : $0 }
        if let file, !FileManager.default.fileExists(atPath: file) {
            throw ConfigurationError("SMTP_CA_FILE: no file at '\(file)'")
        }
        return SMTPSettings(host: host, port: port, security: security,
                            username: url.percentEncodedUser.flatMap { $0.removingPercentEncoding },
                            password: url.percentEncodedPassword.flatMap { $0.removingPercentEncoding },
                            trustedCertificatesFile: file)
    }

    /// The URL with its password left out, for an error message.
    private static func redacted(_ value: String) -> String {
        value.replacing(/:[^:@\/]*@/, with: ":…@")
    }
}
