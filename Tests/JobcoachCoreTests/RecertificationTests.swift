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
        // No period in the data: the points are gathered during the certificate being renewed.
        #expect(policy.periodYears == nil && policy.minimumPoints == 100 && policy.pointsPerHour == 1)
        #expect(policy.caps == [CPDCap(categories: ["cpd-intervision", "cpd-literature"], maximumPoints: 20)])
        #expect(policy.categories.count == 6)
    }

    /// The 2023 certificate is valid 4 years: from 23 November 2022 to the renewal on 22 November 2026.
    static let certificateFrom = CalendarDate("2022-11-23")!

    func evaluate(_ activities: [CPDActivity], policy: RecertificationPolicy? = nil) throws -> CPDEvaluation {
        let policy = try policy ?? self.policy
        let start = policy.periodStart(on: Self.day, certificateFrom: Self.certificateFrom, validityYears: 4)
        return CPDEvaluation(policy: policy, activities: activities, from: start, on: Self.day)
    }

    @Test func intervisionAndLiteratureCountForAtMost20Together() throws {
        let evaluation = try evaluate([
            activity("cpd-training", hours: 85, on: "2025-01-10"),
            activity("cpd-intervision", hours: 15, on: "2025-03-01"),
            activity("cpd-literature", points: 12, on: "2024-06-01"),
        ])
        #expect(evaluation.pointsCounted == 105)
        #expect(evaluation.met)
        #expect(evaluation.caps.first?.pointsGiven == 27)
        #expect(evaluation.caps.first?.pointsCounted == 20)
        #expect(evaluation.explanation.en
            == "105 of 100 points since 23 November 2022; at most 20 points count from intervision (peer consultation) and professional literature together (27 recorded)")
    }

    /// The period is the certificate's validity: its first day counts, the day before does not.
    @Test(arguments: [("2022-11-22", false), ("2022-11-23", true), ("2026-11-22", true), ("2026-11-23", false)])
    func onlyTheCertificatesValidityCounts(_ date: String, _ counts: Bool) throws {
        #expect(try evaluate([activity("cpd-training", hours: 100, on: date)]).met == counts)
    }

    @Test func aPeriodInTheDataWinsAndWithoutACertificateTheValidityCounts() throws {
        var policy = try self.policy
        #expect(policy.periodStart(on: Self.day, certificateFrom: nil, validityYears: 4) == CalendarDate("2022-11-23"))
        policy.periodYears = 5
        #expect(policy.periodStart(on: Self.day, certificateFrom: Self.certificateFrom, validityYears: 4) == CalendarDate("2021-11-23"))
        #expect(try evaluate([activity("cpd-training", hours: 100, on: "2021-11-23")], policy: policy).met)
    }

    @Test func shortfallsAreExplainedAndUnknownCategoriesIgnored() throws {
        let evaluation = try evaluate([
            activity("cpd-training", hours: 60.5, on: "2025-01-10"), activity("knitting", hours: 40, on: "2025-01-10"),
            activity("cpd-conference", hours: 10, on: "2027-01-01"),
        ])
        #expect(!evaluation.met)
        #expect(evaluation.explanation.nl
            == "60,5 van 100 punten sinds 23 november 2022: nog 39,5 te gaan; uit intervisie en vakliteratuur samen tellen ten hoogste 20 punten")
    }

    @Test func aShortfallNamesTheCapThatTookPointsOff() throws {
        let evaluation = try evaluate([activity("cpd-training", hours: 42, on: "2025-01-10"), activity("cpd-intervision", hours: 30, on: "2025-02-01")])
        #expect(evaluation.pointsCounted == 62 && !evaluation.met)
        #expect(evaluation.explanation.en
            == "62 of 100 points since 23 November 2022: 38 to go; at most 20 points count from intervision (peer consultation) and professional literature together (30 recorded)")
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
