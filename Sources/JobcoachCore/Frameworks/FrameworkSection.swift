/// A narrative part of a source document (field of work, scope, target groups, recommendations).
public struct FrameworkSection: Hashable, Codable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var paragraphs: [LocalizedText]
    public var items: [TextItem]
}
