/// Data files that failed their checks. The server does not start with invalid framework data.
public struct FrameworkDataError: Error, Sendable, CustomStringConvertible {
    public var issues: [FrameworkDataIssue]

    public init(issues: [FrameworkDataIssue]) {
        self.issues = issues
    }

    public var description: String {
        "Invalid framework data (\(issues.count) problem\(issues.count == 1 ? "" : "s")):\n"
            + issues.map { "  - \($0)" }.joined(separator: "\n")
    }
}
