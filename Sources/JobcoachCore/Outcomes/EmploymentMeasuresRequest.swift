import Foundation

/// The body of `POST /api/v1/outcomes/measures` as sent. `prepare` checks it and names the first
/// field it cannot use.
public struct EmploymentMeasuresRequest: Decodable, Sendable {
    public struct Period: Decodable, Sendable {
        public var from: CalendarDate
        public var to: CalendarDate
    }

    public struct Job: Decodable, Sendable {
        public var start: CalendarDate
        public var end: CalendarDate?
        public var hoursPerWeek: Double
        public var hourlyWage: Double?
        public var regular: Bool

        enum CodingKeys: String, CodingKey { case start, end, hoursPerWeek, hourlyWage, regular }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            start = try container.decode(CalendarDate.self, forKey: .start)
            end = try container.decodeIfPresent(CalendarDate.self, forKey: .end)
            hoursPerWeek = try container.decode(Double.self, forKey: .hoursPerWeek)
            hourlyWage = try container.decodeIfPresent(Double.self, forKey: .hourlyWage)
            regular = try container.decodeIfPresent(Bool.self, forKey: .regular) ?? true
        }
    }

    public struct Client: Decodable, Sendable {
        public var id: String
        public var start: CalendarDate
        public var end: CalendarDate?
        public var employedAtStart: Bool
        public var jobs: [Job]

        enum CodingKeys: String, CodingKey { case id, start, end, employedAtStart, jobs }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            start = try container.decode(CalendarDate.self, forKey: .start)
            end = try container.decodeIfPresent(CalendarDate.self, forKey: .end)
            employedAtStart = try container.decodeIfPresent(Bool.self, forKey: .employedAtStart) ?? false
            jobs = try container.decodeIfPresent([Job].self, forKey: .jobs) ?? []
        }
    }

    public var period: Period
    public var clients: [Client]

    public static let maximumClients = 100_000
    public static let maximumHoursPerWeek = 168.0
    public static let maximumHourlyWage = 1_000.0

    public func prepare() throws(InputFieldError) -> (period: OutcomePeriod, clients: [OutcomeClient]) {
        guard period.to >= period.from else {
            throw InputFieldError(field: "period.to", message: "must not be before period.from (\(period.from))")
        }
        guard clients.count <= Self.maximumClients else {
            throw InputFieldError(field: "clients", message: "at most \(Self.maximumClients) clients per request")
        }
        var seen: Set<String> = []
        var prepared: [OutcomeClient] = []
        prepared.reserveCapacity(clients.count)
        for (index, client) in clients.enumerated() {
            let field = "clients[\(index)]"
            let id = client.id.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !id.isEmpty else { throw InputFieldError(field: "\(field).id", message: "must not be empty") }
            guard seen.insert(id).inserted else { throw InputFieldError(field: "\(field).id", message: "'\(id)' is used by another client") }
            if let end = client.end, end < client.start {
                throw InputFieldError(field: "\(field).end", message: "must not be before the client's start (\(client.start))")
            }
            var jobs: [OutcomeJob] = []
            for (jobIndex, job) in client.jobs.enumerated() {
                let jobField = "\(field).jobs[\(jobIndex)]"
                if let end = job.end, end < job.start {
                    throw InputFieldError(field: "\(jobField).end", message: "must not be before the job's start (\(job.start))")
                }
                guard job.hoursPerWeek.isFinite, job.hoursPerWeek > 0, job.hoursPerWeek <= Self.maximumHoursPerWeek else {
                    throw InputFieldError(field: "\(jobField).hoursPerWeek", message: "must be above 0 and at most 168 hours per week")
                }
                if let wage = job.hourlyWage, !(wage.isFinite && wage >= 0 && wage <= Self.maximumHourlyWage) {
                    throw InputFieldError(field: "\(jobField).hourlyWage", message: "must be from 0 to 1000 per hour")
                }
                jobs.append(OutcomeJob(start: job.start, end: job.end, hoursPerWeek: job.hoursPerWeek,
                                       hourlyWage: job.hourlyWage, regular: job.regular))
            }
            prepared.append(OutcomeClient(id: id, start: client.start, end: client.end,
                                          employedAtStart: client.employedAtStart, jobs: jobs))
        }
        return (OutcomePeriod(from: period.from, to: period.to), prepared)
    }
}
