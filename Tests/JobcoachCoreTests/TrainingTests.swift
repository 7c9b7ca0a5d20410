import Testing
@testable import JobcoachCore

/// The shipped programmes and recognitions, their checks, and what finished modules cover.
@Suite struct TrainingTests {
    var standard: ProfessionalStandard {
        get throws { try ShippedFrameworkTests.standard.get() }
    }

    @Test func theSeedsCurriculaShipAsProgrammes() throws {
        let programmes = try standard.programmes
        let uk = try #require(programmes.programme("uk-job-coach-curriculum"))
        #expect(uk.modules.map(\.id) == ["module-1", "module-2", "module-3", "module-4", "module-5", "module-6"])
        #expect(uk.framework == "uk-qualification-concept")
        // Every learning outcome of 000's modules is in the curriculum, each covering its own indicator.
        let concept = try #require(try standard.frameworks.version("uk-qualification-concept", "2017"))
        let indicators = concept.modules.flatMap(\.indicators).map(\.id)
        #expect(Set(uk.modules.flatMap { $0.covers(in: "uk-qualification-concept") }) == Set(indicators))
        let pl = try #require(programmes.programme("pl-job-coach-minimum"))
        // 001's six minimum areas, and the soft skills.
        #expect(pl.modules.count == 7)
        let polish = try #require(try standard.frameworks.versions(of: "pl-training-guidelines").last)
        #expect(Set(pl.modules.flatMap { $0.covers(in: "pl-training-guidelines") }.compactMap { polish.topLevelItem(containing: $0)?.id })
                == Set(polish.knowledgeAreas.map(\.id)))
        #expect(uk.hours > 0 && pl.hours > 0)
    }

    @Test func recognitionsAre003sList() throws {
        let recognitions = try standard.recognitions.filter { $0.framework == "register-jobcoach" }
        let byProvider = Dictionary(uniqueKeysWithValues: recognitions.map { ($0.provider, $0.from) })
        #expect(byProvider["Capabel"] == CalendarDate("2015-01-01"))
        for provider in ["Combo", "Elan", "Saxion"] { #expect(byProvider[provider] == CalendarDate("2013-01-01"), "\(provider)") }
        #expect(byProvider["Sara Werkt"] == CalendarDate("2022-09-01"))
        let capabel = try #require(recognitions.first { $0.provider == "Capabel" })
        #expect(!capabel.counts(completedOn: CalendarDate("2014-12-31")!))
        #expect(capabel.counts(completedOn: CalendarDate("2015-01-01")!))
        let ended = ProgrammeRecognition(framework: "register-jobcoach", provider: "X", from: CalendarDate("2013-01-01")!,
                                         until: CalendarDate("2020-01-01")!)
        #expect(ended.counts(completedOn: CalendarDate("2019-12-31")!))
        #expect(!ended.counts(completedOn: CalendarDate("2020-01-01")!))
    }

    @Test func theEngineReadsTheRecognitionsNotTheRequirement() throws {
        let standard = try standard
        let version = try #require(standard.frameworks.version("register-jobcoach", "2023"))
        var portfolio = EligibilityEngineTests.eligible()
        portfolio.jobcoachDiplomas = [JobcoachDiplomaRecord(provider: "Capabel", completedOn: CalendarDate("2014-03-01")!)]
        let day = CalendarDate("2026-06-01")!
        #expect(!standard.eligibility().isEligible(version, portfolio: portfolio, on: day))
        // An officer recognises Capabel's training from 2014: the same diploma now counts.
        let earlier = ProgrammeRecognition(framework: "register-jobcoach", provider: "Capabel", from: CalendarDate("2014-01-01")!)
        let verdict = standard.eligibility(adding: [earlier]).evaluate(version, portfolio: portfolio, on: day)
        #expect(verdict.eligible)
        #expect(verdict.requirements[0].route?.contains("supplement-capabel") == true)
        // A recognition for another framework changes nothing here.
        let elsewhere = ProgrammeRecognition(framework: "jobcoach-profile-nl", provider: "Capabel", from: CalendarDate("2010-01-01")!)
        #expect(!standard.eligibility(adding: [elsewhere]).isEligible(version, portfolio: portfolio, on: day))
        // The route's words name the recognition.
        let route = try #require(version.entryRequirements.flatMap(\.allNodes).first { $0.id == "supplement-capabel" })
        guard case .condition(let condition) = route.rule else { Issue.record("not a condition"); return }
        #expect(standard.describer().describe(condition, framework: version.id).en
                == "Diploma of a recognised job coach training from Capabel (recognised from 1 January 2015)")
    }

    @Test func aRecognisedRouteWithoutItsRecognitionIsADataError() throws {
        let standard = try standard
        let loader = ProgrammeLoader(frameworks: standard.frameworks)
        let issues = loader.unrecognisedRoutes(standard.recognitions.filter { $0.provider != "Elan" })
        #expect(!issues.isEmpty)
        #expect(issues.allSatisfy { $0.item == "supplement-combo-elan-saxion" && $0.message.contains("'Elan'") })
        #expect(loader.unrecognisedRoutes(standard.recognitions).isEmpty)
    }

    @Test func aBadProgrammeFileIsNamedByFileLineAndItem() throws {
        let loader = try ProgrammeLoader(frameworks: standard.frameworks)
        let yaml = """
        id: bad-programme
        title: {nl: "Slecht", en: "Bad"}
        summary: {nl: "x", en: "x"}
        framework: register-jobcoach
        eqfLevel: 9
        modules:
          - id: m1
            title: {nl: "Een", en: "One"}
            hours: 0
            ec: 1
            delivery: by-post
            eqfLevel: 5
            learningOutcomes:
              - id: lo-1
                text: {nl: "Iets"}
                covers:
                  register-jobcoach: [ka-1, task-99]
                  no-such-framework: [ka-1]
        """
        let error = try #require(throws: FrameworkDataError.self) { try loader.programme(yaml: yaml, file: "Training/bad.yaml") }
        let lines = error.issues.map(\.description)
        #expect(lines.contains { $0.contains("Training/bad.yaml:5") && $0.contains("'eqfLevel' must be from 1 to 8") })
        #expect(lines.contains { $0.contains("m1: 'hours' must be more than 0") })
        #expect(lines.contains { $0.contains("m1: 'delivery' must be one of faceToFace, online, blended, not 'by-post'") })
        #expect(lines.contains { $0.contains("Training/bad.yaml:17: lo-1: 'task-99' is not an item of register-jobcoach") })
        #expect(lines.contains { $0.contains("lo-1: 'covers' names 'no-such-framework'") })
        #expect(lines.contains { $0.contains("lo-1: 'text' has no English text") })
    }

    // MARK: Coverage

    func coverage(_ modules: [TrainingCoverage.Module], on day: String) throws -> TrainingCoverage {
        let standard = try standard
        let version = try #require(standard.frameworks.version("register-jobcoach", on: CalendarDate(day)!))
        return TrainingCoverage.compute(version, modules: modules, on: CalendarDate(day)!,
                                        engine: standard.eligibility())
    }

    @Test func coverageMeetsTheCourseHoursRuleAt98HoursNot97() throws {
        let short = try coverage([
            .init(id: "a", hours: 60, covers: ["ka-1", "task-2-1"], completedOn: CalendarDate("2026-03-01")),
            .init(id: "b", hours: 37, covers: ["competence-coaching"], completedOn: CalendarDate("2026-04-01")),
        ], on: "2026-06-01")
        #expect(short.hours == 97)
        #expect(short.trainingRequirement?.met == false)
        #expect(short.trainingRequirement?.explanation.en == "97 of 98 hours of courses and training: 1 to go")
        // An indicator covers its item; the list keeps the framework's order.
        #expect(short.covered == ["ka-1", "task-2", "competence-coaching"])
        #expect(short.notCovered.count == 22 - 3)
        #expect(!short.notCovered.contains("task-2"))

        let enough = try coverage([
            .init(id: "a", hours: 60, covers: ["ka-1"], completedOn: CalendarDate("2026-03-01")),
            .init(id: "b", hours: 38, covers: [], completedOn: CalendarDate("2026-06-01")),
        ], on: "2026-06-01")
        #expect(enough.hours == 98)
        #expect(enough.trainingRequirement?.met == true)
        #expect(enough.trainingRequirement?.explanation.nl == "98 van 98 uur cursussen en trainingen")
    }

    @Test func aModuleCompletedAfterTheDayOrNotAtAllCountsForNothing() throws {
        let result = try coverage([
            .init(id: "done", hours: 90, covers: ["ka-1"], completedOn: CalendarDate("2026-05-31")),
            .init(id: "later", hours: 20, covers: ["ka-2"], completedOn: CalendarDate("2026-06-02")),
            .init(id: "open", hours: 20, covers: ["ka-3"], completedOn: nil),
        ], on: "2026-06-01")
        #expect(result.hours == 90)
        #expect(result.covered == ["ka-1"])
        #expect(result.notCovered.contains("ka-2") && result.notCovered.contains("ka-3"))
        #expect(result.trainingRequirement?.met == false)
    }

    @Test func theCoverageRequestNamesTheFieldItCannotUse() throws {
        let catalog = try standard.frameworks
        func field(_ request: TrainingCoverageRequest) -> String? {
            do { _ = try request.prepare(catalog); return nil } catch { return error.field }
        }
        let good = TrainingCoverageRequest.Module(id: "m", hours: 10, covers: ["ka-1"], completedOn: "2026-01-01")
        #expect(field(.init(framework: "register-jobcoach", on: "2026-06-01", modules: [good])) == nil)
        #expect(field(.init(framework: "nope", on: "2026-06-01", modules: [good])) == "framework")
        #expect(field(.init(framework: "register-jobcoach", on: "1 June", modules: [good])) == "on")
        #expect(field(.init(framework: "register-jobcoach", on: "2026-06-01",
                            modules: [good, .init(id: "n", hours: 5, covers: ["ka-1", "task-42"], completedOn: nil)])) == "modules[1].covers[1]")
        #expect(field(.init(framework: "register-jobcoach", on: "2026-06-01",
                            modules: [.init(id: "m", hours: -1, covers: [], completedOn: nil)])) == "modules[0].hours")
        #expect(field(.init(framework: "register-jobcoach", on: "2026-06-01",
                            modules: [.init(id: "m", hours: 1, covers: [], completedOn: "soon")])) == "modules[0].completedOn")
    }
}
