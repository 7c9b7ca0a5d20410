/// A period of work as a job coach in the experience log, with the hours worked in it.
public struct ExperiencePeriod: Hashable, Codable, Sendable {
    public var startedOn: CalendarDate
    /// Nil while the period runs.
    public var endedOn: CalendarDate?
    public var hours: Double

    public init(startedOn: CalendarDate, endedOn: CalendarDate?, hours: Double) {
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.hours = hours
    }
}

extension ExperienceRecord {
    /// The experience a log shows on a day: active since the first period began, the hours of the
    /// periods begun by then, and practising when a period runs on that day.
    public init(log periods: [ExperiencePeriod], on date: CalendarDate) {
        let begun = periods.filter { $0.startedOn <= date }
        self.init(jobcoachSince: begun.map(\.startedOn).min(),
                  jobcoachHours: begun.reduce(0) { $0 + max(0, $1.hours) },
                  practisingNow: begun.contains { period in period.endedOn.map { $0 >= date } ?? true })
    }
}
