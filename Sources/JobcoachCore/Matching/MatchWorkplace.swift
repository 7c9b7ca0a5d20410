/// A workplace as matching sees it: the job analysis and the workplace profile.
public struct MatchWorkplace: Sendable {
    public var id: String
    public var occupation: OccupationTarget?
    /// Skill numbers of a `SkillIndex`.
    public var requiredSkills: [Int]
    public var hoursPerWeek: HoursRange?
    public var location: GeoPoint?
    public var offers: ConditionSet
    public var demands: ConditionSet
    /// Demands the employer is willing to adjust (job carving, other times, aids).
    public var adjustable: ConditionSet
    /// The employer is willing to carve tasks out of jobs into a new one (or make a new job): a
    /// demand the client cannot meet can then be carved out of this job.
    public var carvesJobs: Bool

    public init(id: String, occupation: OccupationTarget? = nil, requiredSkills: [Int] = [], hoursPerWeek: HoursRange? = nil,
                location: GeoPoint? = nil, offers: ConditionSet = .empty, demands: ConditionSet = .empty,
                adjustable: ConditionSet = .empty, carvesJobs: Bool = false) {
        self.id = id
        self.occupation = occupation
        self.requiredSkills = requiredSkills
        self.hoursPerWeek = hoursPerWeek
        self.location = location
        self.offers = offers
        self.demands = demands
        self.adjustable = adjustable
        self.carvesJobs = carvesJobs
    }
}
