/// Whether a portfolio meets the entry requirements of one framework version on a day, requirement
/// by requirement.
public struct EligibilityVerdict: Hashable, Codable, Sendable {
    public var framework: String
    public var version: String
    public var referenceDate: CalendarDate
    public var eligible: Bool
    public var requirements: [RequirementResult]

    /// The top-level requirements that are not met.
    public var unmet: [RequirementResult] { requirements.filter { !$0.met } }
}
