import Foundation

/// Scores of IPS-25 items proposed from what the agency's data shows, with the figure behind each;
/// the reviewer confirms or changes them. Thresholds follow the items' anchors.
public struct FidelityProposal: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var item: String
        public var score: Int
        /// The figure the score comes from, e.g. 23.5 clients per coach or 0.92 of jobs regular.
        public var figure: Double
        public var basis: Int
    }

    public var items: [Item]

    /// A job started in the period.
    public struct Job: Hashable, Sendable {
        public var employer: String
        public var title: String
        public var regular: Bool

        public init(employer: String, title: String, regular: Bool) {
            self.employer = employer
            self.title = title
            self.regular = regular
        }
    }

    /// What the proposals are made from.
    public struct Facts: Hashable, Sendable {
        public var activeClients: Int
        public var coachFullTimeEquivalents: Double
        /// Jobs started in the period: their employer, their job title, and whether regular.
        public var jobs: [Job]
        /// Per client placed or in search: days from the start to the first employer contact.
        public var daysToFirstEmployerContact: [Int]
        /// Placed clients whose job started at least 4 months ago, and how many of them were seen after 4 months.
        public var placedFourMonthsAgo: Int
        public var seenAfterFourMonths: Int
        /// Placed clients whose job started at least 12 months ago, and how many of them were still followed after 12.
        public var placedYearAgo: Int
        public var followedAfterYear: Int

        public init(activeClients: Int, coachFullTimeEquivalents: Double, jobs: [Job],
                    daysToFirstEmployerContact: [Int], placedFourMonthsAgo: Int, seenAfterFourMonths: Int,
                    placedYearAgo: Int, followedAfterYear: Int) {
            self.activeClients = activeClients
            self.coachFullTimeEquivalents = coachFullTimeEquivalents
            self.jobs = jobs
            self.daysToFirstEmployerContact = daysToFirstEmployerContact
            self.placedFourMonthsAgo = placedFourMonthsAgo
            self.seenAfterFourMonths = seenAfterFourMonths
            self.placedYearAgo = placedYearAgo
            self.followedAfterYear = followedAfterYear
        }
    }

    /// One trajectory as the proposals read it.
    public struct Trajectory: Sendable {
        public var start: CalendarDate
        /// Counted in the caseload: open and past the intake.
        public var active: Bool
        public var firstEmployerContact: CalendarDate?
        public var jobs: [(job: OutcomeJob, employer: String, title: String)]
        public var lastContact: CalendarDate?
        public var lastFollowUpMonths: Int?

        public init(start: CalendarDate, active: Bool, firstEmployerContact: CalendarDate?, jobs: [(job: OutcomeJob, employer: String, title: String)],
                    lastContact: CalendarDate?, lastFollowUpMonths: Int?) {
            self.start = start
            self.active = active
            self.firstEmployerContact = firstEmployerContact
            self.jobs = jobs
            self.lastContact = lastContact
            self.lastFollowUpMonths = lastFollowUpMonths
        }
    }

    /// The facts of the last twelve months: jobs started, days from the start to the first employer
    /// contact (a proposed match or a job, whichever came first), and how long placed clients were
    /// followed (a contact or a follow-up check 4 and 12 months into their first regular job).
    public static func facts(_ trajectories: [Trajectory], coachFullTimeEquivalents: Double, today: CalendarDate) -> Facts {
        let yearAgo = today.adding(years: -1)
        var jobs: [Job] = []
        var daysToContact: [Int] = []
        var placedFour = 0, seenFour = 0, placedYear = 0, followedYear = 0
        for trajectory in trajectories {
            for job in trajectory.jobs where job.job.start >= yearAgo {
                jobs.append(Job(employer: job.employer, title: job.title, regular: job.job.regular))
            }
            if trajectory.start >= yearAgo,
               let contact = [trajectory.firstEmployerContact, trajectory.jobs.map(\.job.start).min()].compactMap({ $0 }).min() {
                daysToContact.append(max(0, contact.days(since: trajectory.start)))
            }
            guard let start = trajectory.jobs.filter(\.job.regular).map(\.job.start).min() else { continue }
            func seen(after months: Int, checkAtLeast: Int) -> Bool {
                (trajectory.lastContact.map { $0 >= start.adding(months: months) } ?? false) || (trajectory.lastFollowUpMonths ?? 0) >= checkAtLeast
            }
            if start.adding(months: 4) <= today {
                placedFour += 1
                if seen(after: 4, checkAtLeast: 6) { seenFour += 1 }
            }
            if start.adding(months: 12) <= today {
                placedYear += 1
                if seen(after: 12, checkAtLeast: 12) { followedYear += 1 }
            }
        }
        return Facts(activeClients: trajectories.count(where: \.active), coachFullTimeEquivalents: coachFullTimeEquivalents, jobs: jobs,
                     daysToFirstEmployerContact: daysToContact, placedFourMonthsAgo: placedFour, seenAfterFourMonths: seenFour,
                     placedYearAgo: placedYear, followedAfterYear: followedYear)
    }

    /// A score from a figure and the lowest figure of scores 2 to 5 (`higherIsBetter`) or the highest.
    static func score(_ figure: Double, thresholds: [Double], higherIsBetter: Bool) -> Int {
        var score = 1
        for (index, threshold) in thresholds.enumerated() where higherIsBetter ? figure >= threshold : figure <= threshold {
            score = index + 2
        }
        return score
    }

    public static func propose(_ facts: Facts) -> FidelityProposal {
        var items: [Item] = []
        if facts.coachFullTimeEquivalents > 0 {
            let perCoach = Double(facts.activeClients) / facts.coachFullTimeEquivalents
            items.append(Item(item: "caseload-size", score: score(perCoach, thresholds: [80, 60, 40, 20], higherIsBetter: false),
                              figure: OutcomeRounding.round(perCoach, places: 2), basis: facts.activeClients))
        }
        if !facts.daysToFirstEmployerContact.isEmpty {
            let mean = Double(facts.daysToFirstEmployerContact.reduce(0, +)) / Double(facts.daysToFirstEmployerContact.count)
            items.append(Item(item: "rapid-job-search", score: score(mean, thresholds: [270, 150, 60, 30], higherIsBetter: false),
                              figure: OutcomeRounding.round(mean, places: 2), basis: facts.daysToFirstEmployerContact.count))
        }
        let jobs = facts.jobs
        if !jobs.isEmpty {
            let regular = Double(jobs.count(where: \.regular)) / Double(jobs.count)
            // Fewer than 10 jobs are too few to rate: the anchors give score 1.
            let competitive = jobs.count < 10 ? 1 : score(regular, thresholds: [0.64, 0.75, 0.85, 0.95], higherIsBetter: true)
            items.append(Item(item: "competitive-jobs", score: competitive, figure: OutcomeRounding.round(regular, places: 4), basis: jobs.count))
            let types = Double(Set(jobs.map { $0.title.lowercased() }).count) / Double(jobs.count)
            items.append(Item(item: "job-type-diversity", score: score(types, thresholds: [0.50, 0.60, 0.70, 0.85], higherIsBetter: true),
                              figure: OutcomeRounding.round(types, places: 4), basis: jobs.count))
            let employers = Double(Set(jobs.map { $0.employer.lowercased() }).count) / Double(jobs.count)
            items.append(Item(item: "employer-diversity", score: score(employers, thresholds: [0.50, 0.60, 0.70, 0.85], higherIsBetter: true),
                              figure: OutcomeRounding.round(employers, places: 4), basis: jobs.count))
        }
        if facts.placedFourMonthsAgo > 0 {
            let seen = Double(facts.seenAfterFourMonths) / Double(facts.placedFourMonthsAgo)
            let year = facts.placedYearAgo > 0 ? Double(facts.followedAfterYear) / Double(facts.placedYearAgo) : 0
            let proposed = year >= 0.8 ? 5 : year >= 0.5 ? 4 : seen >= 0.5 ? 3 : seen > 0 ? 2 : 1
            items.append(Item(item: "time-unlimited-follow-along", score: proposed,
                              figure: OutcomeRounding.round(facts.placedYearAgo > 0 ? year : seen, places: 4),
                              basis: facts.placedYearAgo > 0 ? facts.placedYearAgo : facts.placedFourMonthsAgo))
        }
        return FidelityProposal(items: items)
    }
}
