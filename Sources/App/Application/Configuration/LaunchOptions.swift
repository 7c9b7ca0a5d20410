/// Options of the `jobcoach` executable that Vapor's own commands do not know. They are taken out of
/// the arguments before Vapor parses them.
public struct LaunchOptions: Sendable {
    /// `--demo`: load demo users (one per role) and print their logins.
    public var demo: Bool
    /// Whether the command is `serve` (also Vapor's default when no command is given): only then do
    /// migrations and the first-start account run before the command.
    public var serving: Bool

    public init(demo: Bool = false, serving: Bool = false) {
        self.demo = demo
        self.serving = serving
    }

    /// Splits `--demo` from the other arguments (the first is the program name).
    public static func extract(from arguments: [String]) -> (LaunchOptions, [String]) {
        let demo = arguments.contains("--demo")
        let rest = arguments.filter { $0 != "--demo" }
        let command = rest.dropFirst().first
        let serving = command == nil || command == "serve" || command?.hasPrefix("-") == true
        return (LaunchOptions(demo: demo, serving: serving), rest)
    }
}
