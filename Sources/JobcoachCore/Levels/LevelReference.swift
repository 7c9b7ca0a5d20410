/// A level named in its own framework, as written in data and portfolios: `NLQF 6`, `RQF E3`.
public struct LevelReference: Hashable, Codable, Sendable, CustomStringConvertible {
    public var framework: QualificationFrameworkID
    /// The level's code in its framework: `6`, `E3` (RQF Entry 3), `entry` (the NLQF entry level).
    public var level: String

    public init(framework: QualificationFrameworkID, level: String) {
        self.framework = framework
        self.level = level
    }

    public var description: String { "\(framework.rawValue) \(level)" }
}
