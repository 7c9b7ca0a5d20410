/// What a framework version asks of a certified professional to stay certified: points of permanent
/// education (CPD) within a period, with limits per category. Data, like every other rule.
public struct RecertificationPolicy: Hashable, Codable, Sendable {
    /// The period, ending on the reference date, in which activities count.
    public var periodYears: Int
    public var minimumPoints: Double
    /// Points for an activity given in hours only.
    public var pointsPerHour: Double
    public var categories: [CPDCategory]
    public var caps: [CPDCap]

    public func category(_ id: String) -> CPDCategory? {
        categories.first { $0.id == id }
    }
}
