import Foundation
import JobcoachCore
import Vapor

/// `jobcoach frameworks validate [FILE...]`: checks framework data files (the shipped ones when no
/// file is named) and exits non-zero when any is invalid, naming the file and the item.
struct FrameworksCommand: AnyAsyncCommand {
    var help: String { "Framework data: 'frameworks validate [FILE...]' checks data files." }

    func run(using context: inout CommandContext) async throws {
        var arguments = context.input.arguments
        guard arguments.first == "validate" else {
            context.fail("Usage: jobcoach frameworks validate [FILE...]", code: 2)
            return
        }
        arguments.removeFirst()
        let levels = try ProfessionalStandard.loadBundledLevels()
        let loader = FrameworkLoader(levels: levels)
        let files = arguments.isEmpty
            ? FrameworkLoader.yamlFiles(in: ProfessionalStandard.frameworkDirectory)
            : arguments.map { URL(fileURLWithPath: $0) }
        do {
            let base = arguments.isEmpty ? ProfessionalStandard.frameworkDirectory : nil
            for url in files where !FileManager.default.fileExists(atPath: url.path) {
                throw FrameworkDataError(issues: [FrameworkDataIssue(file: url.path, message: "no such file")])
            }
            let versions = try loader.load(files: files, relativeTo: base)
            for version in versions.sorted(by: { ($0.id, $0.effectiveFrom) < ($1.id, $1.effectiveFrom) }) {
                let counts = version.groupKinds.map { "\(version.groups($0).count) \($0.rawValue), \(version.indicatorCount($0)) indicators" }
                context.console.print("ok  \(version.id) \(version.version) (from \(version.effectiveFrom))"
                    + (counts.isEmpty ? "" : ": " + counts.joined(separator: "; ")))
            }
            context.console.print("\(versions.count) file\(versions.count == 1 ? "" : "s") valid.")
        } catch let error as FrameworkDataError {
            context.fail(error.description, code: 1)
            return
        }
    }
}
