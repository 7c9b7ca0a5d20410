import Testing
@testable import JobcoachCore

@Suite struct OccupationCatalogTests {
    var occupations: OccupationCatalog {
        get throws { try ShippedFrameworkTests.standard.get().occupations }
    }

    @Test func theWholeESCOExtractShips() throws {
        #expect(try occupations.occupations.count == 2942)
        #expect(try occupations.iscoGroups["2423"]?.label == "Personnel and careers professionals")
    }

    @Test func jobCoachFindsTheJobCoachOccupationByItsAlternativeLabel() throws {
        let first = try #require(try occupations.search("job coach").first)
        #expect(first.occupation.preferredLabel == "employment and vocational integration consultant")
        #expect(first.occupation.iscoCode == "2423")
        #expect(first.matchedLabel == "job coach")
    }

    @Test func anISCOCodeFindsItsOccupations() throws {
        let results = try occupations.search("2635", limit: 100)
        #expect(results.contains { $0.occupation.preferredLabel == "employment support worker" })
        #expect(results.allSatisfy { $0.occupation.iscoCode == "2635" })
        #expect(try occupations.resolve("http://data.europa.eu/esco/occupation/c60ede09-b67b-4173-8991-b9b694149488")
            .map(\.preferredLabel) == ["employment support worker"])
    }

    @Test func searchIgnoresCaseAndAccentsAndNeedsEveryWord() throws {
        #expect(try occupations.search("EMPLOYMENT Support").first?.occupation.preferredLabel == "employment support worker")
        #expect(try occupations.search("café").contains { $0.matchedLabel.lowercased().contains("cafe") || $0.matchedLabel.lowercased().contains("café") })
        #expect(try occupations.search("zzzz qqqq").isEmpty)
        #expect(try occupations.search("   ").isEmpty)
    }
}
