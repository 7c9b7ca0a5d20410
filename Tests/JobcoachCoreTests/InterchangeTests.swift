import Foundation
import Testing
@testable import JobcoachCore

/// The standard travelling: CASE 1.1 packages out and back, name-based identifiers, and Moodle's CSV.
@Suite struct InterchangeTests {
    var standard: ProfessionalStandard {
        get throws { try ShippedFrameworkTests.standard.get() }
    }

    @Test func nameBasedUUIDsMatchTheRFCVectors() {
        let dns = UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")!
        let url = UUID(uuidString: "6ba7b811-9dad-11d1-80b4-00c04fd430c8")!
        #expect(NameBasedUUID.text(namespace: dns, name: "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(NameBasedUUID.text(namespace: dns, name: "www.example.com") == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
        #expect(NameBasedUUID.text(namespace: url, name: "https://example.org/fw/1") == "3ac6ac50-f610-5fb9-a287-2915d1999468")
        #expect(NameBasedUUID.text(namespace: url, name: "urn:example:item:ä") == "2df0228f-6f2e-5845-bae7-9509d1fdf987")
        #expect(NameBasedUUID.text(namespace: url, name: "urn:jobcoach:case") == CASEPackage.namespace.uuidString.lowercased())
    }

    func register(_ version: String) throws -> FrameworkVersion {
        try #require(try standard.frameworks.version("register-jobcoach", version))
    }

    @Test func theCASETreeHasOneParentPerItem() throws {
        let version = try register("2023")
        let package = CASEPackage.make(version, language: .nl, baseURL: "https://register.example")
        let indicators = version.topLevelItems.reduce(0) { $0 + $1.indicators.count }
        #expect(package.CFItems.count == 22 + indicators)
        #expect(package.CFAssociations.count == package.CFItems.count)
        #expect(package.CFAssociations.allSatisfy { $0.associationType == "isChildOf" })
        var parents: [String: String] = [:]
        for association in package.CFAssociations {
            #expect(parents.updateValue(association.destinationNodeURI.identifier, forKey: association.originNodeURI.identifier) == nil)
        }
        let byCode = Dictionary(uniqueKeysWithValues: package.CFItems.map { ($0.humanCodingScheme!, $0) })
        let task4 = try #require(byCode["task-4"])
        #expect(task4.CFItemType == "Task")
        #expect(task4.fullStatement == version.task(number: 4)!.title.nl)
        #expect(parents[task4.identifier] == package.CFDocument.identifier)
        let indicator = try #require(byCode[version.task(number: 4)!.indicators[0].id])
        #expect(indicator.CFItemType == "Indicator")
        #expect(parents[indicator.identifier] == task4.identifier)
        #expect(byCode["ka-1"]?.CFItemType == "Knowledge area")
        #expect(byCode["attitude-ethics"]?.CFItemType == "Attitude")
        #expect(package.CFItems.allSatisfy { $0.identifier.range(of: #"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"#, options: .regularExpression) != nil })
        #expect(package.CFDocument.caseVersion == "1.1")
    }

