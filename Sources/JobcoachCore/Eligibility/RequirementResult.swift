/// The verdict on one requirement node: met or not, by which route, and why, in both languages.
public struct RequirementResult: Hashable, Codable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var met: Bool
    /// How it was met: for a choice the route taken, for a group the routes of its parts
    /// (`education-base-degree, supplement-capabel`); nil when not met or a single condition.
    public var route: String?
    public var explanation: LocalizedText
    public var children: [RequirementResult]

    public init(id: String, title: LocalizedText, met: Bool, route: String?, explanation: LocalizedText,
                children: [RequirementResult]) {
        self.id = id
        self.title = title
        self.met = met
        self.route = route
        self.explanation = explanation
        self.children = children
    }

    private enum CodingKeys: String, CodingKey { case id, title, met, route, explanation, children }

    /// `route` is always present (null when there is none), so clients can rely on the key.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(met, forKey: .met)
        try container.encode(route, forKey: .route)
        try container.encode(explanation, forKey: .explanation)
        try container.encode(children, forKey: .children)
    }
}
