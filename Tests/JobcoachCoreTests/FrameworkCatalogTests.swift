import Testing
@testable import JobcoachCore

@Suite struct FrameworkCatalogTests {
    var catalog: FrameworkCatalog {
        get throws { try ShippedFrameworkTests.standard.get().frameworks }
    }

    @Test func theVersionInForceChangesOnItsFirstDay() throws {
        let catalog = try self.catalog
        #expect(catalog.version("register-jobcoach", on: CalendarDate("2022-08-31")!)?.version == "2021")
        #expect(catalog.version("register-jobcoach", on: CalendarDate("2022-09-01")!)?.version == "2022-09")
        #expect(catalog.version("register-jobcoach", on: CalendarDate("2023-01-01")!)?.version == "2023")
        #expect(catalog.version("register-jobcoach", on: CalendarDate("2026-11-22")!)?.version == "2023")
    }

    @Test func nothingIsInForceBeforeTheFirstVersionOrForAnUnknownFramework() throws {
        let catalog = try self.catalog
        #expect(catalog.version("register-jobcoach", on: CalendarDate("2020-12-31")!) == nil)
        #expect(catalog.version("no-such-framework", on: CalendarDate("2026-01-01")!) == nil)
        #expect(catalog.version("register-jobcoach", "1999") == nil)
    }

    @Test func summariesListVersionsOldestFirst() throws {
        let register = try #require(try catalog.summaries.first)
        #expect(register.id == "register-jobcoach")
        #expect(register.versions.map(\.version) == ["2021", "2022-09", "2023"])
    }

    @Test func laterVersionsKeepTheIDsOfThe2021Version() throws {
        let catalog = try self.catalog
        let first = try #require(catalog.version("register-jobcoach", "2021"))
        let latest = try #require(catalog.version("register-jobcoach", "2023"))
        let diff = FrameworkDiff(from: first, to: latest)
        #expect(diff.removed.isEmpty)
        #expect(diff.added.map(\.id) == ["supplement-sara-werkt"])
    }

    @Test func everyShippedFrameworkHasItsSourceParts() throws {
        let catalog = try self.catalog
        let profile = try #require(catalog.version("jobcoach-profile-nl", "2014"))
        #expect(profile.effectiveFrom == CalendarDate("2014-01-01"))
        #expect(profile.entryRequirements.flatMap(\.conditions).contains(.experienceHours(minimumHours: 1400)))
        let uk = try #require(catalog.version("uk-qualification-concept", "2017"))
        #expect(uk.modules.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(uk.entryRequirements.first?.children.map(\.id) == ["route-eqf6", "route-eqf5", "route-transitional"])
        #expect(uk.sections.contains { $0.id == "national-occupational-standards" })
        #expect(uk.sections.first { $0.id == "target-groups" }?.items.count == 3)
        let poland = try #require(catalog.version("pl-training-guidelines", "2015"))
        #expect(poland.knowledgeAreas.count == 6)
        #expect(["soft-skills", "mentoring", "peer-group-meetings"].allSatisfy { id in poland.sections.contains { $0.id == id } })
        let quality = try #require(catalog.version("se-quality", "2014"))
        #expect(["supported-employment-model", "recommendations", "main-tasks", "common-conclusions"]
            .allSatisfy { id in quality.sections.contains { $0.id == id } })
    }

    @Test func register2021EntryRequirementsFollowDocument003() throws {
        let register = try #require(try catalog.version("register-jobcoach", "2021"))
        let conditions = register.entryRequirements.flatMap(\.conditions)
        // 003's named trainings are routes for recognised diplomas; their dates are the recognitions'.
        #expect(conditions.contains(.recognisedDiploma(providers: ["Capabel"])))
        #expect(conditions.contains(.recognisedDiploma(providers: ["Combo", "Elan", "Saxion"])))
        let recognitions = try ProfessionalStandard.loadBundled().recognitions
        #expect(recognitions.first { $0.provider == "Capabel" }?.from == CalendarDate("2015-01-01"))
        #expect(["Combo", "Elan", "Saxion"].allSatisfy { name in recognitions.first { $0.provider == name }?.from == CalendarDate("2013-01-01") })
        #expect(conditions.contains(.jobcoachDiploma(providers: nil, completedOnOrAfter: nil, completedBefore: CalendarDate("2013-01-01"))))
        #expect(conditions.contains(.experienceYears(minimumYears: 2)))
        #expect(conditions.contains(.experienceHours(minimumHours: 1200)))
        #expect(conditions.contains(.practising))
        let courses = conditions.first { if case .courseHours = $0 { true } else { false } }
        guard case let .courseHours(hours, ects, perEcts, fields) = courses else { Issue.record("no course hours"); return }
        #expect(hours == 98 && ects == 3.5 && perEcts == 28 && fields.count == 4)
    }
}
