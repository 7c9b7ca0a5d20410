import Foundation
import JobcoachCore
import Vapor

/// `jobcoach frameworks validate [FILE...]`: checks framework data files (the shipped ones, the
/// condition vocabulary and the places when no file is named) and exits non-zero when any is
/// invalid, naming the file and the item. A file named `conditions.yaml` is read as a vocabulary, a
/// `.tsv` file as places.
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
        let named = arguments.map { URL(fileURLWithPath: $0) }
        let vocabularies = arguments.isEmpty ? [ConditionVocabulary.bundledURL] : named.filter { $0.lastPathComponent == "conditions.yaml" }
        let placeFiles = arguments.isEmpty
            ? [ProfessionalStandard.resourceDirectory.appendingPathComponent("Places/nl.tsv")]
            : named.filter { $0.pathExtension == "tsv" }
        let files = arguments.isEmpty
            ? FrameworkLoader.yamlFiles(in: ProfessionalStandard.frameworkDirectory)
            : named.filter { !vocabularies.contains($0) && !placeFiles.contains($0) }
        do {
            for url in vocabularies + placeFiles where !FileManager.default.fileExists(atPath: url.path) {
                throw FrameworkDataError(issues: [FrameworkDataIssue(file: url.path, message: "no such file")])
            }
            for url in vocabularies {
                let vocabulary = try ConditionVocabulary.load(yaml: String(contentsOf: url, encoding: .utf8), file: url.path)
                context.console.print("ok  condition vocabulary: \(vocabulary.terms(.need).count) needs, \(vocabulary.terms(.demand).count) demands")
            }
            for url in placeFiles {
                let catalog = try PlaceCatalog.load(tsv: String(contentsOf: url, encoding: .utf8), file: url.path)
                context.console.print("ok  places: \(catalog.places.count) with coordinates")
            }
            if files.isEmpty && !named.isEmpty { return }
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
