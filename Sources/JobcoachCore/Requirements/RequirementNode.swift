/// An entry requirement as a tree: all of its children, one of its routes, or a single condition.
/// Each node has a stable id and a title so that a verdict can say which route was taken.
public struct RequirementNode: Hashable, Encodable, Sendable {
    public indirect enum Rule: Hashable, Sendable {
        case allOf([RequirementNode])
        case anyOf([RequirementNode])
        case condition(RequirementCondition)
    }

    public var id: String
    public var title: LocalizedText
    public var rule: Rule

    public init(id: String, title: LocalizedText, rule: Rule) {
        self.id = id
        self.title = title
        self.rule = rule
    }

    public var children: [RequirementNode] {
        switch rule {
        case .allOf(let nodes), .anyOf(let nodes): nodes
        case .condition: []
        }
    }

    /// This node and all below it, depth first.
    public var allNodes: [RequirementNode] {
        [self] + children.flatMap(\.allNodes)
    }

    /// Every condition below this node.
    public var conditions: [RequirementCondition] {
        allNodes.compactMap {
            if case .condition(let condition) = $0.rule { condition } else { nil }
        }
    }

    private enum CodingKeys: String, CodingKey { case id, title, allOf, anyOf, condition }

    /// Encodes as in the data file: `{id, title, allOf | anyOf | condition}`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        switch rule {
        case .allOf(let nodes): try container.encode(nodes, forKey: .allOf)
        case .anyOf(let nodes): try container.encode(nodes, forKey: .anyOf)
        case .condition(let condition): try container.encode(condition, forKey: .condition)
        }
    }
}
