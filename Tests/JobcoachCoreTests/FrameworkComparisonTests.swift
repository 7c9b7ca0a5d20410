import Testing
@testable import JobcoachCore

@Suite struct FrameworkComparisonTests {
    func comparison(_ ids: [String]) throws -> FrameworkComparison {
        let standard = try ShippedFrameworkTests.standard.get()
        let versions = ids.compactMap { standard.frameworks.version($0, on: CalendarDate("2026-11-22")!) }
        return FrameworkComparison(versions: versions, describer: RequirementDescriber(levels: standard.levels))
    }

    @Test func theRegisterAndTheDutchProfileAskTheSameEducationButDifferentHours() throws {
        let rows = try comparison(["register-jobcoach", "jobcoach-profile-nl"]).rows
        let education = try #require(rows.first { $0.id == "education" })
        #expect(education.differs == false)
        #expect(education.cells[0].first?.en == "At least NLQF 6 (EQF 6), shown by degree")
        let hours = try #require(rows.first { $0.id == "experience-hours" })
        #expect(hours.differs)
        #expect(hours.cells.map { $0.first?.en } == ["At least 1,200 hours of job coach experience",
                                                       "At least 1,400 hours of job coach experience"])
        #expect(hours.cells[0].first?.nl == "Minimaal 1.200 uur ervaring als jobcoach")
        let courses = try #require(rows.first { $0.id == "course-hours" })
        #expect(courses.differs == false)
        #expect(courses.cells[0].first?.nl == "Minimaal 98 uur (3,5 EC) relevante cursussen en trainingen")
    }

    @Test func frameworksWithoutRequirementsShowEmptyCells() throws {
        let rows = try comparison(["register-jobcoach", "pl-training-guidelines"]).rows
        let years = try #require(rows.first { $0.id == "experience-years" })
        #expect(years.cells[1].isEmpty)
        #expect(years.differs)
        let topics = try #require(rows.first { $0.id == "topics" })
        #expect(topics.cells[1].count == 6)
    }

    @Test func theUKRoutesAreEachDescribed() throws {
        let education = try #require(try comparison(["uk-qualification-concept", "register-jobcoach"]).rows.first { $0.id == "education" })
        #expect(education.cells[0].map(\.en) == ["At least EQF 6, shown by degree", "At least RQF 4 (EQF 5), shown by degree",
                                                 "At least EQF 1, shown by degree"])
    }
}
