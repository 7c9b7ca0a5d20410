import Foundation

/// How much support a client needs to find and keep work, as judged at intake.
public enum SupportNeed: String, Codable, Sendable, CaseIterable {
    case low, medium, high
}

/// The groups Supported Employment serves (000, 004); a client may belong to more than one.
public enum TargetGroup: String, Codable, Sendable, CaseIterable {
    case autism
    case intellectualDisability = "intellectual-disability"
    case mentalHealth = "mental-health"
    case acquiredBrainInjury = "acquired-brain-injury"
    case lowQualifications = "low-qualifications"
    case other
}

/// What was known about a client at intake that makes work harder or easier to reach. These are the
/// factors outcomes are adjusted for; the coach and the team are not among them.
public struct IntakeFactors: Hashable, Sendable {
    public var supportNeed: SupportNeed?
    public var targetGroups: Set<TargetGroup>?
    public var monthsOutOfWork: Double?
    public var age: Double?
    public var workExperience: Bool?

    public init(supportNeed: SupportNeed? = nil, targetGroups: Set<TargetGroup>? = nil, monthsOutOfWork: Double? = nil,
                age: Double? = nil, workExperience: Bool? = nil) {
        self.supportNeed = supportNeed
        self.targetGroups = targetGroups
        self.monthsOutOfWork = monthsOutOfWork
        self.age = age
        self.workExperience = workExperience
    }

    /// The names of the factors given, in a fixed order.
    public var given: [String] {
        var names: [String] = []
        if supportNeed != nil { names.append("supportNeed") }
        if targetGroups != nil { names.append("targetGroups") }
        if monthsOutOfWork != nil { names.append("monthsOutOfWork") }
        if age != nil { names.append("age") }
        if workExperience != nil { names.append("workExperience") }
        return names
    }
}

/// The moments of results-based financing a commissioner pays for.
public enum PaymentPoint: String, Codable, Sendable, CaseIterable {
    case start
    case placement
    case kept26Weeks = "kept-26-weeks"
    case kept52Weeks = "kept-52-weeks"
}

/// The next step in a client's career, agreed at a follow-up check (004: job retention and career
/// development).
public enum CareerStep: String, Codable, Sendable, CaseIterable {
    case moreHours = "more-hours"
    case training
    case otherRole = "other-role"
    case permanentContract = "permanent-contract"
    case none
}

/// The words of the outcome factors and payment points, in both languages, from
/// `Outcomes/intake-factors.yaml`; the loader checks that the ids are exactly the core's.
public struct OutcomeVocabulary: Sendable {
    public var targetGroups: [TargetGroup: LocalizedText]
    public var supportNeeds: [SupportNeed: (label: LocalizedText, definition: LocalizedText)]
    public var paymentPoints: [PaymentPoint: LocalizedText]
    /// The easy-read words of the satisfaction scores 1 to 10.
    public var satisfaction: [Int: LocalizedText]
    public var careerSteps: [CareerStep: LocalizedText]

    public init(targetGroups: [TargetGroup: LocalizedText], supportNeeds: [SupportNeed: (label: LocalizedText, definition: LocalizedText)],
                paymentPoints: [PaymentPoint: LocalizedText], satisfaction: [Int: LocalizedText], careerSteps: [CareerStep: LocalizedText] = [:]) {
        self.targetGroups = targetGroups
        self.supportNeeds = supportNeeds
        self.paymentPoints = paymentPoints
        self.satisfaction = satisfaction
        self.careerSteps = careerSteps
    }

    static let bundledFile = "Outcomes/intake-factors.yaml"

    public static func loadBundled() throws -> OutcomeVocabulary {
        let url = ProfessionalStandard.resourceDirectory.appendingPathComponent(bundledFile)
        return try load(yaml: String(contentsOf: url, encoding: .utf8), file: bundledFile)
    }

    public static func load(yaml: String, file: String) throws -> OutcomeVocabulary {
        let issues = IssueCollector(file: file)
        var reader = try YAMLMappingReader.document(yaml, file: file, issues: issues)
        _ = reader.string("version")
        func labels<Key: RawRepresentable & CaseIterable & Hashable>(_ key: String, _: Key.Type, definitions: Bool = false)
            -> [Key: (label: LocalizedText, definition: LocalizedText?)] where Key.RawValue == String {
            var result: [Key: (label: LocalizedText, definition: LocalizedText?)] = [:]
            for (index, node) in reader.list(key).enumerated() {
                guard var entry = YAMLMappingReader(node, item: "\(key)[\(index)]", issues: issues, what: "a term") else { continue }
                let id = entry.string("id")
                let label = entry.text("label")
                let definition = definitions ? entry.text("definition") : nil
                entry.finish()
                guard let id, let label else { continue }
                guard let value = Key(rawValue: id) else {
                    issues.add("'\(id)' is not one of \(Key.allCases.map(\.rawValue).joined(separator: ", "))", item: id, line: entry.line)
                    continue
                }
                result[value] = (label, definition)
            }
            for value in Key.allCases where result[value] == nil {
                issues.add("'\(value.rawValue)' is missing from '\(key)'", item: nil, line: nil)
            }
            return result
        }
        let groups = labels("targetGroups", TargetGroup.self)
        let needs = labels("supportNeeds", SupportNeed.self, definitions: true)
        let points = labels("paymentPoints", PaymentPoint.self)
        var satisfaction: [Int: LocalizedText] = [:]
        for (index, node) in reader.list("satisfaction").enumerated() {
            guard var entry = YAMLMappingReader(node, item: "satisfaction[\(index)]", issues: issues, what: "a score") else { continue }
            let score = entry.int("score")
            let words = entry.text("words")
            entry.finish()
            if let score, let words { satisfaction[score] = words }
        }
        if Set(satisfaction.keys) != Set(1...10) { issues.add("'satisfaction' must give words for the scores 1 to 10", item: nil, line: nil) }
        let steps = labels("careerSteps", CareerStep.self)
        reader.finish()
        if !issues.issues.isEmpty { throw FrameworkDataError(issues: issues.issues) }
        return OutcomeVocabulary(targetGroups: groups.mapValues(\.label),
                                 supportNeeds: needs.mapValues { ($0.label, $0.definition ?? $0.label) },
                                 paymentPoints: points.mapValues(\.label), satisfaction: satisfaction, careerSteps: steps.mapValues(\.label))
    }
}
