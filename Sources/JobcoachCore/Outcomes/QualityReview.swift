import Foundation

/// The simpler quality review beside the IPS-25: the five EUSE stages and the se-quality
/// recommendations, each scored on one four-point scale. Stages are data
/// (`Outcomes/euse-review.yaml`); the recommendations' words are the framework's own.
public struct QualityReview: Sendable {
    public struct Question: Hashable, Sendable {
        public var id: String
        public var name: LocalizedText
        public var question: LocalizedText?
    }

    /// The words of each score, lowest first.
    public var scale: [(score: Int, words: LocalizedText)]
    public var stages: [Question]
    public var recommendations: [Question]

    public init(scale: [(score: Int, words: LocalizedText)], stages: [Question], recommendations: [Question]) {
        self.scale = scale
        self.stages = stages
        self.recommendations = recommendations
    }

    public var questions: [Question] { stages + recommendations }

    /// The scores given: every question may stay unscored; a score given must be on the scale.
    /// Returns the scores and the ids of the questions whose answer is not a score.
    public func scores(_ answers: [String: String]) -> (scores: [String: Int], invalid: [String]) {
        var scores: [String: Int] = [:]
        var invalid: [String] = []
        let allowed = Set(scale.map(\.score))
        for question in questions {
            guard let text = answers[question.id], !text.isEmpty else { continue }
            if let score = Int(text), allowed.contains(score) { scores[question.id] = score } else { invalid.append(question.id) }
        }
        return (scores, invalid)
    }

    static let bundledFile = "Outcomes/euse-review.yaml"

    public static func loadBundled(frameworks: FrameworkCatalog) throws -> QualityReview {
        let url = ProfessionalStandard.resourceDirectory.appendingPathComponent(bundledFile)
        return try load(yaml: String(contentsOf: url, encoding: .utf8), file: bundledFile, frameworks: frameworks)
    }

    /// Reads the scale and the stages, and finds the recommendations in the framework the file names
    /// (its latest version); every section named must exist there.
    public static func load(yaml: String, file: String, frameworks: FrameworkCatalog) throws -> QualityReview {
        let issues = IssueCollector(file: file)
        var reader = try YAMLMappingReader.document(yaml, file: file, issues: issues)
        _ = reader.string("version")
        var scale: [(Int, LocalizedText)] = []
        for (index, node) in reader.list("scale").enumerated() {
            guard var entry = YAMLMappingReader(node, item: "scale[\(index)]", issues: issues, what: "a score") else { continue }
            let score = entry.int("score")
            let words = entry.text("words")
            entry.finish()
            if let score, let words { scale.append((score, words)) }
        }
        if scale.isEmpty { issues.add("'scale' must list the scores", item: nil, line: nil) }
        var stages: [Question] = []
        for (index, node) in reader.list("stages").enumerated() {
            guard var entry = YAMLMappingReader(node, item: "stages[\(index)]", issues: issues, what: "a stage") else { continue }
            let id = entry.string("id")
            let name = entry.text("name")
            let question = entry.text("question")
            entry.finish()
            if let id, let name { stages.append(Question(id: id, name: name, question: question)) }
        }
        var recommendations: [Question] = []
        if let node = reader.value("recommendations"), var source = YAMLMappingReader(node, item: "recommendations", issues: issues, what: "the recommendations") {
            let framework = source.string("framework") ?? ""
            let sections = source.strings("sections") ?? []
            source.finish()
            if let version = frameworks.versions(of: framework).last {
                for id in sections {
                    guard let section = version.sections.first(where: { $0.id == id }) else {
                        issues.add("framework '\(framework)' has no section '\(id)'", item: "recommendations", line: nil)
                        continue
                    }
                    recommendations += section.items.map { Question(id: $0.id, name: $0.text, question: nil) }
                }
            } else {
                issues.add("no framework '\(framework)'", item: "recommendations", line: nil)
            }
        }
        reader.finish()
        if !issues.issues.isEmpty { throw FrameworkDataError(issues: issues.issues) }
        return QualityReview(scale: scale, stages: stages, recommendations: recommendations)
    }
}

/// Who did a fidelity review: the agency itself, or two reviewers from outside (IPS practice).
public enum FidelityReviewKind: String, Sendable, CaseIterable {
    case selfAssessment = "self"
    case external

    public var minimumReviewers: Int { self == .external ? 2 : 0 }

    /// The reviewers' names, as typed with commas between them.
    public static func names(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public func accepts(reviewers text: String) -> Bool {
        Self.names(text).count >= minimumReviewers
    }
}
