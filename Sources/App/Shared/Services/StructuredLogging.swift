import Foundation
import Logging
import Vapor

/// Logs as one JSON object per line when `LOG_FORMAT=json` (for log collectors), otherwise Vapor's
/// readable console format. The level comes from `--log` or `LOG_LEVEL` as usual.
public enum StructuredLogging {
    public static func bootstrap(from environment: inout Environment) throws {
        guard ProcessInfo.processInfo.environment["LOG_FORMAT"] == "json" else {
            try LoggingSystem.bootstrap(from: &environment)
            return
        }
        let level = try Logger.Level.detect(from: &environment)
        LoggingSystem.bootstrap { label in
            var handler = JSONLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

/// One JSON line per log event: time, level, label, message and metadata (such as request-id).
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [String: String] = [
            "time": AuditTrail.timestamp(Date()), "level": event.level.rawValue, "label": label,
            "message": event.message.description,
        ]
        if let error = event.error { fields["error"] = String(describing: error) }
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            fields[key] = value.description
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let data = try? encoder.encode(fields) {
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }
}
