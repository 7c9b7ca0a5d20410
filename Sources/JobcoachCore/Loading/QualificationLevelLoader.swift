import Foundation
import Yams

/// Reads the qualification level crosswalk (`Resources/QualificationLevels/levels.yaml`).
public enum QualificationLevelLoader {
    private struct File: Decodable {
        var frameworks: [FrameworkEntry]
    }

    private struct FrameworkEntry: Decodable {
        var id: QualificationFrameworkID
        var title: LocalizedText
        var description: LocalizedText
        var levels: [LevelEntry]
    }

    private struct LevelEntry: Decodable {
        var code: String
        var eqf: Int?
        var label: LocalizedText
        var examples: LocalizedText?
    }

    public static func load(yaml: String, file: String) throws -> QualificationLevelCatalog {
        let decoded: File
        do {
            decoded = try YAMLDecoder().decode(File.self, from: yaml)
        } catch {
            throw FrameworkDataError(issues: [FrameworkDataIssue(file: file, message: "cannot read levels: \(error)")])
        }
        var issues: [FrameworkDataIssue] = []
        let frameworks = decoded.frameworks.map { entry in
            var codes: Set<String> = []
            let levels = entry.levels.enumerated().map { rank, level in
                if !codes.insert(level.code).inserted {
                    issues.append(FrameworkDataIssue(file: file, item: "\(entry.id.rawValue) \(level.code)", message: "duplicate level"))
                }
                if let eqf = level.eqf, !(1...8).contains(eqf) {
                    issues.append(FrameworkDataIssue(file: file, item: "\(entry.id.rawValue) \(level.code)", message: "EQF level \(eqf) is not 1 to 8"))
                }
                for language in level.label.missingLanguages {
                    issues.append(FrameworkDataIssue(file: file, item: "\(entry.id.rawValue) \(level.code)",
                                                     message: "label has no \(language.rawValue) text: missing translation"))
                }
                return QualificationLevel(framework: entry.id, code: level.code, label: level.label,
                                          eqf: level.eqf, examples: level.examples, rank: rank)
            }
            return QualificationFramework(id: entry.id, title: entry.title, description: entry.description, levels: levels)
        }
        let missing = Set(QualificationFrameworkID.allCases).subtracting(frameworks.map(\.id))
        for id in missing.sorted() {
            issues.append(FrameworkDataIssue(file: file, item: id.rawValue, message: "framework has no levels"))
        }
        if !issues.isEmpty { throw FrameworkDataError(issues: issues) }
        return QualificationLevelCatalog(frameworks: frameworks)
    }
}
