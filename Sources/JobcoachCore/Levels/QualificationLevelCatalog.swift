/// The crosswalk between the EQF and the national frameworks, loaded from data.
public struct QualificationLevelCatalog: Sendable {
    public let frameworks: [QualificationFramework]
    private let byReference: [LevelReference: QualificationLevel]

    public init(frameworks: [QualificationFramework]) {
        self.frameworks = frameworks
        var index: [LevelReference: QualificationLevel] = [:]
        for framework in frameworks {
            for level in framework.levels { index[level.reference] = level }
        }
        self.byReference = index
    }

    public func level(_ reference: LevelReference) -> QualificationLevel? {
        byReference[reference]
    }

    public func contains(_ reference: LevelReference) -> Bool {
        byReference[reference] != nil
    }

    /// Whether `candidate` is at least `minimum`. Within one framework its own order decides (the
    /// NLQF entry level is below NLQF 1 although only level 1 has an EQF level); across frameworks
    /// the EQF levels decide, and a level without an EQF level is below every EQF level.
    public func isAtLeast(_ candidate: LevelReference, _ minimum: LevelReference) -> Bool {
        guard let have = level(candidate), let need = level(minimum) else { return false }
        if have.framework == need.framework { return have.rank >= need.rank }
        guard let haveEQF = have.eqf else { return false }
        return haveEQF >= (need.eqf ?? 0)
    }

    /// Rows EQF 1 to 8 with the national levels referenced to each.
    public var crosswalk: [CrosswalkRow] {
        (1...8).map { eqf in
            var levels: [String: [String]] = [:]
            for framework in frameworks where framework.id != .eqf {
                levels[framework.id.rawValue] = framework.levels.filter { $0.eqf == eqf }.map(\.code)
            }
            return CrosswalkRow(eqf: eqf, levels: levels)
        }
    }

    /// National levels that the referencing places below EQF 1.
    public var levelsWithoutEQF: [QualificationLevel] {
        frameworks.flatMap(\.levels).filter { $0.eqf == nil }
    }
}
