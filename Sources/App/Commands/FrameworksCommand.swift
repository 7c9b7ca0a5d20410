import Foundation
import JobcoachCore
import Vapor

/// `jobcoach frameworks validate [FILE...]`: checks framework data files (the shipped ones, the
/// condition vocabulary, the places and the training programmes when no file is named) and exits
/// non-zero when any is invalid, naming the file and the item. A file named `conditions.yaml` is read
/// as a vocabulary, a `.tsv` file as places.
/// `jobcoach frameworks import-case FILE [--output PATH]`: turns a CASE 1.1 package into framework
/// YAML, checked like a data file; a problem names the CF identifier and exits 1.
struct FrameworksCommand: AnyAsyncCommand {
    var help: String {
        "Framework data: 'frameworks validate [FILE...]' checks data files; 'frameworks import-case FILE [--output PATH]' converts a CASE package."
    }

    static let usage = "Usage: jobcoach frameworks validate [FILE...] | jobcoach frameworks import-case FILE [--output PATH]"

    func run(using context: inout CommandContext) async throws {
        var arguments = context.input.arguments
        if arguments.first == "import-case" {
            importCASE(Array(arguments.dropFirst()), context: &context)
            return
        }
        guard arguments.first == "validate" else {
            context.fail(Self.usage, code: 2)
            return
        }
        arguments.removeFirst()
        let levels = try ProfessionalStandard.loadBundledLevels()
        let loader = FrameworkLoader(levels: levels)
        let named = arguments.map { URL(fileURLWithPath: $0) }
        let vocabularies = arguments.isEmpty ? [ConditionVocabulary.bundledURL] : named.filter { $0.lastPathComponent == "conditions.yaml" }
        let placeFiles = arguments.isEmpty
            ? [PlaceCatalog.bundledURL]
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
            if arguments.isEmpty {
                let training = try ProgrammeLoader(frameworks: FrameworkCatalog(versions: versions))
                    .load(directory: ProfessionalStandard.resourceDirectory.appendingPathComponent("Training"))
                for programme in training.programmes.programmes {
                    context.console.print("ok  programme \(programme.id): \(programme.modules.count) modules, \(NumberText.format(programme.hours, in: .en)) hours")
                }
                context.console.print("ok  \(training.recognitions.count) recognised trainings")
            }
            context.console.print("\(versions.count) file\(versions.count == 1 ? "" : "s") valid.")
        } catch let error as FrameworkDataError {
            context.fail(error.description, code: 1)
            return
        }
    }

    private func importCASE(_ arguments: [String], context: inout CommandContext) {
        var rest = arguments
        var output: String?
        if let index = rest.firstIndex(of: "--output") {
            guard index + 1 < rest.count else {
                context.fail("--output needs a path", code: 2)
                return
            }
            output = rest[index + 1]
            rest.removeSubrange(index...(index + 1))
        }
        guard rest.count == 1, let path = rest.first, !path.hasPrefix("--") else {
            context.fail(Self.usage, code: 2)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            context.fail("\(path): no such file, or it cannot be read", code: 1)
            return
        }
        do {
            let levels = try ProfessionalStandard.loadBundledLevels()
            let yaml = try CASEConversion.frameworkYAML(from: data, loader: FrameworkLoader(levels: levels))
            if let output {
                try yaml.write(toFile: output, atomically: true, encoding: .utf8)
                context.console.print("ok  \(path) converted to \(output)")
            } else {
                FileHandle.standardOutput.write(Data(yaml.utf8))
            }
        } catch let error as CASEConversionError {
            context.fail("\(path): \(error.description)", code: 1)
        } catch {
            context.fail("\(path): \(error)", code: 1)
        }
    }
}
