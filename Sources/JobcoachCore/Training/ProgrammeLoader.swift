import Foundation
import Yams

/// Reads the programme files and the register's recognitions (`Training/`), checked as the framework
/// files are: every problem with its file, line and item, and the start refused when there is one.
/// Learning outcomes must cover items that the newest version of the framework they name has.
public struct ProgrammeLoader: Sendable {
    public let frameworks: FrameworkCatalog

    public init(frameworks: FrameworkCatalog) {
        self.frameworks = frameworks
    }

    static let recognitionsFile = "recognitions.yaml"

    /// Every `*.yaml` of the directory but the recognitions is a programme.
    public func load(directory: URL) throws -> (programmes: ProgrammeCatalog, recognitions: [ProgrammeRecognition]) {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var programmes: [TrainingProgramme] = []
        var issues: [FrameworkDataIssue] = []
        for name in names where name != Self.recognitionsFile {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            do {
                programmes.append(try programme(yaml: text, file: "Training/\(name)"))
            } catch let error as FrameworkDataError {
                issues += error.issues
            }
        }
        var seen: Set<String> = []
        for programme in programmes where !seen.insert(programme.id).inserted {
            issues.append(FrameworkDataIssue(file: "Training", item: programme.id, message: "two programme files have the id '\(programme.id)'"))
        }
        var recognitions: [ProgrammeRecognition] = []
        let recognitionURL = directory.appendingPathComponent(Self.recognitionsFile)
        if FileManager.default.fileExists(atPath: recognitionURL.path) {
            do {
                recognitions = try self.recognitions(yaml: try String(contentsOf: recognitionURL, encoding: .utf8),
                                                     file: "Training/\(Self.recognitionsFile)", programmes: Set(programmes.map(\.id)))
            } catch let error as FrameworkDataError {
                issues += error.issues
            }
        }
        issues += unrecognisedRoutes(recognitions)
        if !issues.isEmpty { throw FrameworkDataError(issues: issues) }
        return (ProgrammeCatalog(programmes: programmes), recognitions)
    }

    /// A route for recognised diplomas that names a provider without a recognition could never be met.
    func unrecognisedRoutes(_ recognitions: [ProgrammeRecognition]) -> [FrameworkDataIssue] {
        var issues: [FrameworkDataIssue] = []
        func walk(_ nodes: [RequirementNode], _ version: FrameworkVersion) {
            for node in nodes {
                switch node.rule {
                case .condition(.recognisedDiploma(let providers?)):
                    for provider in providers where !recognitions.contains(where: {
                        $0.framework == version.id && EligibilityEngine.sameProvider($0.provider, provider)
                    }) {
                        issues.append(FrameworkDataIssue(file: "Training/\(Self.recognitionsFile)", item: node.id,
                                                         message: "\(version.id) \(version.version) names '\(provider)' in \(node.id), but no recognition of it for \(version.id) is listed"))
                    }
                case .condition: continue
                case .allOf(let children), .anyOf(let children): walk(children, version)
                }
            }
        }
        for version in frameworks.allVersions { walk(version.entryRequirements, version) }
        return issues
    }

    public func programme(yaml: String, file: String) throws -> TrainingProgramme {
        let issues = IssueCollector(file: file)
        var reader = try YAMLMappingReader.document(yaml, file: file, issues: issues)
        let id = reader.string("id")
        if let id { reader = reader.renamed(id) }
        if let id, !Self.isIdentifier(id) { issues.add("'id' must be lowercase letters, digits and hyphens, not '\(id)'", item: id, line: reader.line) }
        let source = reader.string("sourceDocument", required: false)
        let title = reader.text("title")
        let summary = reader.text("summary")
        let framework = reader.string("framework")
        if let framework, !frameworks.contains(framework) {
            issues.add("'framework' names '\(framework)', which is not a framework", item: id, line: reader.line)
        }
        let level = eqfLevel(&reader, issues: issues)
        var moduleIDs: Set<String> = []
        var outcomeIDs: Set<String> = []
        var modules: [TrainingModule] = []
        for (index, node) in reader.list("modules").enumerated() {
            guard var entry = YAMLMappingReader(node, item: "modules[\(index)]", issues: issues, what: "a module") else { continue }
            let moduleID = entry.string("id")
            if let moduleID {
                entry = entry.renamed(moduleID)
                if !Self.isIdentifier(moduleID) { issues.add("module ids are lowercase letters, digits and hyphens", item: moduleID, line: entry.line) }
                if !moduleIDs.insert(moduleID).inserted { issues.add("the module id '\(moduleID)' is used twice", item: moduleID, line: entry.line) }
            }
            let moduleTitle = entry.text("title")
            let hours = entry.number("hours")
            if let hours, !(hours > 0 && hours <= 10_000) { issues.add("'hours' must be more than 0 and at most 10000", item: moduleID, line: entry.line) }
            let ec = entry.number("ec")
            if let ec, !(0...300).contains(ec) { issues.add("'ec' must be from 0 to 300", item: moduleID, line: entry.line) }
            var delivery: TrainingDelivery?
            if let name = entry.string("delivery") {
                delivery = TrainingDelivery(rawValue: name)
                if delivery == nil {
                    issues.add("'delivery' must be one of \(TrainingDelivery.allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'",
                               item: moduleID, line: entry.line)
                }
            }
            let moduleLevel = eqfLevel(&entry, issues: issues)
            var outcomes: [LearningOutcome] = []
            for (outcomeIndex, outcomeNode) in entry.list("learningOutcomes").enumerated() {
                guard var outcome = YAMLMappingReader(outcomeNode, item: "\(moduleID ?? "modules[\(index)]").learningOutcomes[\(outcomeIndex)]",
                                                      issues: issues, what: "a learning outcome") else { continue }
                let outcomeID = outcome.string("id")
                if let outcomeID {
                    outcome = outcome.renamed(outcomeID)
                    if !Self.isIdentifier(outcomeID) { issues.add("learning outcome ids are lowercase letters, digits and hyphens", item: outcomeID, line: outcome.line) }
                    if !outcomeIDs.insert(outcomeID).inserted || moduleIDs.contains(outcomeID) {
                        issues.add("the id '\(outcomeID)' is used twice in the programme", item: outcomeID, line: outcome.line)
                    }
                }
                let text = outcome.text("text")
                let covers = self.covers(&outcome, item: outcomeID, issues: issues)
                outcome.finish()
                if let outcomeID, let text { outcomes.append(LearningOutcome(id: outcomeID, text: text, covers: covers)) }
            }
            if outcomes.isEmpty { issues.add("a module needs at least one learning outcome", item: moduleID, line: entry.line) }
            entry.finish()
            if let moduleID, let moduleTitle, let hours, let ec, let delivery, let moduleLevel {
                modules.append(TrainingModule(id: moduleID, title: moduleTitle, hours: hours, ec: ec, delivery: delivery, eqfLevel: moduleLevel,
                                              learningOutcomes: outcomes))
            }
        }
        if modules.isEmpty && issues.issues.isEmpty { issues.add("'modules' must list at least one module", item: id, line: reader.line) }
        reader.finish()
        guard issues.issues.isEmpty, let id, let title, let summary, let framework, let level else {
            throw FrameworkDataError(issues: issues.issues)
        }
        return TrainingProgramme(id: id, sourceDocument: source, title: title, summary: summary, framework: framework, eqfLevel: level,
                                 modules: modules)
    }

