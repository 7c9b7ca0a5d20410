/// One version of a professional profile, as loaded from its data file. Everything the product
/// knows about a profession comes from here; stored work refers to `id`, `version` and item ids.
public struct FrameworkVersion: Hashable, Encodable, Sendable {
    public var id: String
    public var version: String
    public var effectiveFrom: CalendarDate
    public var sourceDocument: String
    public var sourceLanguage: Language
    public var title: LocalizedText
    public var publisher: LocalizedText
    public var summary: LocalizedText
    public var changeNote: LocalizedText?
    public var level: LevelReference?
    public var occupations: [String]
    public var certification: CertificationPolicy?
    public var recertification: RecertificationPolicy?
    public var sections: [FrameworkSection]
    public var entryRequirements: [RequirementNode]
    public var knowledgeAreas: [ItemGroup]
    public var tasks: [ItemGroup]
    public var competencies: [ItemGroup]
    public var attitudes: [ItemGroup]
    public var modules: [ItemGroup]

    public func groups(_ kind: ItemGroupKind) -> [ItemGroup] {
        switch kind {
        case .knowledgeAreas: knowledgeAreas
        case .tasks: tasks
        case .competencies: competencies
        case .attitudes: attitudes
        case .modules: modules
        }
    }

    /// The item group kinds this version has, in document order.
    public var groupKinds: [ItemGroupKind] {
        ItemGroupKind.allCases.filter { !groups($0).isEmpty }
    }

    public func indicatorCount(_ kind: ItemGroupKind) -> Int {
        groups(kind).reduce(0) { $0 + $1.indicators.count }
    }

    /// The task with a number (0-7), for trajectories that follow the process tasks.
    public func task(number: Int) -> ItemGroup? {
        tasks.first { $0.number == number }
    }

    private enum CodingKeys: String, CodingKey {
        case id, version, effectiveFrom, sourceDocument, sourceLanguage, title, publisher, summary
        case changeNote, level, occupations, certification, recertification, sections, entryRequirements
        case knowledgeAreas, tasks, competencies, attitudes, modules
    }

    /// The API form: optional parts and empty groups are left out, so a reader sees only what the
    /// framework has.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(version, forKey: .version)
        try container.encode(effectiveFrom, forKey: .effectiveFrom)
        try container.encode(sourceDocument, forKey: .sourceDocument)
        try container.encode(sourceLanguage, forKey: .sourceLanguage)
        try container.encode(title, forKey: .title)
        try container.encode(publisher, forKey: .publisher)
        try container.encode(summary, forKey: .summary)
        try container.encodeIfPresent(changeNote, forKey: .changeNote)
        try container.encodeIfPresent(level, forKey: .level)
        try container.encode(occupations, forKey: .occupations)
        try container.encodeIfPresent(certification, forKey: .certification)
        try container.encodeIfPresent(recertification, forKey: .recertification)
        try container.encode(sections, forKey: .sections)
        try container.encode(entryRequirements, forKey: .entryRequirements)
        let groups: [(ItemGroupKind, CodingKeys)] = [
            (.knowledgeAreas, .knowledgeAreas), (.tasks, .tasks), (.competencies, .competencies),
            (.attitudes, .attitudes), (.modules, .modules),
        ]
        for (kind, key) in groups where !self.groups(kind).isEmpty {
            try container.encode(self.groups(kind), forKey: key)
        }
    }
}
