import Testing
@testable import JobcoachCore

/// Every rule of the entry requirements at its boundaries, for the register (003), the Dutch profile
/// (002) and the UK concept (000).
@Suite struct EligibilityEngineTests {
    static let reference = CalendarDate("2026-11-22")!

    var standard: ProfessionalStandard {
        get throws { try ShippedFrameworkTests.standard.get() }
    }

    func version(_ id: String, _ name: String) throws -> FrameworkVersion {
        try #require(try standard.frameworks.version(id, name))
    }

    func verdict(_ id: String, _ name: String, _ portfolio: Portfolio, on date: CalendarDate = reference) throws -> EligibilityVerdict {
        let standard = try self.standard
        let version = try self.version(id, name)
        let verdict = standard.eligibility().evaluate(version, portfolio: portfolio, on: date)
        #expect(verdict.eligible == standard.eligibility().isEligible(version, portfolio: portfolio, on: date),
                "the fast check agrees with the explained one")
        return verdict
    }

    func requirement(_ verdict: EligibilityVerdict, _ id: String) -> RequirementResult? {
        func find(_ results: [RequirementResult]) -> RequirementResult? {
            for result in results {
                if result.id == id { return result }
                if let found = find(result.children) { return found }
            }
            return nil
        }
        return find(verdict.requirements)
    }

    /// Meets the 2021 register on the reference date: hbo degree, Capabel 2016, 3 years and 1,300 hours.
    static func eligible() -> Portfolio {
        Portfolio(
            education: [EducationRecord(kind: .degree, level: LevelReference(framework: .nlqf, level: "6"), completedOn: CalendarDate("2010-06-30")!)],
            jobcoachDiplomas: [JobcoachDiplomaRecord(provider: "Capabel", completedOn: CalendarDate("2016-05-01")!)],
            courses: [],
            experience: ExperienceRecord(jobcoachSince: CalendarDate("2019-01-01")!, jobcoachHours: 1300, practisingNow: true))
    }

    @Test func aFullPortfolioMeetsTheRegisterAndSaysByWhichRoutes() throws {
        let result = try verdict("register-jobcoach", "2021", Self.eligible())
        #expect(result.eligible)
        #expect(result.requirements.map(\.id) == ["education", "experience"])
        #expect(result.requirements[0].route == "education-base-degree, supplement-capabel")
        #expect(requirement(result, "experience-hours")?.explanation.en == "1,300 of 1,200 hours of job coach experience")
    }

    @Test(arguments: [(1199.0, false), (1200.0, true), (1200.5, true)])
    func twelveHundredHours(_ hours: Double, _ met: Bool) throws {
        var portfolio = Self.eligible()
        portfolio.experience.jobcoachHours = hours
        let result = try verdict("register-jobcoach", "2021", portfolio)
        #expect(result.eligible == met)
        #expect(requirement(result, "experience-hours")?.met == met)
    }

    @Test func missingHoursAreCounted() throws {
        var portfolio = Self.eligible()
        portfolio.experience.jobcoachHours = 1050
        let hours = try #require(requirement(try verdict("register-jobcoach", "2021", portfolio), "experience-hours"))
        #expect(hours.explanation.en == "1,050 of 1,200 hours: 150 to go")
        #expect(hours.explanation.nl == "1.050 van 1.200 uur: nog 150 te gaan")
    }

    @Test(arguments: [("2024-11-23", false), ("2024-11-22", true), ("2024-11-21", true)])
    func twoYearsActive(_ since: String, _ met: Bool) throws {
        var portfolio = Self.eligible()
        portfolio.experience.jobcoachSince = CalendarDate(since)!
        let years = try #require(requirement(try verdict("register-jobcoach", "2021", portfolio), "experience-years"))
        #expect(years.met == met)
        if !met { #expect(years.explanation.en.hasSuffix("1 days to go")) }
    }

    /// Two years active is the union of the work periods: a gap does not count, an overlap counts once.
    static func log(_ periods: [(String, String?)], on date: CalendarDate) -> ExperienceRecord {
        var record = ExperienceRecord(log: periods.map { ExperiencePeriod(startedOn: CalendarDate($0.0)!, endedOn: $0.1.flatMap(CalendarDate.init), hours: 700) },
                                      on: date)
        record.practisingNow = true
        return record
    }

    @Test func aGapBetweenPeriodsDoesNotCount() throws {
        // From 2023-01-01 to 2023-06-30, then from 2023-11-22: the 144 days between move the two
        // years from 2025-01-01 to 2025-05-25.
        let date = CalendarDate("2025-03-01")!
        var portfolio = Self.eligible()
        portfolio.experience = Self.log([("2023-01-01", "2023-06-30"), ("2023-11-22", nil)], on: date)
        let reached = try #require(portfolio.experience.reached(years: 2))
        #expect(reached.gapDays == 144 && reached.day == CalendarDate("2025-05-25"))
        let years = try #require(requirement(try verdict("register-jobcoach", "2021", portfolio, on: date), "experience-years"))
        #expect(!years.met)
        #expect(years.explanation.en == "job coach since 1 January 2023: 2 years on 25 May 2025, 85 days to go (the 144 days between the periods do not count)")
    }

    @Test(arguments: [("2025-05-24", false), ("2025-05-25", true), ("2026-11-22", true)])
    func theBoundaryDayAfterAGap(_ day: String, _ met: Bool) throws {
        let date = CalendarDate(day)!
        var portfolio = Self.eligible()
        portfolio.experience = Self.log([("2023-01-01", "2023-06-30"), ("2023-11-22", nil)], on: date)
        let years = try #require(requirement(try verdict("register-jobcoach", "2021", portfolio, on: date), "experience-years"))
        #expect(years.met == met, "\(day): \(years.explanation.en)")
        if !met { #expect(years.explanation.en.contains("1 days to go")) }
    }

    @Test func overlappingPeriodsCountOnceAndAdjacentOnesJoin() {
        let date = CalendarDate("2026-11-22")!
        // Two jobs at once for half a year, then one: one stretch from 2023-01-01 to 2024-12-31.
        let overlap = Self.log([("2023-01-01", "2024-06-30"), ("2024-01-01", "2024-12-31")], on: date)
        #expect(overlap.reached(years: 2)?.day == CalendarDate("2025-01-01"))
        #expect(overlap.reached(years: 2)?.gapDays == 0)
        // Ending one day short of two years, with nothing after, never reaches them.
        #expect(Self.log([("2023-01-01", "2024-12-30")], on: date).reached(years: 2) == nil)
        // A period ending on one day and the next starting the day after leave no gap.
        let adjacent = Self.log([("2023-01-01", "2023-12-31"), ("2024-01-01", nil)], on: date)
        #expect(adjacent.reached(years: 2)?.day == CalendarDate("2025-01-01") && adjacent.reached(years: 2)?.gapDays == 0)
        // Unordered periods, one inside another.
        let inside = Self.log([("2024-03-01", "2024-04-01"), ("2023-01-01", "2024-12-31")], on: date)
        #expect(inside.reached(years: 2)?.day == CalendarDate("2025-01-01"))
        // Without a log: since the start, without a break.
        #expect(ExperienceRecord(jobcoachSince: CalendarDate("2023-01-01")!).reached(years: 2)?.day == CalendarDate("2025-01-01"))
    }

    @Test func notPractisingNowFails() throws {
        var portfolio = Self.eligible()
        portfolio.experience.practisingNow = false
        let result = try verdict("register-jobcoach", "2021", portfolio)
        #expect(!result.eligible)
        #expect(result.unmet.map(\.id) == ["experience"])
        #expect(requirement(result, "experience-practising")?.explanation.en == "not practising as a job coach on 22 November 2026")
    }

    @Test(arguments: [(97.0, false), (98.0, true)])
    func ninetyEightHoursOfCourses(_ hours: Double, _ met: Bool) throws {
        var portfolio = Self.eligible()
        portfolio.jobcoachDiplomas = []
        portfolio.courses = [CourseRecord(title: "SPH", hours: hours - 40, ects: nil, completedOn: CalendarDate("2019-01-01")!),
                             CourseRecord(title: "A&O", hours: 40, ects: nil, completedOn: CalendarDate("2020-01-01")!)]
        let result = try verdict("register-jobcoach", "2021", portfolio)
        #expect(result.eligible == met)
        #expect(requirement(result, "supplement-courses")?.met == met)
        if !met { #expect(requirement(result, "supplement-courses")?.explanation.en == "97 of 98 hours of courses and training: 1 to go") }
    }

    @Test func ectsCountAt28HoursEach() throws {
        var portfolio = Self.eligible()
        portfolio.jobcoachDiplomas = []
        portfolio.courses = [CourseRecord(title: "Ergotherapie", hours: nil, ects: 3.5, completedOn: CalendarDate("2019-01-01")!)]
        #expect(try verdict("register-jobcoach", "2021", portfolio).eligible)
        portfolio.courses[0].ects = 3.4
        #expect(try !verdict("register-jobcoach", "2021", portfolio).eligible)
    }

    @Test func coursesAfterTheReferenceDateDoNotCount() throws {
        var portfolio = Self.eligible()
        portfolio.jobcoachDiplomas = []
        portfolio.courses = [CourseRecord(title: "SPH", hours: 100, ects: nil, completedOn: CalendarDate("2027-01-01")!)]
        #expect(try !verdict("register-jobcoach", "2021", portfolio).eligible)
    }

    @Test(arguments: [
        ("Capabel", "2014-12-31", false), ("Capabel", "2015-01-01", true), ("capabel ", "2016-01-01", true),
        ("Combo", "2012-12-31", true), ("Combo", "2013-01-01", true), ("Saxion", "2020-06-01", true),
        ("Other school", "2012-12-31", true), ("Other school", "2013-01-01", false), ("Capabel", "2013-06-01", false),
    ])
    func jobcoachDiplomaRoutes(_ provider: String, _ date: String, _ met: Bool) throws {
        var portfolio = Self.eligible()
        portfolio.jobcoachDiplomas = [JobcoachDiplomaRecord(provider: provider, completedOn: CalendarDate(date)!)]
        let result = try verdict("register-jobcoach", "2021", portfolio)
        #expect(requirement(result, "education-supplement")?.met == met, "\(provider) \(date)")
    }

    @Test func aCapabelDiplomaOf2014IsExplained() throws {
        var portfolio = Self.eligible()
        portfolio.jobcoachDiplomas = [JobcoachDiplomaRecord(provider: "Capabel", completedOn: CalendarDate("2014-03-01")!)]
        let capabel = try #require(requirement(try verdict("register-jobcoach", "2021", portfolio), "supplement-capabel"))
        #expect(capabel.explanation.en == "the diploma from Capabel of 1 March 2014 is outside the period (obtained on or after 1 January 2015)")
    }

    @Test func saraWerktCountsFromTheRevisionOn() throws {
        var portfolio = Self.eligible()
        portfolio.jobcoachDiplomas = [JobcoachDiplomaRecord(provider: "Sara Werkt", completedOn: CalendarDate("2023-03-01")!)]
        #expect(try !verdict("register-jobcoach", "2021", portfolio).eligible)
        #expect(try verdict("register-jobcoach", "2022-09", portfolio).eligible)
    }

    @Test(arguments: [EducationEvidenceKind.evc, .assessment])
    func hboLevelShownByEVCOrAssessment(_ kind: EducationEvidenceKind) throws {
        var portfolio = Self.eligible()
        portfolio.education = [EducationRecord(kind: kind, level: LevelReference(framework: .nlqf, level: "6"), completedOn: CalendarDate("2018-01-01")!)]
        let result = try verdict("register-jobcoach", "2021", portfolio)
        #expect(result.eligible)
        #expect(requirement(result, "education-base")?.route == "education-base-\(kind.rawValue)")
    }

    @Test(arguments: [
        (QualificationFrameworkID.eqf, "6", true), (.nlqf, "7", true), (.nlqf, "5", false), (.rqf, "6", true),
        (.rqf, "5", false), (.scqf, "9", true), (.scqf, "10", true), (.scqf, "8", false), (.eqf, "5", false),
    ])
    func levelsInAnyFramework(_ framework: QualificationFrameworkID, _ level: String, _ met: Bool) throws {
        var portfolio = Self.eligible()
        portfolio.education = [EducationRecord(kind: .degree, level: LevelReference(framework: framework, level: level), completedOn: CalendarDate("2010-01-01")!)]
        #expect(try verdict("register-jobcoach", "2021", portfolio).eligible == met, "\(framework) \(level)")
    }

    @Test func aTooLowDegreeIsExplained() throws {
        var portfolio = Self.eligible()
        portfolio.education = [EducationRecord(kind: .degree, level: LevelReference(framework: .nlqf, level: "4"), completedOn: CalendarDate("2010-01-01")!)]
        let base = try #require(requirement(try verdict("register-jobcoach", "2021", portfolio), "education-base-degree"))
        #expect(base.explanation.en == "at least NLQF 6 (EQF 6) needed; highest given: NLQF 4 (EQF 4)")
    }

    @Test(arguments: [(1399.0, false), (1400.0, true)])
    func theDutchProfileNeeds1400Hours(_ hours: Double, _ met: Bool) throws {
        var portfolio = Self.eligible()
        portfolio.experience.jobcoachHours = hours
        #expect(try verdict("jobcoach-profile-nl", "2014", portfolio).eligible == met)
    }

    @Test(arguments: [("2013-07-31", false), ("2013-08-01", true)])
    func theDutchProfileCountsDiplomasAfterJuly2013(_ date: String, _ met: Bool) throws {
        var portfolio = Self.eligible()
        portfolio.experience.jobcoachHours = 1500
        portfolio.jobcoachDiplomas = [JobcoachDiplomaRecord(provider: "Combo", completedOn: CalendarDate(date)!)]
        #expect(try verdict("jobcoach-profile-nl", "2014", portfolio).eligible == met)
    }

    @Test func theUKConceptReportsEachRoute() throws {
        var portfolio = Self.eligible()
        portfolio.education = [EducationRecord(kind: .degree, level: LevelReference(framework: .rqf, level: "6"), completedOn: CalendarDate("2010-01-01")!)]
        #expect(try verdict("uk-qualification-concept", "2017", portfolio).requirements[0].route == "route-eqf6")
        portfolio.education[0].level = LevelReference(framework: .rqf, level: "4")
        #expect(try verdict("uk-qualification-concept", "2017", portfolio).requirements[0].route == "route-eqf5")
        portfolio.education[0].level = LevelReference(framework: .scqf, level: "7")
        #expect(try verdict("uk-qualification-concept", "2017", portfolio).requirements[0].route == "route-eqf5")
        portfolio.education[0].level = LevelReference(framework: .rqf, level: "2")
        let transitional = try verdict("uk-qualification-concept", "2017", portfolio)
        #expect(transitional.requirements[0].route == "route-transitional")
        portfolio.experience.practisingNow = false
        #expect(try !verdict("uk-qualification-concept", "2017", portfolio).eligible)
    }

    @Test func anEmptyPortfolioFailsEveryRequirementWithAReason() throws {
        let result = try verdict("register-jobcoach", "2021", Portfolio())
        #expect(!result.eligible)
        #expect(result.requirements.allSatisfy { !$0.met && !$0.explanation.en.isEmpty && !$0.explanation.nl.isEmpty })
        #expect(requirement(result, "experience-years")?.explanation.en == "no start date as a job coach given (needed: 2 years)")
    }

    @Test func frameworksWithoutRequirementsHaveNothingToMeet() throws {
        let result = try verdict("pl-training-guidelines", "2015", Portfolio())
        #expect(result.requirements.isEmpty)
        #expect(result.eligible)
    }
}
