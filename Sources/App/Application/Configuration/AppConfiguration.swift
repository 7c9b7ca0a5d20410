import Foundation
import JobcoachCore
import NIOCore
import Vapor

/// Every setting, read once at start from the environment. Nothing else reads `Environment.get`.
struct AppConfiguration: Sendable {
    var database: DatabaseSetting
    /// Bcrypt cost: 12 in production; tests lower it to stay fast.
    var bcryptCost: Int
    /// Set the `Secure` flag on cookies (behind HTTPS). `JOBCOACH_SECURE_COOKIES=1`.
    var secureCookies: Bool
    /// The time zone that decides what "today" is (for the version of a framework in force).
    var timeZone: TimeZone
    /// Load demo users and print their logins (`serve --demo`).
    var demo: Bool
    /// Migrate and create the first administrator before the command runs (for `serve`).
    var runStartupTasks: Bool
    /// A fixed password for the demo users (`JOBCOACH_DEMO_PASSWORD`); random when unset.
    var demoPassword: String?
    /// The e-mail of the admin created on an empty database.
    var initialAdminEmail: String
    /// Registers `/bench/bare`, the do-nothing route benchmarks compare against.
    var benchmarkRoute: Bool
    /// Failed logins within `loginWindow` before an account is locked from one address, and before
    /// an address or an account is slowed (`LoginThrottlePolicy`).
    var loginLockPerPair: Int
    var loginSlowPerAddress: Int
    var loginSlowPerAccount: Int = 10
    var loginWindow: TimeInterval
    /// Where signing keys and evidence files are kept (`JOBCOACH_DATA_DIR`, default `data`).
    var dataDirectory: URL
    /// The address the register is reached at, used as the credentials' issuer id and in their
    /// links (`JOBCOACH_PUBLIC_URL`).
    var publicURL: String
    /// The name credentials give their issuer.
    var registerName: String
    /// How long an agency's outcome figures are kept before they are counted again, in seconds
    /// (`JOBCOACH_OUTCOMES_MAX_AGE`, default 60; 0 counts on every view).
    var outcomesMaxAge: TimeInterval = 60
    /// The mail server (`SMTP_URL`, `SMTP_CA_FILE`); without one, mail waits in the outbox.
    var smtp: SMTPSettings?
    /// The address mail comes from (`JOBCOACH_MAIL_FROM`, default `noreply@` the public host).
    var mailFrom = "noreply@localhost"
    /// How often the background sender looks for mail to send, in seconds (`JOBCOACH_MAIL_POLL_SECONDS`).
    var mailPollSeconds: TimeInterval = 30
    /// Reverse proxies whose `X-Forwarded-For` names the client (`JOBCOACH_TRUSTED_PROXIES`, comma
    /// separated addresses; `local` for a connection without an IP address, such as a Unix socket).
    var trustedProxies: Set<String> = []
    /// How often `serve` seals the audit trail's new entries (`JOBCOACH_AUDIT_SEAL_MILLISECONDS`,
    /// 10 to 900; the bound on an entry's wait is 1 s).
    var auditSealInterval: TimeInterval = 0.2
    /// Whether this process seals at all (`JOBCOACH_AUDIT_SEALER=off`: another instance does).
    var auditSeals = true
    /// Entries per sealing transaction (`JOBCOACH_AUDIT_SEAL_BATCH`).
    var auditSealBatch = 500
    /// How often the head of each chain is signed and stored (`JOBCOACH_AUDIT_CHECKPOINT_SECONDS`).
    var auditCheckpointInterval: TimeInterval = 300

