/// One permanent-education activity: a course, an intervision meeting, literature read.
public struct CPDActivity: Hashable, Codable, Sendable {
    public var title: String
    public var category: String
    public var hours: Double?
    public var points: Double?
    public var completedOn: CalendarDate

    public init(title: String, category: String, hours: Double?, points: Double?, completedOn: CalendarDate) {
        self.title = title
        self.category = category
        self.hours = hours
        self.points = points
        self.completedOn = completedOn
    }
}
