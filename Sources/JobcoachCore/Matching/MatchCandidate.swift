/// A client as matching sees them: what they want, can and need. Built from an employee profile or
/// from the API's input (see `MatchInput`).
public struct MatchCandidate: Sendable {
    public var desiredOccupations: [OccupationTarget]
    /// Skill numbers of the `SkillIndex` the workplaces use; skills no workplace asks for are left out.
    public var skills: [Int]
    public var hoursPerWeek: HoursRange?
    public var home: GeoPoint?
    public var maxTravelKm: Double?
    public var needs: ConditionSet
    public var cannot: ConditionSet

    public init(desiredOccupations: [OccupationTarget] = [], skills: [Int] = [], hoursPerWeek: HoursRange? = nil,
                home: GeoPoint? = nil, maxTravelKm: Double? = nil, needs: ConditionSet = .empty, cannot: ConditionSet = .empty) {
        self.desiredOccupations = desiredOccupations
        self.skills = skills
        self.hoursPerWeek = hoursPerWeek
        self.home = home
        self.maxTravelKm = maxTravelKm
        self.needs = needs
        self.cannot = cannot
    }
}
