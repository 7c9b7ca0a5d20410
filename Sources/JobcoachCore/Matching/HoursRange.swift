/// Hours per week: what a client can and wants to work, or what a job offers.
public struct HoursRange: Hashable, Codable, Sendable {
    public var min: Double
    public var max: Double

    public init(min: Double, max: Double) {
        self.min = min
        self.max = max
    }

    /// Sensible hours: 0 to 168 a week, minimum not above maximum.
    public var isValid: Bool {
        min.isFinite && max.isFinite && min >= 0 && max <= 168 && min <= max
    }

    /// The hours both ranges allow, or nil when they do not meet.
    public func overlap(_ other: HoursRange) -> HoursRange? {
        let low = Swift.max(min, other.min), high = Swift.min(max, other.max)
        return low <= high ? HoursRange(min: low, max: high) : nil
    }

    /// "12–24" with the decimal sign of the language.
    public func text(in language: Language) -> String {
        let low = NumberText.format(min, in: language), high = NumberText.format(max, in: language)
        return low == high ? low : "\(low)–\(high)"
    }
}
