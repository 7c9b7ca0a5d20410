/// What a framework version asks of a certified professional to stay certified: points of permanent
/// education (CPD) within a period, with limits per category. Data, like every other rule.
public struct RecertificationPolicy: Hashable, Codable, Sendable {
    /// The period, ending on the reference date, in which activities count, when the data sets one.
    /// Without it the period is the validity of the certificate being renewed.
    public var periodYears: Int?
    public var minimumPoints: Double
    /// Points for an activity given in hours only.
    public var pointsPerHour: Double
    public var categories: [CPDCategory]
    public var caps: [CPDCap]

    public init(periodYears: Int?, minimumPoints: Double, pointsPerHour: Double, categories: [CPDCategory], caps: [CPDCap]) {
        self.periodYears = periodYears
        self.minimumPoints = minimumPoints
        self.pointsPerHour = pointsPerHour
        self.categories = categories
        self.caps = caps
    }

    public func category(_ id: String) -> CPDCategory? {
        categories.first { $0.id == id }
    }

    /// The first day on which an activity counts for a renewal on `date`: the data's period back
    /// from the date; else the first day of the certificate being renewed; else, for someone
    /// without a certificate yet, a certificate's validity (`validityYears`) back from the date.
    public func periodStart(on date: CalendarDate, certificateFrom: CalendarDate?, validityYears: Int?) -> CalendarDate {
        if let periodYears { return date.adding(years: -periodYears).adding(days: 1) }
        if let certificateFrom, certificateFrom <= date { return certificateFrom }
        return date.adding(years: -(validityYears ?? 0)).adding(days: 1)
    }
}
