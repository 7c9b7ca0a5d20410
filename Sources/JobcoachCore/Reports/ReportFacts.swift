/// What a commissioner's report may be made of. The app fills it from the client's records; the
/// report takes from it only what its kind needs (`CommissionerReport.fields`). Nothing about health,
/// limitations, the intake's life story, contact details or the coach's notes is in here at all.
public struct ReportFacts: Sendable {
    public struct Goal: Sendable {
        public var what: String
        public var target: Double
        public var unit: String
        public var dueOn: CalendarDate
        public var reachedOn: CalendarDate?
        public init(what: String, target: Double, unit: String, dueOn: CalendarDate, reachedOn: CalendarDate?) {
            self.what = what; self.target = target; self.unit = unit; self.dueOn = dueOn; self.reachedOn = reachedOn
        }
    }

    public struct Contact: Sendable {
        public var on: CalendarDate
        public var minutes: Int
        public var party: SupportParty
        public init(on: CalendarDate, minutes: Int, party: SupportParty) { self.on = on; self.minutes = minutes; self.party = party }
    }

    public struct Job: Sendable {
        public var employer: String
        public var position: String
        public var startOn: CalendarDate
        public var hoursPerWeek: Double
        public var contract: ContractKind
        public init(employer: String, position: String, startOn: CalendarDate, hoursPerWeek: Double, contract: ContractKind) {
            self.employer = employer; self.position = position; self.startOn = startOn; self.hoursPerWeek = hoursPerWeek; self.contract = contract
        }
    }

    public struct Check: Sendable {
        public var monthsAfter: Int
        public var heldOn: CalendarDate
        public var stillEmployed: Bool
        public var hoursPerWeek: Double?
        public init(monthsAfter: Int, heldOn: CalendarDate, stillEmployed: Bool, hoursPerWeek: Double?) {
            self.monthsAfter = monthsAfter; self.heldOn = heldOn; self.stillEmployed = stillEmployed; self.hoursPerWeek = hoursPerWeek
        }
    }

    public var clientName: String
    public var dateOfBirth: CalendarDate?
    public var agency: String
    public var coach: String
    public var commissioner: String
    public var startedOn: CalendarDate
    public var phase: TrajectoryPhase
    /// The question the trajectory answers, as agreed at the intake.
    public var question: String
    public var agreedTrajectory: String
    public var goals: [Goal]
    public var contacts: [Contact]
    public var fading: FadingComparison?
    public var takeoverOn: CalendarDate?
    public var employerColleague: String
    public var job: Job?
    public var evaluationsHeld: [CalendarDate]
    public var closedOn: CalendarDate?
    public var outcome: ClosingOutcome?
    public var closingSummary: String
    public var aftercareOffer: String
    public var checks: [Check]

    public init(clientName: String, dateOfBirth: CalendarDate?, agency: String, coach: String, commissioner: String,
                startedOn: CalendarDate, phase: TrajectoryPhase, question: String, agreedTrajectory: String,
                goals: [Goal] = [], contacts: [Contact] = [], fading: FadingComparison? = nil, takeoverOn: CalendarDate? = nil,
                employerColleague: String = "", job: Job? = nil, evaluationsHeld: [CalendarDate] = [], closedOn: CalendarDate? = nil,
                outcome: ClosingOutcome? = nil, closingSummary: String = "", aftercareOffer: String = "", checks: [Check] = []) {
        self.clientName = clientName; self.dateOfBirth = dateOfBirth; self.agency = agency; self.coach = coach
        self.commissioner = commissioner; self.startedOn = startedOn; self.phase = phase; self.question = question
        self.agreedTrajectory = agreedTrajectory; self.goals = goals; self.contacts = contacts; self.fading = fading
        self.takeoverOn = takeoverOn; self.employerColleague = employerColleague; self.job = job
        self.evaluationsHeld = evaluationsHeld; self.closedOn = closedOn; self.outcome = outcome
        self.closingSummary = closingSummary; self.aftercareOffer = aftercareOffer; self.checks = checks
    }
}
