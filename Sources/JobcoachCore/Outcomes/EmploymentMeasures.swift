import Foundation

/// The days a measure looks at, both ends included.
public struct OutcomePeriod: Hashable, Sendable {
    public var from: CalendarDate
    public var to: CalendarDate

    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }
}

/// One job of a client: a spell from `start` to `end` (missing: still open).
public struct OutcomeJob: Hashable, Sendable {
    public var start: CalendarDate
    public var end: CalendarDate?
    public var hoursPerWeek: Double
    public var hourlyWage: Double?
    /// An ordinary workplace at no less than the minimum wage; sheltered or subsidised work is not.
    public var regular: Bool

    public init(start: CalendarDate, end: CalendarDate?, hoursPerWeek: Double, hourlyWage: Double?, regular: Bool = true) {
        self.start = start
        self.end = end
        self.hoursPerWeek = hoursPerWeek
        self.hourlyWage = hourlyWage
        self.regular = regular
    }
}

/// A client as the employment measures see them: when support started and ended, whether they had a
/// job at that start, and their jobs.
public struct OutcomeClient: Hashable, Sendable {
    public var id: String
    public var start: CalendarDate
    public var end: CalendarDate?
    public var employedAtStart: Bool
    public var jobs: [OutcomeJob]

    public init(id: String, start: CalendarDate, end: CalendarDate?, employedAtStart: Bool = false, jobs: [OutcomeJob]) {
        self.id = id
        self.start = start
        self.end = end
        self.employedAtStart = employedAtStart
        self.jobs = jobs
    }
}

/// Where an employment rate stands against the IPS programme benchmarks of 31, 41 and 50%.
public enum EmploymentBand: String, Codable, Sendable, CaseIterable {
    case belowMinimum = "below-minimum"
    case minimum
    case average
    case excellent

    public static func of(rate: Double) -> EmploymentBand {
        if rate < 0.31 { return .belowMinimum }
        if rate < 0.41 { return .minimum }
        if rate < 0.50 { return .average }
        return .excellent
    }

    /// The lowest rate of the band.
    public var floor: Double {
        switch self {
        case .belowMinimum: 0
        case .minimum: 0.31
        case .average: 0.41
        case .excellent: 0.50
        }
    }
}

/// The employment outcomes of a group of clients over a period, as standardised for IPS by Bond et
/// al. (2012): who was served, who worked, how soon, how long, how many hours and what they earned.
/// Rates are rounded to 4 decimals, other figures to 2; a figure with nothing to count is nil.
public struct EmploymentMeasures: Codable, Hashable, Sendable {
    public struct Center: Codable, Hashable, Sendable {
        public var median: Double?
        public var mean: Double?
    }

    public struct Weeks: Codable, Hashable, Sendable {
        public var total: Double?
        public var mean: Double?
    }

    public struct Mean: Codable, Hashable, Sendable {
        public var mean: Double?
    }

    public struct CountRate: Codable, Hashable, Sendable {
        public var count: Int
        public var rate: Double?
    }

    public var served: Int
    public var outOfWorkAtStart: Int
    public var employed: Int
    public var employedRate: Double?
    public var employedRateOutOfWorkAtStart: Double?
    public var daysToFirstJob: Center
    public var weeksWorked: Weeks
    public var longestJobWeeks: Mean
    public var totalHours: Double?
    public var hoursPerWeek: Double?
    public var working20Plus: CountRate
    public var totalWages: Double?
    public var band: EmploymentBand?

    /// Encodes nil figures as JSON null, so every key of the contract is always present.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(served, forKey: .served)
        try container.encode(outOfWorkAtStart, forKey: .outOfWorkAtStart)
        try container.encode(employed, forKey: .employed)
        try container.encode(employedRate, forKey: .employedRate)
        try container.encode(employedRateOutOfWorkAtStart, forKey: .employedRateOutOfWorkAtStart)
        try container.encode(daysToFirstJob, forKey: .daysToFirstJob)
        try container.encode(weeksWorked, forKey: .weeksWorked)
        try container.encode(longestJobWeeks, forKey: .longestJobWeeks)
        try container.encode(totalHours, forKey: .totalHours)
        try container.encode(hoursPerWeek, forKey: .hoursPerWeek)
        try container.encode(working20Plus, forKey: .working20Plus)
        try container.encode(totalWages, forKey: .totalWages)
        try container.encode(band, forKey: .band)
    }
}

extension EmploymentMeasures.Center {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(median, forKey: .median)
        try container.encode(mean, forKey: .mean)
    }
}

extension EmploymentMeasures.Weeks {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(total, forKey: .total)
        try container.encode(mean, forKey: .mean)
    }
}

extension EmploymentMeasures.Mean {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mean, forKey: .mean)
    }
}

extension EmploymentMeasures.CountRate {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encode(rate, forKey: .rate)
    }
}

extension EmploymentMeasures {
    /// The window of a client in a period: from the later of their start and the period's start to
    /// the earlier of their end (or the period's end) and the period's end. Nil when it is empty.
    public static func window(of client: OutcomeClient, in period: OutcomePeriod) -> ClosedRange<CalendarDate>? {
        let lower = max(client.start, period.from)
        let upper = min(client.end ?? period.to, period.to)
        return lower <= upper ? lower...upper : nil
    }

    /// The days of a window a job covers, or nil when it covers none.
    public static func days(of job: OutcomeJob, in window: ClosedRange<CalendarDate>) -> ClosedRange<CalendarDate>? {
        let lower = max(job.start, window.lowerBound)
        let upper = min(job.end ?? window.upperBound, window.upperBound)
        return lower <= upper ? lower...upper : nil
    }

