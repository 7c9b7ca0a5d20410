import Testing
@testable import JobcoachCore

@Suite struct RecertificationTests {
    var policy: RecertificationPolicy {
        get throws { try #require(try ShippedFrameworkTests.standard.get().frameworks.version("register-jobcoach", "2023")?.recertification) }
    }

    static let day = CalendarDate("2026-11-22")!

    func activity(_ category: String, hours: Double? = nil, points: Double? = nil, on date: String) -> CPDActivity {
        CPDActivity(title: category, category: category, hours: hours, points: points, completedOn: CalendarDate(date)!)
    }

    @Test func theRegisterRuleIsData() throws {
        let policy = try self.policy
        #expect(policy.periodYears == 5 && policy.minimumPoints == 100 && policy.pointsPerHour == 1)
        #expect(policy.caps == [CPDCap(categories: ["cpd-intervision", "cpd-literature"], maximumPoints: 20)])
        #expect(policy.categories.count == 6)
    }

    @Test func intervisionAndLiteratureCountForAtMost20Together() throws {
        let evaluation = CPDEvaluation(policy: try policy, activities: [
            activity("cpd-training", hours: 85, on: "2025-01-10"),
            activity("cpd-intervision", hours: 15, on: "2025-03-01"),
            activity("cpd-literature", points: 12, on: "2024-06-01"),
        ], on: Self.day)
        #expect(evaluation.pointsCounted == 105)
        #expect(evaluation.met)
        #expect(evaluation.caps.first?.pointsGiven == 27)
        #expect(evaluation.caps.first?.pointsCounted == 20)
        #expect(evaluation.explanation.en == "105 of 100 points since 22 November 2021")
    }

    @Test(arguments: [("2021-11-22", false), ("2021-11-23", true)])
    func onlyTheLastFiveYearsCount(_ date: String, _ counts: Bool) throws {
        let evaluation = CPDEvaluation(policy: try policy, activities: [activity("cpd-training", hours: 100, on: date)], on: Self.day)
        #expect(evaluation.met == counts)
    }

    @Test func shortfallsAreExplainedAndUnknownCategoriesIgnored() throws {
        let evaluation = CPDEvaluation(policy: try policy, activities: [
            activity("cpd-training", hours: 60.5, on: "2025-01-10"), activity("knitting", hours: 40, on: "2025-01-10"),
            activity("cpd-conference", hours: 10, on: "2027-01-01"),
        ], on: Self.day)
        #expect(!evaluation.met)
        #expect(evaluation.explanation.nl == "60,5 van 100 punten sinds 22 november 2021: nog 39,5 te gaan")
    }

    @Test func aCapNamingAnUnknownCategoryIsRefused() throws {
        let yaml = FrameworkValidationTests.valid + """

            recertification:
              periodYears: 5
              minimumPoints: 100
              pointsPerHour: 1
              categories:
                - id: cpd-training
                  title: {nl: "Cursus", en: "Course"}
              caps:
                - categories: [cpd-reading]
                  maximumPoints: 20
            """
        let result = FrameworkLoader(levels: try ProfessionalStandard.loadBundledLevels()).parse(yaml: yaml, file: "demo/1.yaml")
        guard case .failure(let error) = result else { Issue.record("accepted"); return }
        #expect(error.issues.contains { $0.message == "cap names unknown category 'cpd-reading'" })
    }
}
