import Foundation
import Yams

/// The working conditions job coaches use to describe what a client needs or cannot work with and
/// what a workplace offers or demands (`Resources/Matching/conditions.yaml`). Matching input may
/// only use these terms, so that "quiet" and "calm" do not silently fail to match.
public struct ConditionVocabulary: Sendable {
    public let terms: [ConditionTerm]
    private let indexByID: [String: Int]
    /// Position of each term among the terms of its use: its bit in a `ConditionSet`.
    private let bitByID: [String: Int]
    private let idsByUse: [ConditionUse: [String]]

    public init(terms: [ConditionTerm]) {
        self.terms = terms
        self.indexByID = Dictionary(terms.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var bits: [String: Int] = [:]
        var ids: [ConditionUse: [String]] = [:]
        for term in terms {
            bits[term.id] = ids[term.use, default: []].count
            ids[term.use, default: []].append(term.id)
        }
        self.bitByID = bits
        self.idsByUse = ids
    }

    public func term(_ id: String) -> ConditionTerm? {
        indexByID[id].map { terms[$0] }
    }

    public func terms(_ use: ConditionUse) -> [ConditionTerm] {
        terms.filter { $0.use == use }
    }

    /// Reads terms for one field of the input: every term must exist and be of the field's use.
    public func set(_ ids: [String], use: ConditionUse, field: String) throws(InputFieldError) -> ConditionSet {
        var set = ConditionSet()
        for id in ids {
            guard let term = term(id) else {
                throw InputFieldError(field: field, message: "unknown term '\(id)'; the terms are listed at /api/v1/matching/conditions")
            }
            guard term.use == use else {
                let other = term.use == .need ? "needs or offers" : "demands, cannot or adjustable"
                throw InputFieldError(field: field, message: "'\(id)' is a \(term.use.rawValue), use it in \(other)")
            }
            set.bits |= 1 << UInt64(bitByID[id]!)
        }
        return set
    }

    /// The term ids of a set, in vocabulary order.
    public func ids(_ set: ConditionSet, use: ConditionUse) -> [String] {
        let ids = idsByUse[use] ?? []
        return set.indexes.compactMap { $0 < ids.count ? ids[$0] : nil }
    }

    /// The labels of a set in one language, for explanations.
    public func labels(_ set: ConditionSet, use: ConditionUse) -> LocalizedText {
        let chosen = ids(set, use: use).compactMap(term)
        return LocalizedText(nl: chosen.map(\.label.nl).joined(separator: ", "),
                             en: chosen.map(\.label.en).joined(separator: ", "))
    }

    // MARK: Loading

    public static var bundledURL: URL {
        ProfessionalStandard.resourceDirectory.appendingPathComponent("Matching/conditions.yaml")
    }

    public static func loadBundled() throws -> ConditionVocabulary {
        try load(yaml: String(contentsOf: bundledURL, encoding: .utf8), file: "Matching/conditions.yaml")
    }

    /// Reads and checks the vocabulary: ids in lower-case words joined by hyphens, unique, with a
    /// label and a description in both languages; at most 64 terms per use.
    public static func load(yaml: String, file: String) throws -> ConditionVocabulary {
        let issues = IssueCollector(file: file)
        var reader = try YAMLMappingReader.document(yaml, file: file, issues: issues)
        _ = reader.string("version")
        var terms: [ConditionTerm] = []
        var seen: Set<String> = []
        for use in ConditionUse.allCases {
            let key = use == .need ? "needs" : "demands"
            let nodes = reader.list(key)
            if nodes.isEmpty { issues.add("'\(key)' must list at least one term", item: nil, line: reader.line) }
            if nodes.count > 64 { issues.add("'\(key)' has \(nodes.count) terms; at most 64", item: nil, line: reader.line) }
            for (index, node) in nodes.enumerated() {
                guard var term = YAMLMappingReader(node, item: "\(key)[\(index)]", issues: issues, what: "a term") else { continue }
                guard let id = term.string("id") else { term.finish(); continue }
                term = term.renamed(id)
                if !Self.isValidID(id) {
                    issues.add("id must be lower-case words joined by hyphens", item: id, line: term.line)
                }
                if !seen.insert(id).inserted {
                    issues.add("duplicate id", item: id, line: term.line)
                }
                let label = term.text("label")
                let description = term.text("description")
                term.finish()
                if let label, let description {
                    terms.append(ConditionTerm(id: id, use: use, label: label, description: description))
                }
            }
        }
        reader.finish()
        if !issues.issues.isEmpty { throw FrameworkDataError(issues: issues.issues) }
        return ConditionVocabulary(terms: terms)
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--")
            && id.allSatisfy { ($0.isASCII && $0.isLowercase) || ($0.isASCII && $0.isNumber) || $0 == "-" }
    }
}