    /// `erased`: the anonymous counts (`AnonymousOutcomeCounts`) that erased trajectories left for
    /// this period; they add to the counts and the rates made of them, not to the figures that need
    /// the jobs themselves.
    public static func measure(_ clients: [OutcomeClient], in period: OutcomePeriod, erased: [String: Int] = [:]) -> EmploymentMeasures {
        var served = 0
        var outOfWork = 0
        var employed = 0
        var employedOutOfWork = 0
        var daysToFirst: [Int] = []
        var weeksPerEmployed: [Double] = []
        var longestPerEmployed: [Double] = []
        var hours: Double?
        var wages: Double?
        var working20 = 0
        for client in clients {
            guard let window = window(of: client, in: period) else { continue }
            served += 1
            if !client.employedAtStart { outOfWork += 1 }
            var spans: [ClosedRange<CalendarDate>] = []
            var longest = 0
            var earliest: CalendarDate?
            var twentyPlus = false
            for job in client.jobs where job.regular {
                guard let covered = days(of: job, in: window) else { continue }
                let count = dayCount(covered)
                spans.append(covered)
                longest = max(longest, count)
                earliest = min(earliest ?? job.start, job.start)
                if job.hoursPerWeek >= 20 { twentyPlus = true }
                hours = (hours ?? 0) + job.hoursPerWeek * Double(count) / 7
                if let wage = job.hourlyWage {
                    wages = (wages ?? 0) + job.hoursPerWeek * wage * Double(count) / 7
                }
            }
            if twentyPlus { working20 += 1 }
            guard let earliest else { continue }
            employed += 1
            weeksPerEmployed.append(Double(distinctDays(spans)) / 7)
            longestPerEmployed.append(Double(longest) / 7)
            if !client.employedAtStart {
                employedOutOfWork += 1
                daysToFirst.append(max(0, earliest.days(since: client.start)))
            }
        }
        served += erased[AnonymousOutcomeCounts.served] ?? 0
        outOfWork += erased[AnonymousOutcomeCounts.outOfWorkAtStart] ?? 0
        employed += erased[AnonymousOutcomeCounts.employed] ?? 0
        employedOutOfWork += erased[AnonymousOutcomeCounts.employedOutOfWorkAtStart] ?? 0
        working20 += erased[AnonymousOutcomeCounts.working20Plus] ?? 0
        let weeksTotal = weeksPerEmployed.isEmpty ? nil : weeksPerEmployed.reduce(0, +)
        // The band follows the rate as answered, so that a rate shown as 0.31 is never below the minimum.
        let rateOutOfWork = rate(ratio(employedOutOfWork, outOfWork))
        return EmploymentMeasures(
            served: served,
            outOfWorkAtStart: outOfWork,
            employed: employed,
            employedRate: rate(ratio(employed, served)),
            employedRateOutOfWorkAtStart: rateOutOfWork,
            daysToFirstJob: Center(median: figure(median(daysToFirst.map(Double.init))), mean: figure(mean(daysToFirst.map(Double.init)))),
            weeksWorked: Weeks(total: figure(weeksTotal), mean: figure(mean(weeksPerEmployed))),
            longestJobWeeks: Mean(mean: figure(mean(longestPerEmployed))),
            totalHours: figure(hours),
            hoursPerWeek: figure(hours.flatMap { total in weeksTotal.flatMap { $0 > 0 ? total / $0 : nil } }),
            working20Plus: CountRate(count: working20, rate: rate(ratio(working20, served))),
            totalWages: figure(wages),
            band: rateOutOfWork.map(EmploymentBand.of(rate:)))
    }

    /// Days from the client's start to their first regular job with a day in the period, for a
    /// client out of work at the start; nil otherwise.
    public static func daysToFirstJob(_ client: OutcomeClient, in period: OutcomePeriod) -> Int? {
        guard !client.employedAtStart, let window = window(of: client, in: period) else { return nil }
        let starts = client.jobs.filter { $0.regular && days(of: $0, in: window) != nil }.map(\.start)
        return starts.min().map { max(0, $0.days(since: client.start)) }
    }

    /// Whether the client worked a regular job on a day of their window in the period.
    public static func worked(_ client: OutcomeClient, in period: OutcomePeriod) -> Bool {
        guard let window = window(of: client, in: period) else { return false }
        return client.jobs.contains { $0.regular && days(of: $0, in: window) != nil }
    }

    static func dayCount(_ range: ClosedRange<CalendarDate>) -> Int {
        range.upperBound.days(since: range.lowerBound) + 1
    }

    /// Days covered by any of the spans, each day once.
    static func distinctDays(_ spans: [ClosedRange<CalendarDate>]) -> Int {
        var total = 0
        var reachedUntil: CalendarDate?
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let reached = reachedUntil, span.lowerBound <= reached {
                if span.upperBound > reached {
                    total += span.upperBound.days(since: reached)
                    reachedUntil = span.upperBound
                }
            } else {
                total += dayCount(span)
                reachedUntil = span.upperBound
            }
        }
        return total
    }

    static func ratio(_ part: Int, _ whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func rate(_ value: Double?) -> Double? { value.map { OutcomeRounding.round($0, places: 4) } }
    static func figure(_ value: Double?) -> Double? { value.map { OutcomeRounding.round($0, places: 2) } }
}

/// Half away from zero, the way people round on paper.
public enum OutcomeRounding {
    public static func round(_ value: Double, places: Int) -> Double {
        let factor = pow(10, Double(places))
        return (value * factor).rounded(.toNearestOrAwayFromZero) / factor
    }
}
