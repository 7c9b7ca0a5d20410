import Testing
@testable import JobcoachCore

/// The shipped data files load and hold what the source documents say.
@Suite struct ShippedFrameworkTests {
    static let standard = Result { try ProfessionalStandard.loadBundled() }

    var standard: ProfessionalStandard {
        get throws { try Self.standard.get() }
    }

    @Test func everySourceDocumentIsOneOfTheFiveWithATitleInBothLanguages() throws {
        let files = try standard.frameworks.allVersions.map(\.sourceDocument)
        for file in Set(files) {
            let document = try #require(SourceDocument.named(file), "\(file)")
            #expect(!document.title.nl.isEmpty && !document.title.en.isEmpty && !document.title.nl.hasSuffix(".txt"))
        }
        #expect(SourceDocument.all.count == 5 && SourceDocument.named("003_b66b703d62cc6d38.txt")?.language == .nl)
    }

    @Test func allFiveFrameworksLoad() throws {
        #expect(try standard.frameworks.ids == ["register-jobcoach", "jobcoach-profile-nl", "uk-qualification-concept",
                                                "pl-training-guidelines", "se-quality"])
    }

    @Test func registerJobcoach2021HasTheCountsOfDocument003() throws {
        let register = try #require(try standard.frameworks.version("register-jobcoach", "2021"))
        #expect(register.effectiveFrom == CalendarDate("2021-01-01"))
        #expect(register.knowledgeAreas.count == 4)
        #expect(register.indicatorCount(.knowledgeAreas) == 14)
        #expect(register.tasks.map(\.number) == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(register.indicatorCount(.tasks) == 45)
        #expect(register.tasks.map(\.indicators.count) == [7, 6, 4, 4, 11, 3, 7, 3])
        #expect(register.competencies.count == 6)
        #expect(register.indicatorCount(.competencies) == 45)
        #expect(register.attitudes.map(\.id) == ["attitude-ethics", "attitude-self-reflection",
                                                 "attitude-development", "attitude-diversity-inclusion"])
        #expect(register.certification == nil)
    }

    @Test func dutchTextIsKeptAsWritten() throws {
        let register = try #require(try standard.frameworks.version("register-jobcoach", "2021"))
        let task1 = try #require(register.task(number: 1))
        #expect(task1.indicators.last?.text.nl == "Rondt het gesprek af met concrete vervolgfafspraken.")
        #expect(register.sourceLanguage == .nl)
    }
}
