import Foundation

/// What a commissioner owes for a period under results-based financing: each payment point a client
/// reached in the period, priced by the tariff of the client's payment group.
public struct PaymentStatement: Hashable, Sendable {
    public struct Client: Hashable, Sendable {
        public var id: String
        public var paymentGroup: String
        public var start: CalendarDate
        public var jobs: [OutcomeJob]

        public init(id: String, paymentGroup: String, start: CalendarDate, jobs: [OutcomeJob]) {
            self.id = id
            self.paymentGroup = paymentGroup
            self.start = start
            self.jobs = jobs
        }
    }

    public struct Line: Hashable, Sendable {
        public var client: String
        public var paymentGroup: String
        public var point: PaymentPoint
        public var reachedOn: CalendarDate
        /// Nil when the commissioner has no tariff for this group and point.
        public var amountCents: Int?

        public init(client: String, paymentGroup: String, point: PaymentPoint, reachedOn: CalendarDate, amountCents: Int?) {
            self.client = client
            self.paymentGroup = paymentGroup
            self.point = point
            self.reachedOn = reachedOn
            self.amountCents = amountCents
        }
    }

    public var lines: [Line]
    public var totalCents: Int
    public var countByPoint: [PaymentPoint: Int]

    /// The day each payment point was reached, if it was: the start; the start of the first regular
    /// job; and 26 and 52 weeks into that same job while it lasted.
    public static func points(of client: Client, asOf today: CalendarDate) -> [(PaymentPoint, CalendarDate)] {
        var reached: [(PaymentPoint, CalendarDate)] = [(.start, client.start)]
        guard let job = client.jobs.filter({ $0.regular && $0.start >= client.start }).min(by: { $0.start < $1.start }) else { return reached }
        reached.append((.placement, job.start))
        for (point, weeks) in [(PaymentPoint.kept26Weeks, 26), (.kept52Weeks, 52)] {
            let day = job.start.adding(days: weeks * 7)
            if day <= today, job.end.map({ $0 >= day }) ?? true { reached.append((point, day)) }
        }
        return reached
    }

    /// Every payment point the client reached up to `today`, priced: what is kept of a client erased
    /// on request, since the commissioner's financial records must stay (the client's id is then
    /// the erasure's reference).
    public static func lines(of client: Client, tariffs: [String: [PaymentPoint: Int]], asOf today: CalendarDate) -> [Line] {
        points(of: client, asOf: today).map { point, day in
            Line(client: client.id, paymentGroup: client.paymentGroup, point: point, reachedOn: day,
                 amountCents: tariffs[client.paymentGroup]?[point])
        }
    }

    /// `tariffs[group][point]` in cents; `kept` are the lines of erased clients, in the period or not.
    public static func compute(_ clients: [Client], tariffs: [String: [PaymentPoint: Int]], period: OutcomePeriod,
                               asOf today: CalendarDate, kept: [Line] = []) -> PaymentStatement {
        var lines = kept.filter { $0.reachedOn >= period.from && $0.reachedOn <= period.to }
        for client in clients {
            lines += Self.lines(of: client, tariffs: tariffs, asOf: today).filter { $0.reachedOn >= period.from && $0.reachedOn <= period.to }
        }
        lines.sort { ($0.reachedOn, $0.client, $0.point.rawValue) < ($1.reachedOn, $1.client, $1.point.rawValue) }
        var counts: [PaymentPoint: Int] = [:]
        for line in lines { counts[line.point, default: 0] += 1 }
        return PaymentStatement(lines: lines, totalCents: lines.reduce(0) { $0 + ($1.amountCents ?? 0) }, countByPoint: counts)
    }
}
