@testable import App
import Foundation
import Testing

extension AppTests {
    /// The shape of the Vapor shell, checked on its files: every typed template exists, and every
    /// template on disk is reachable through `Template` or as a partial.
    @Suite struct ShellShapeTests {
        static let appSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/App")
        static let views = appSources.appendingPathComponent("Resources/Views")

        @Test func everyTemplateCaseHasAFileAndEveryPageFileACase() throws {
            for template in Template.allCases {
                let path = Self.views.appendingPathComponent(template.rawValue + ".leaf").path
                #expect(FileManager.default.fileExists(atPath: path), "\(template) -> \(path)")
            }
            let files = try FileManager.default.subpathsOfDirectory(atPath: Self.views.path)
                .filter { $0.hasSuffix(".leaf") && !$0.contains("partials/") && $0 != "shared/base.leaf" }
                .map { String($0.dropLast(".leaf".count)) }
            let cases = Set(Template.allCases.map(\.rawValue))
            for file in files { #expect(cases.contains(file), "\(file).leaf has no Template case") }
        }

        @Test func theShellHasAtMostEightEntries() throws {
            let entries = try FileManager.default.contentsOfDirectory(atPath: Self.appSources.path).filter { !$0.hasPrefix(".") }
            #expect(entries.count <= 8, "\(entries.sorted())")
        }
    }
}
