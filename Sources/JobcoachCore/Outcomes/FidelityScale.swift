import Foundation
import Yams

/// The IPS Supported Employment Fidelity Scale (IPS-25) as data: 25 items in three sections, each
/// scored 1 to 5 against its anchors, and the bands of the total.
public struct FidelityScale: Sendable {
    public struct Section: Hashable, Sendable {
        public var id: String
        public var name: LocalizedText
    }

    public struct Item: Hashable, Sendable {
        public var id: String
        public var section: String
        public var name: LocalizedText
        public var question: LocalizedText
        /// The words for scores 1 to 5, score 1 first.
        public var anchors: [LocalizedText]
    }

    public struct Band: Hashable, Sendable {
        public var id: String
        public var range: ClosedRange<Int>
        public var name: LocalizedText
    }

    public var version: String
    public var sections: [Section]
    public var items: [Item]
    public var bands: [Band]

    public init(version: String, sections: [Section], items: [Item], bands: [Band]) {
        self.version = version
        self.sections = sections
        self.items = items
        self.bands = bands
    }

    public static let lowestScore = 1
    public static let highestScore = 5

    public var maximumTotal: Int { items.count * Self.highestScore }

    public func band(total: Int) -> Band? {
        bands.first { $0.range.contains(total) }
    }

    public func items(in section: String) -> [Item] {
        items.filter { $0.section == section }
    }

    static let bundledFile = "Outcomes/ips-25.yaml"

    public static func loadBundled() throws -> FidelityScale {
        let url = ProfessionalStandard.resourceDirectory.appendingPathComponent(bundledFile)
        return try load(yaml: String(contentsOf: url, encoding: .utf8), file: bundledFile)
    }

    /// Reads and checks the scale: unique ids, every item in a known section with exactly five
    /// anchors, and bands that cover every possible total once.
    public static func load(yaml: String, file: String) throws -> FidelityScale {
        let issues = IssueCollector(file: file)
        var reader = try YAMLMappingReader.document(yaml, file: file, issues: issues)
        let version = reader.string("version") ?? ""
        var sections: [Section] = []
        for (index, node) in reader.list("sections").enumerated() {
            guard var entry = YAMLMappingReader(node, item: "sections[\(index)]", issues: issues, what: "a section") else { continue }
            let id = entry.string("id")
            let name = entry.text("name")
            entry.finish()
            if let id, let name { sections.append(Section(id: id, name: name)) }
        }
        var items: [Item] = []
        var seen: Set<String> = []
        for (index, node) in reader.list("items").enumerated() {
            guard var entry = YAMLMappingReader(node, item: "items[\(index)]", issues: issues, what: "an item") else { continue }
            guard let id = entry.string("id") else { entry.finish(); continue }
            entry = entry.renamed(id)
            if !seen.insert(id).inserted { issues.add("duplicate id", item: id, line: entry.line) }
            let section = entry.string("section")
            if let section, !sections.contains(where: { $0.id == section }) {
                issues.add("section '\(section)' is not among the sections", item: id, line: entry.line)
            }
            let name = entry.text("name")
            let question = entry.text("question")
            var anchors: [LocalizedText] = []
            let anchorNodes = entry.list("anchors")
            for anchor in anchorNodes {
                if let text = YAMLMappingReader.text(anchor, key: "anchors", item: id, issues: issues) { anchors.append(text) }
            }
            if anchorNodes.count != highestScore {
                issues.add("must have exactly \(highestScore) anchors (scores 1 to 5), not \(anchorNodes.count)", item: id, line: entry.line)
            }
            entry.finish()
            if let section, let name, let question, anchors.count == highestScore {
                items.append(Item(id: id, section: section, name: name, question: question, anchors: anchors))
            }
        }
        var bands: [Band] = []
        for (index, node) in reader.list("bands").enumerated() {
            guard var entry = YAMLMappingReader(node, item: "bands[\(index)]", issues: issues, what: "a band") else { continue }
            let id = entry.string("id")
            let low = entry.int("min")
            let high = entry.int("max")
            let name = entry.text("name")
            entry.finish()
            if let id, let low, let high, let name, low <= high { bands.append(Band(id: id, range: low...high, name: name)) }
        }
        reader.finish()
        let lowest = items.count * lowestScore
        let highest = items.count * highestScore
        for total in lowest...max(lowest, highest) where bands.filter({ $0.range.contains(total) }).count != 1 {
            issues.add("the bands must cover every total from \(lowest) to \(highest) exactly once; \(total) is not", item: nil, line: nil)
            break
        }
        if !issues.issues.isEmpty { throw FrameworkDataError(issues: issues.issues) }
        return FidelityScale(version: version, sections: sections, items: items, bands: bands)
    }
}

/// A scored review against a scale: the total, the band and each section's total.
public struct FidelityResult: Hashable, Sendable, Encodable {
    public struct SectionTotal: Hashable, Sendable, Encodable {
        public var id: String
        public var total: Int
        public var max: Int
    }

    public var total: Int
    public var band: String
    public var sections: [SectionTotal]

    /// Scores every item; names the first item that is missing, unknown or not a whole score from 1 to 5.
    public static func score(_ scores: [String: Double], on scale: FidelityScale, field: String = "scores") throws(InputFieldError) -> FidelityResult {
        let known = Set(scale.items.map(\.id))
        if let unknown = scores.keys.sorted().first(where: { !known.contains($0) }) {
            throw InputFieldError(field: "\(field).\(unknown)", message: "'\(unknown)' is not an item of the IPS-25 scale")
        }
        var values: [String: Int] = [:]
        for item in scale.items {
            guard let value = scores[item.id] else {
                throw InputFieldError(field: "\(field).\(item.id)", message: "is missing: every one of the \(scale.items.count) items needs a score")
            }
            guard value.isFinite, value == value.rounded(), (Double(FidelityScale.lowestScore)...Double(FidelityScale.highestScore)).contains(value) else {
                throw InputFieldError(field: "\(field).\(item.id)", message: "must be a whole score from 1 to 5")
            }
            values[item.id] = Int(value)
        }
        let sections = scale.sections.map { section in
            let items = scale.items(in: section.id)
            return SectionTotal(id: section.id, total: items.reduce(0) { $0 + (values[$1.id] ?? 0) },
                                max: items.count * FidelityScale.highestScore)
        }
        let total = sections.reduce(0) { $0 + $1.total }
        return FidelityResult(total: total, band: scale.band(total: total)?.id ?? "", sections: sections)
    }
}
