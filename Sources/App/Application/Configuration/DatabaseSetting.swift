import Foundation

/// Where the data lives, from `DATABASE_URL`: unset means a SQLite file `jobcoach.sqlite` in the
/// working directory; `sqlite:///PATH` that file; `sqlite::memory:` an in-memory database (tests);
/// `postgres://...` or `postgresql://...` a PostgreSQL server.
enum DatabaseSetting: Equatable, Sendable {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    /// The name `/health` reports.
    var kind: String {
        switch self {
        case .sqliteFile, .sqliteMemory: "sqlite"
        case .postgres: "postgres"
        }
    }

    static func parse(_ value: String?) throws -> DatabaseSetting {
        guard let value, !value.isEmpty else { return .sqliteFile(path: "jobcoach.sqlite") }
        if value == "sqlite::memory:" { return .sqliteMemory }
        if value.hasPrefix("sqlite://") {
            let path = String(value.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw ConfigurationError("DATABASE_URL: 'sqlite://' needs a file path, like sqlite:///var/lib/jobcoach/jobcoach.sqlite") }
            return .sqliteFile(path: path)
        }
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            return .postgres(url: value)
        }
        throw ConfigurationError("DATABASE_URL must start with sqlite:// or postgres:// (got '\(value.prefix(20))…')")
    }
}

/// A setting that cannot be used; the message names the variable.
struct ConfigurationError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
