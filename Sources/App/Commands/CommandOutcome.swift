import Foundation
import Vapor

/// How a product command ends: its messages go to standard error and its exit status is kept on the
/// application, so that `main` can exit with it after a clean shutdown.
public struct ExitCode: Error, CustomStringConvertible {
    public var code: Int32
    public init(_ code: Int32) { self.code = code }
    public var description: String { "exit \(code)" }
}

extension Application {
    private struct ExitCodeKey: StorageKey { typealias Value = Int32 }

    /// The exit status a command asked for (0 when none did).
    public var exitCode: Int32 {
        get { storage[ExitCodeKey.self] ?? 0 }
        set { storage[ExitCodeKey.self] = newValue }
    }
}

extension CommandContext {
    /// Writes a message to standard error and records the exit status.
    func fail(_ message: String, code: Int32) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        application.exitCode = code
    }
}
