import Testing
@testable import JobcoachCore

@Suite struct QualificationLevelTests {
    var levels: QualificationLevelCatalog {
        get throws { try ProfessionalStandard.loadBundledLevels() }
    }

    func ref(_ framework: QualificationFrameworkID, _ level: String) -> LevelReference {
        LevelReference(framework: framework, level: level)
    }

    @Test func theCrosswalkPlacesEachNationalLevel() throws {
        let rows = try levels.crosswalk
        #expect(rows.count == 8)
        #expect(rows[0].levels["RQF"] == ["E3"])
        #expect(rows[0].levels["SCQF"] == ["3"])
        #expect(rows[4].levels["RQF"] == ["4", "5"])
        #expect(rows[4].levels["SCQF"] == ["7", "8"])
        #expect(rows[5].levels["SCQF"] == ["9", "10"])
        #expect(rows[5].levels["NLQF"] == ["6"])
        #expect(rows[7].levels["SCQF"] == ["12"])
        let below = try levels.levelsWithoutEQF.map { $0.reference.description }
        #expect(below == ["NLQF entry", "RQF E1", "RQF E2", "SCQF 1", "SCQF 2"])
    }

    @Test(arguments: [
        ("NLQF", "7", "NLQF", "6", true), ("NLQF", "5", "NLQF", "6", false),
        ("NLQF", "6", "EQF", "6", true), ("RQF", "4", "EQF", "5", true), ("RQF", "3", "EQF", "5", false),
        ("SCQF", "9", "EQF", "6", true), ("SCQF", "8", "EQF", "6", false), ("SCQF", "10", "NLQF", "6", true),
        ("NLQF", "entry", "NLQF", "1", false), ("RQF", "E2", "EQF", "1", false), ("RQF", "E3", "EQF", "1", true),
        ("RQF", "E2", "RQF", "E1", true), ("EQF", "8", "RQF", "8", true), ("NLQF", "11", "NLQF", "6", false),
    ])
    func levelsCompareThroughTheEQF(_ haveFramework: String, _ have: String, _ needFramework: String, _ need: String,
                                    _ expected: Bool) throws {
        let result = try levels.isAtLeast(ref(QualificationFrameworkID(rawValue: haveFramework)!, have),
                                          ref(QualificationFrameworkID(rawValue: needFramework)!, need))
        #expect(result == expected)
    }
}