    @Test func identifiersNeverChangeForTheSameFrameworkAndItem() throws {
        let older = CASEPackage.make(try register("2021"), language: .nl, baseURL: "https://a.example")
        let newer = CASEPackage.make(try register("2023"), language: .en, baseURL: "https://b.example")
        let oldIDs = Dictionary(uniqueKeysWithValues: older.CFItems.map { ($0.humanCodingScheme!, $0.identifier) })
        let newIDs = Dictionary(uniqueKeysWithValues: newer.CFItems.map { ($0.humanCodingScheme!, $0.identifier) })
        #expect(older.CFDocument.identifier == newer.CFDocument.identifier)
        #expect(oldIDs["task-1"] == newIDs["task-1"])
        #expect(Set(oldIDs.values).count == oldIDs.count)
        #expect(newer.CFItems.first { $0.humanCodingScheme == "task-1" }?.fullStatement == (try register("2023")).task(number: 1)!.title.en)
        let other = CASEPackage.make(try #require(try standard.frameworks.versions(of: "jobcoach-profile-nl").last), language: .nl, baseURL: "x")
        #expect(other.CFDocument.identifier != newer.CFDocument.identifier)
    }

    @Test func anExportConvertsBackWithEveryItemAndBothLanguages() throws {
        let standard = try standard
        let loader = FrameworkLoader(levels: standard.levels)
        for version in standard.frameworks.allVersions where !version.topLevelItems.isEmpty {
            for language in Language.allCases {
                let data = try JSONEncoder().encode(CASEPackage.make(version, language: language, baseURL: "https://register.example"))
                let yaml = try CASEConversion.frameworkYAML(from: data, loader: loader)
                let back = try loader.parse(yaml: yaml, file: "back.yaml").get()
                #expect(back.id == version.id)
                #expect(back.version == version.version)
                #expect(back.effectiveFrom == version.effectiveFrom)
                for kind in ItemGroupKind.allCases {
                    #expect(back.groups(kind).map(\.id) == version.groups(kind).map(\.id), "\(version.id) \(kind)")
                    #expect(back.groups(kind).flatMap(\.indicators) == version.groups(kind).flatMap(\.indicators), "\(version.id) \(kind)")
                    #expect(back.groups(kind).map(\.title) == version.groups(kind).map(\.title))
                    #expect(back.groups(kind).map(\.number) == version.groups(kind).map(\.number))
                }
            }
        }
    }

    @Test func aPackageThatIsNotATwoLevelTreeIsRefusedNamingTheIdentifier() throws {
        let loader = try FrameworkLoader(levels: standard.levels)
        var package = CASEPackage.make(try register("2023"), language: .nl, baseURL: "x")
        let orphan = package.CFAssociations.removeLast()
        func refusal(_ package: CASEPackage) throws -> CASEConversionError? {
            let data = try JSONEncoder().encode(package)
            do { _ = try CASEConversion.frameworkYAML(from: data, loader: loader); return nil } catch { return error }
        }
        #expect(try refusal(package)?.identifier == orphan.originNodeURI.identifier)
        #expect(try refusal(package)?.message.contains("no isChildOf") == true)

        // An indicator hung below another indicator: three levels.
        package = CASEPackage.make(try register("2023"), language: .nl, baseURL: "x")
        let indicators = package.CFAssociations.filter { $0.destinationNodeURI.identifier != package.CFDocument.identifier }
        let index = try #require(package.CFAssociations.firstIndex(of: indicators[1]))
        package.CFAssociations[index].destinationNodeURI = indicators[0].originNodeURI
        #expect(try refusal(package)?.identifier == indicators[1].originNodeURI.identifier)

        // A statement without its other language.
        package = CASEPackage.make(try register("2023"), language: .nl, baseURL: "x")
        package.CFItems[3].extensions = nil
        let missing = try refusal(package)
        #expect(missing?.identifier == package.CFItems[3].identifier)
        #expect(missing?.message.contains("in en") == true)

        #expect(throws: CASEConversionError.self) { try CASEConversion.frameworkYAML(from: Data("{\"CFItems\": []}".utf8), loader: loader) }
    }

    @Test func theMoodleCSVStartsWithTheFrameworkAndNamesEachParent() throws {
        let version = try register("2023")
        let rows = MoodleCompetencyCSV.rows(version, language: .nl)
        #expect(rows[0] == ["Parent id number", "Id number", "Shortname", "Description", "Description format", "Scale values",
                            "Scale configuration", "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
                            "Cross referenced competency id numbers", "Exported id (optional)", "Is framework", "Taxonomy"])
        #expect(rows.allSatisfy { $0.count == 14 })
        #expect(rows[1][12] == "1")
        #expect(rows[1][1] == "register-jobcoach-2023")
        #expect(rows[1][5] == "Not yet competent,Competent")
        #expect(rows.dropFirst(2).allSatisfy { $0[12] == "" })
        let parents = Dictionary(uniqueKeysWithValues: rows.dropFirst(2).map { ($0[1], $0[0]) })
        #expect(parents.count == 22 + version.topLevelItems.reduce(0) { $0 + $1.indicators.count })
        for item in version.topLevelItems {
            #expect(parents[item.id] == "")
            for indicator in item.indicators { #expect(parents[indicator.id] == item.id) }
        }
        #expect(rows.dropFirst().allSatisfy { $0[2].count <= 100 })
        let text = MoodleCompetencyCSV.text(version, language: .en)
        #expect(text.hasPrefix("Parent id number,Id number,Shortname,"))
        #expect(text.split(separator: "\n").count >= rows.count)
    }
}