    static func fromEnvironment(options: LaunchOptions) throws -> AppConfiguration {
        let env = ProcessInfo.processInfo.environment
        let zoneName = env["JOBCOACH_TIME_ZONE"] ?? "Europe/Amsterdam"
        guard let zone = TimeZone(identifier: zoneName) else {
            throw ConfigurationError("JOBCOACH_TIME_ZONE: unknown time zone '\(zoneName)'")
        }
        return AppConfiguration(
            database: try DatabaseSetting.parse(env["DATABASE_URL"]),
            bcryptCost: 12,
            secureCookies: ["1", "true", "yes"].contains(env["JOBCOACH_SECURE_COOKIES"]?.lowercased() ?? ""),
            timeZone: zone,
            demo: options.demo,
            runStartupTasks: options.serving,
            demoPassword: env["JOBCOACH_DEMO_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 },
            initialAdminEmail: env["JOBCOACH_ADMIN_EMAIL"] ?? "admin@jobcoach.local",
            benchmarkRoute: env["JOBCOACH_BENCH_ROUTE"] == "1",
            loginLockPerPair: 5,
            loginSlowPerAddress: 20,
            loginSlowPerAccount: 10,
            loginWindow: 15 * 60,
            dataDirectory: URL(fileURLWithPath: env["JOBCOACH_DATA_DIR"] ?? "data", isDirectory: true),
            publicURL: try parsePublicURL(env["JOBCOACH_PUBLIC_URL"]),
            registerName: env["JOBCOACH_REGISTER_NAME"] ?? "Jobcoach register",
            outcomesMaxAge: try parseSeconds(env["JOBCOACH_OUTCOMES_MAX_AGE"], name: "JOBCOACH_OUTCOMES_MAX_AGE", default: 60),
            smtp: try SMTPSettings.parse(env["SMTP_URL"], trustedCertificatesFile: env["SMTP_CA_FILE"]),
            mailFrom: try parseMailFrom(env["JOBCOACH_MAIL_FROM"], publicURL: try parsePublicURL(env["JOBCOACH_PUBLIC_URL"])),
            mailPollSeconds: max(1, try parseSeconds(env["JOBCOACH_MAIL_POLL_SECONDS"], name: "JOBCOACH_MAIL_POLL_SECONDS", default: 30)),
            trustedProxies: try parseTrustedProxies(env["JOBCOACH_TRUSTED_PROXIES"]),
            auditSealInterval: try parseWholeNumber(env["JOBCOACH_AUDIT_SEAL_MILLISECONDS"], name: "JOBCOACH_AUDIT_SEAL_MILLISECONDS",
                                                    range: 10...900, default: 200, unit: "milliseconds") / 1_000,
            auditSeals: try parseSwitch(env["JOBCOACH_AUDIT_SEALER"], name: "JOBCOACH_AUDIT_SEALER"),
            auditSealBatch: Int(try parseWholeNumber(env["JOBCOACH_AUDIT_SEAL_BATCH"], name: "JOBCOACH_AUDIT_SEAL_BATCH",
                                                     range: 1...5_000, default: 500, unit: "entries")),
            auditCheckpointInterval: max(1, try parseSeconds(env["JOBCOACH_AUDIT_CHECKPOINT_SECONDS"], name: "JOBCOACH_AUDIT_CHECKPOINT_SECONDS",
                                                             default: 300)))
    }
}

/// A whole number of seconds from 0 to a day.
private func parseSeconds(_ value: String?, name: String, default fallback: TimeInterval) throws -> TimeInterval {
    guard let value, !value.isEmpty else { return fallback }
    guard let seconds = Int(value), (0...86_400).contains(seconds) else {
        throw ConfigurationError("\(name) must be a whole number of seconds from 0 to 86400, not '\(value)'")
    }
    return TimeInterval(seconds)
}

/// `on` (the default) or `off`.
private func parseSwitch(_ value: String?, name: String) throws -> Bool {
    switch value?.lowercased() ?? "" {
    case "", "on": return true
    case "off": return false
    default: throw ConfigurationError("\(name) must be on or off, not '\(value ?? "")'")
    }
}

/// A whole number within `range`.
private func parseWholeNumber(_ value: String?, name: String, range: ClosedRange<Int>, default fallback: Int, unit: String) throws -> TimeInterval {
    guard let value, !value.isEmpty else { return TimeInterval(fallback) }
    guard let number = Int(value), range.contains(number) else {
        throw ConfigurationError("\(name) must be a whole number of \(unit) from \(range.lowerBound) to \(range.upperBound), not '\(value)'")
    }
    return TimeInterval(number)
}

/// `JOBCOACH_TRUSTED_PROXIES`: IP addresses (v4 or v6) or `local`, separated by commas.
private func parseTrustedProxies(_ value: String?) throws -> Set<String> {
    guard let value, !value.isEmpty else { return [] }
    var proxies: Set<String> = []
    for part in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
        guard part == ClientAddress.noSocketAddress || (try? SocketAddress(ipAddress: part, port: 0)) != nil else {
            throw ConfigurationError("JOBCOACH_TRUSTED_PROXIES must list IP addresses (or local), separated by commas, not '\(part)'")
        }
        proxies.insert(part)
    }
    return proxies
}

/// `JOBCOACH_MAIL_FROM`: a plain address; by default `noreply@` the host of the public URL.
private func parseMailFrom(_ value: String?, publicURL: String) throws -> String {
    guard let value, !value.isEmpty else {
        let host = URL(string: publicURL)?.host ?? "localhost"
        return "noreply@" + (host.contains(".") && !host.allSatisfy({ $0.isNumber || $0 == "." }) ? host : "localhost")
    }
    guard AccountService.isPlausibleEmail(value) else {
        throw ConfigurationError("JOBCOACH_MAIL_FROM must be an e-mail address such as noreply@example.org, not '\(value)'")
    }
    return value
}

/// `JOBCOACH_PUBLIC_URL`: an http(s) address without a trailing slash.
private func parsePublicURL(_ value: String?) throws -> String {
    guard let value, !value.isEmpty else { return "http://127.0.0.1:8080" }
    guard let url = URL(string: value), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
        throw ConfigurationError("JOBCOACH_PUBLIC_URL must be an http or https address, not '\(value)'")
    }
    return value.hasSuffix("/") ? String(value.dropLast()) : value
}

extension Application {
    private struct ConfigurationKey: StorageKey { typealias Value = AppConfiguration }

    var configuration: AppConfiguration {
        get {
            guard let value = storage[ConfigurationKey.self] else { fatalError("configure(_:) has not run") }
            return value
        }
        set { storage[ConfigurationKey.self] = newValue }
    }
}
