import Foundation

/// A training programme as its curriculum file describes it (`Training/*.yaml`): modules with hours,
/// EC, delivery and EQF level, and learning outcomes that say which framework items they cover.
/// Providers offer programmes; the register recognises them (`ProgrammeRecognition`).
public struct TrainingProgramme: Hashable, Encodable, Sendable {
    public var id: String
    public var sourceDocument: String?
    public var title: LocalizedText
    public var summary: LocalizedText
    /// The framework the curriculum was written from.
    public var framework: String
    public var eqfLevel: Int
    public var modules: [TrainingModule]

    public init(id: String, sourceDocument: String?, title: LocalizedText, summary: LocalizedText, framework: String,
                eqfLevel: Int, modules: [TrainingModule]) {
        self.id = id
        self.sourceDocument = sourceDocument
        self.title = title
        self.summary = summary
        self.framework = framework
        self.eqfLevel = eqfLevel
        self.modules = modules
    }

    public var hours: Double { modules.reduce(0) { $0 + $1.hours } }
    public var ec: Double { modules.reduce(0) { $0 + $1.ec } }

    public func module(_ id: String) -> TrainingModule? {
        modules.first { $0.id == id }
    }

    /// A programme is completed, and earns its diploma, when every module is passed.
    public func isCompleted(passed: Set<String>) -> Bool {
        modules.allSatisfy { passed.contains($0.id) }
    }
}

public struct TrainingModule: Hashable, Encodable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var hours: Double
    public var ec: Double
    public var delivery: TrainingDelivery
    public var eqfLevel: Int
    public var learningOutcomes: [LearningOutcome]

    public init(id: String, title: LocalizedText, hours: Double, ec: Double, delivery: TrainingDelivery, eqfLevel: Int,
                learningOutcomes: [LearningOutcome]) {
        self.id = id
        self.title = title
        self.hours = hours
        self.ec = ec
        self.delivery = delivery
        self.eqfLevel = eqfLevel
        self.learningOutcomes = learningOutcomes
    }

    /// The items of one framework that the module's learning outcomes cover, in the outcomes' order.
    public func covers(in framework: String) -> [String] {
        var seen: Set<String> = []
        return learningOutcomes.flatMap { $0.covers[framework] ?? [] }.filter { seen.insert($0).inserted }
    }
}

public enum TrainingDelivery: String, CaseIterable, Codable, Sendable {
    case faceToFace
    case online
    case blended

    public var title: LocalizedText {
        switch self {
        case .faceToFace: LocalizedText(nl: "Op locatie", en: "Face to face")
        case .online: LocalizedText(nl: "Online", en: "Online")
        case .blended: LocalizedText(nl: "Op locatie en online", en: "Face to face and online")
        }
    }
}

public struct LearningOutcome: Hashable, Encodable, Sendable {
    public var id: String
    public var text: LocalizedText
    /// Per framework id, the items (top-level items or indicators) this outcome covers.
    public var covers: [String: [String]]

    public init(id: String, text: LocalizedText, covers: [String: [String]]) {
        self.id = id
        self.text = text
        self.covers = covers
    }
}

/// The programmes shipped as data, in the order of their ids.
public struct ProgrammeCatalog: Sendable {
    public let programmes: [TrainingProgramme]

    public init(programmes: [TrainingProgramme]) {
        self.programmes = programmes.sorted { $0.id < $1.id }
    }

    public func programme(_ id: String) -> TrainingProgramme? {
        programmes.first { $0.id == id }
    }
}

extension FrameworkVersion {
    /// The top-level item an id names: the item itself, or the item an indicator belongs to.
    public func topLevelItem(containing id: String) -> ItemGroup? {
        for kind in ItemGroupKind.allCases {
            for group in groups(kind) where group.id == id || group.indicators.contains(where: { $0.id == id }) {
                return group
            }
        }
        return nil
    }

    /// Every top-level item in the order of the framework: knowledge areas, tasks, competencies,
    /// attitudes, modules.
    public var topLevelItems: [ItemGroup] {
        ItemGroupKind.allCases.flatMap { groups($0) }
    }
}
