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
                  practisingNow: begun.contains { period in period.endedOn.map { $0 >= date } ?? true },
                  periods: begun)
    }

    /// The day on which the time worked as a job coach reaches `years`: the union of the periods, so
    /// that overlapping periods count once and the days between periods do not count. Each gap moves
    /// the anniversary of the first start on by its length. Nil when the periods end before it; the
    /// days of gaps passed on the way are given too. Without periods, work since `jobcoachSince`
    /// without a break.
    public func reached(years: Int) -> (day: CalendarDate, gapDays: Int)? {
        let spans: [(start: CalendarDate, end: CalendarDate?)] = periods.isEmpty
            ? jobcoachSince.map { [($0, nil)] } ?? []
            : periods.map { ($0.startedOn, $0.endedOn) }.sorted { $0.0 < $1.0 }
        guard let first = spans.first else { return nil }
        // Overlapping and adjacent periods become one.
        var merged: [(start: CalendarDate, end: CalendarDate?)] = [first]
        for span in spans.dropFirst() {
            let last = merged[merged.count - 1]
            guard let lastEnd = last.end else { break }
            if span.start <= lastEnd.adding(days: 1) {
                merged[merged.count - 1].end = span.end.map { max($0, lastEnd) }
            } else {
                merged.append(span)
            }
        }
        var day = first.start.adding(years: years)
        var gapDays = 0
        for (index, span) in merged.enumerated() {
            // Worked through the day before: the time is complete on `day`.
            guard let end = span.end, end.adding(days: 1) < day else { return (day, gapDays) }
            guard index + 1 < merged.count else { return nil }
            let gap = merged[index + 1].start.days(since: end) - 1
            gapDays += gap
            day = day.adding(days: gap)
        }
        return nil
    }
}
