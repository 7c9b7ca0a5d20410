import Testing
@testable import JobcoachCore

@Suite struct FrameworkDiffTests {
    var catalog: FrameworkCatalog {
        get throws { try ShippedFrameworkTests.standard.get().frameworks }
    }

    @Test func saraWerktIsAddedIn2022() throws {
        let catalog = try self.catalog
        let diff = FrameworkDiff(from: try #require(catalog.version("register-jobcoach", "2021")),
                                 to: try #require(catalog.version("register-jobcoach", "2022-09")))
        #expect(diff.added.map(\.id) == ["supplement-sara-werkt"])
        #expect(diff.added.first?.parent == "education-supplement")
        #expect(diff.removed.isEmpty)
        let supplement = try #require(diff.changed.first { $0.id == "education-supplement" })
        #expect(supplement.changes.map(\.field) == ["anyOf"])
        #expect(supplement.changes[0].after?.contains("supplement-sara-werkt") == true)
    }

    @Test func certificateValidityAppearsIn2023() throws {
        let catalog = try self.catalog
        let diff = FrameworkDiff(from: try #require(catalog.version("register-jobcoach", "2022-09")),
                                 to: try #require(catalog.version("register-jobcoach", "2023")))
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
        let framework = try #require(diff.changed.first { $0.kind == "framework" })
        #expect(framework.changes.contains { $0.field == "certification.validityYears" && $0.before == nil && $0.after == "4" })
    }

    @Test func aVersionEqualsItself() throws {
        let version = try #require(try catalog.version("uk-qualification-concept", "2017"))
        #expect(FrameworkDiff(from: version, to: version).isEmpty)
    }

    @Test func aChangedIndicatorIsReportedAloneWithBeforeAndAfter() throws {
        var old = try #require(try catalog.version("register-jobcoach", "2021"))
        var new = old
        new.version = "test"
        new.tasks[1].indicators[0].text.en = "Changed."
        old.tasks[2].indicators.removeLast()
        let diff = FrameworkDiff(from: old, to: new)
        #expect(diff.added.map(\.id) == ["task-2-4"])
        #expect(diff.changed.map(\.id) == ["task-1-1"])
        #expect(diff.changed[0].changes == [FrameworkFieldChange(field: "text.en", before: old.tasks[1].indicators[0].text.en, after: "Changed.")])
    }
}
