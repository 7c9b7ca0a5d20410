/// Re-evaluates many portfolios against one framework version (for example a new revision) and
/// keeps the explained verdicts of those that would no longer meet it. The check itself uses the
/// engine's fast path; explanations are made only for the portfolios that fail.
public struct RegisterRecheck: Sendable {
    public struct Finding: Hashable, Sendable {
        public var holder: String
        public var verdict: EligibilityVerdict
    }

    public let engine: EligibilityEngine

    public init(engine: EligibilityEngine) {
        self.engine = engine
    }

    /// `progress` is called with the number checked so far, every `progressInterval` portfolios.
    public func run(_ version: FrameworkVersion, portfolios: [(holder: String, portfolio: Portfolio)], on date: CalendarDate,
                    progressInterval: Int = 1_000, progress: (Int) -> Void = { _ in }) -> [Finding] {
        var findings: [Finding] = []
        for (index, entry) in portfolios.enumerated() {
            if !engine.isEligible(version, portfolio: entry.portfolio, on: date) {
                findings.append(Finding(holder: entry.holder, verdict: engine.evaluate(version, portfolio: entry.portfolio, on: date)))
            }
            if (index + 1) % progressInterval == 0 { progress(index + 1) }
        }
        progress(portfolios.count)
        return findings
    }
}
