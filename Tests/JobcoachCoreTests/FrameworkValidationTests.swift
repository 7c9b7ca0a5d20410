import Testing
@testable import JobcoachCore

/// Invalid data fails with a message that names the file, the line and the item.
@Suite struct FrameworkValidationTests {
    static let levels = Result { try ProfessionalStandard.loadBundledLevels() }

    /// A small valid file; each test breaks one thing.
    static let valid = """
        id: demo-profile
        version: "1"
        effectiveFrom: 2020-01-01
        sourceDocument: demo.txt
        sourceLanguage: nl
        title: {nl: "Demo", en: "Demo"}
        publisher: {nl: "Uitgever", en: "Publisher"}
        summary: {nl: "Kort.", en: "Short."}
        level: {framework: NLQF, level: 6}
        entryRequirements:
          - id: education
            title: {nl: "Opleiding", en: "Education"}
            anyOf:
              - id: education-degree
                title: {nl: "Hbo", en: "Bachelor"}
                condition: {type: qualification, minimumLevel: {framework: NLQF, level: 6}, shownBy: [degree]}
              - id: education-hours
                title: {nl: "Uren", en: "Hours"}
                condition: {type: courseHours, minimumHours: 98, minimumEcts: 3.5, hoursPerEcts: 28}
        tasks:
          - id: task-1
            number: 1
            title: {nl: "Intake", en: "Intake"}
            indicators:
              - id: task-1-1
                text: {nl: "Voert een gesprek.", en: "Holds a conversation."}
              - id: task-1-2
                text: {nl: "Maakt afspraken.", en: "Makes agreements."}
        """

    func parse(_ yaml: String) throws -> Result<FrameworkVersion, FrameworkDataError> {
        FrameworkLoader(levels: try Self.levels.get()).parse(yaml: yaml, file: "demo/1.yaml")
    }

    func issues(_ yaml: String) throws -> [FrameworkDataIssue] {
        switch try parse(yaml) {
        case .success: return []
        case .failure(let error): return error.issues
        }
    }

    @Test func theValidFileLoads() throws {
        let version = try parse(Self.valid).get()
        #expect(version.tasks.first?.indicators.count == 2)
        #expect(version.entryRequirements.first?.children.count == 2)
    }

    @Test func duplicateIDNamesTheItemAndBothLines() throws {
        let found = try issues(Self.valid.replacingOccurrences(of: "id: task-1-2", with: "id: task-1-1"))
        #expect(found.count == 1)
        #expect(found[0].item == "task-1-1")
        #expect(found[0].message.contains("duplicate id"))
        #expect(found[0].message.contains("first at line"))
        #expect(found[0].description.hasPrefix("demo/1.yaml:"))
    }

    @Test func missingTranslationNamesTheLanguage() throws {
        let found = try issues(Self.valid.replacingOccurrences(of: "en: \"Makes agreements.\"", with: "en: \"\""))
        #expect(found.count == 1)
        #expect(found[0].item == "task-1-2")
        #expect(found[0].message.contains("missing translation"))
        #expect(found[0].message.contains("(en)"))
        #expect(found[0].line == 28)
    }

    @Test func emptyIndicatorIsRefused() throws {
        let yaml = Self.valid.replacingOccurrences(
            of: "text: {nl: \"Maakt afspraken.\", en: \"Makes agreements.\"}", with: "text: {nl: \"\", en: \"\"}")
        let found = try issues(yaml)
        #expect(found.contains { $0.item == "task-1-2" && $0.message.contains("empty indicator") })
    }

    @Test func indicatorWithoutTextIsRefused() throws {
        let yaml = Self.valid.replacingOccurrences(
            of: "\n        text: {nl: \"Maakt afspraken.\", en: \"Makes agreements.\"}", with: "")
        #expect(try issues(yaml).contains { $0.item == "task-1-2" && $0.message.contains("empty indicator") })
    }

    @Test func unknownLevelIsRefused() throws {
        let found = try issues(Self.valid.replacingOccurrences(of: "level: {framework: NLQF, level: 6}\nentry",
                                                               with: "level: {framework: NLQF, level: 9}\nentry"))
        #expect(found.count == 1)
        #expect(found[0].message == "unknown level 'NLQF 9'")
    }

    @Test func unknownLevelFrameworkIsRefused() throws {
        let found = try issues(Self.valid.replacingOccurrences(of: "minimumLevel: {framework: NLQF",
                                                               with: "minimumLevel: {framework: ECTS"))
        #expect(found.count == 1)
        #expect(found[0].item == "education-degree")
        #expect(found[0].message.contains("unknown level framework 'ECTS'"))
    }

    @Test func unknownConditionTypeAndParameterAreRefused() throws {
        let type = try issues(Self.valid.replacingOccurrences(of: "type: courseHours", with: "type: courseDays"))
        #expect(type.contains { $0.item == "education-hours" && $0.message.contains("unknown condition type 'courseDays'") })
        let parameter = try issues(Self.valid.replacingOccurrences(of: "hoursPerEcts: 28", with: "hoursPerEC: 28"))
        #expect(parameter.contains { $0.item == "education-hours" && $0.message.contains("no parameter 'hoursPerEC'") })
    }

    @Test func misspeltKeyIsRefused() throws {
        let found = try issues(Self.valid.replacingOccurrences(of: "    indicators:", with: "    indicator:"))
        #expect(found.contains { $0.item == "task-1" && $0.message == "unknown key 'indicator'" })
    }

    @Test func badDateAndIDAreRefused() throws {
        #expect(try issues(Self.valid.replacingOccurrences(of: "2020-01-01", with: "2020-02-30"))
            .contains { $0.message.contains("must be a date") })
        #expect(try issues(Self.valid.replacingOccurrences(of: "id: task-1\n", with: "id: Task_1\n"))
            .contains { $0.item == "Task_1" && $0.message.contains("lowercase") })
    }

    @Test func requirementNeedsExactlyOneForm() throws {
        let yaml = Self.valid.replacingOccurrences(of: "    anyOf:\n", with: "    condition: {type: practising}\n    anyOf:\n")
        #expect(try issues(yaml).contains { $0.item == "education" && $0.message.contains("exactly one of") })
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let yaml = Self.valid
            .replacingOccurrences(of: "id: task-1-2", with: "id: task-1-1")
            .replacingOccurrences(of: "level: {framework: NLQF, level: 6}\nentry", with: "level: {framework: NLQF, level: 9}\nentry")
        #expect(try issues(yaml).count == 2)
    }

    @Test func notYAMLIsAClearError() throws {
        let found = try issues("id: [unclosed")
        #expect(found.count == 1)
        #expect(found[0].message.hasPrefix("not valid YAML"))
    }

    @Test func twoFilesWithTheSameVersionAreRefused() throws {
        let loader = FrameworkLoader(levels: try Self.levels.get())
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jc-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.valid.write(to: directory.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try Self.valid.write(to: directory.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        #expect {
            try loader.load(directory: directory)
        } throws: { error in
            let issues = (error as? FrameworkDataError)?.issues ?? []
            return issues.contains { $0.file == "b.yaml" && $0.message.contains("version '1' is also in a.yaml") }
        }
    }
}

import Foundation