    private func eqfLevel(_ reader: inout YAMLMappingReader, issues: IssueCollector) -> Int? {
        guard let level = reader.int("eqfLevel") else { return nil }
        guard (1...8).contains(level) else {
            issues.add("'eqfLevel' must be from 1 to 8, not \(level)", item: reader.item, line: reader.node.mapping?["eqfLevel"]?.line ?? reader.line)
            return nil
        }
        return level
    }

    /// `covers: {framework-id: [item ids]}`, each id a top-level item or an indicator of the newest version.
    private func covers(_ reader: inout YAMLMappingReader, item: String?, issues: IssueCollector) -> [String: [String]] {
        guard let node = reader.value("covers") else {
            issues.add("missing 'covers' (framework ids with the items the outcome covers)", item: item, line: reader.line)
            return [:]
        }
        guard let mapping = node.mapping else {
            issues.add("'covers' must map framework ids to lists of item ids", item: item, line: node.line)
            return [:]
        }
        var covers: [String: [String]] = [:]
        for (key, value) in mapping {
            guard let framework = key.string else { continue }
            guard let newest = frameworks.versions(of: framework).last else {
                issues.add("'covers' names '\(framework)', which is not a framework", item: item, line: key.line)
                continue
            }
            guard let list = value.sequence, !list.isEmpty else {
                issues.add("'covers.\(framework)' must list item ids", item: item, line: value.line)
                continue
            }
            var ids: [String] = []
            for element in list {
                guard let id = element.string, element.scalar != nil else {
                    issues.add("'covers.\(framework)' must list item ids", item: item, line: element.line)
                    continue
                }
                if newest.topLevelItem(containing: id) == nil {
                    issues.add("'\(id)' is not an item of \(framework) \(newest.version)", item: item, line: element.line)
                } else if !ids.contains(id) {
                    ids.append(id)
                }
            }
            covers[framework] = ids
        }
        if covers.isEmpty { issues.add("'covers' must name at least one framework", item: item, line: node.line) }
        return covers
    }

    public func recognitions(yaml: String, file: String, programmes: Set<String>) throws -> [ProgrammeRecognition] {
        let issues = IssueCollector(file: file)
        var reader = try YAMLMappingReader.document(yaml, file: file, issues: issues)
        var recognitions: [ProgrammeRecognition] = []
        for (index, node) in reader.list("recognitions").enumerated() {
            guard var entry = YAMLMappingReader(node, item: "recognitions[\(index)]", issues: issues, what: "a recognition") else { continue }
            let framework = entry.string("framework")
            if let framework, !frameworks.contains(framework) {
                issues.add("'framework' names '\(framework)', which is not a framework", item: entry.item, line: entry.line)
            }
            let provider = entry.string("provider")
            let programme = entry.string("programme", required: false)
            if let programme, !programmes.contains(programme) {
                issues.add("'programme' names '\(programme)', which is not a programme file", item: entry.item, line: entry.line)
            }
            let from = entry.date("from")
            let until = entry.date("until", required: false)
            if let from, let until, until <= from { issues.add("'until' must come after 'from'", item: entry.item, line: entry.line) }
            entry.finish()
            if let framework, let provider, let from {
                recognitions.append(ProgrammeRecognition(framework: framework, provider: provider, programme: programme, from: from, until: until))
            }
        }
        reader.finish()
        if !issues.issues.isEmpty { throw FrameworkDataError(issues: issues.issues) }
        return recognitions
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
