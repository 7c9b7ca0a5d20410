/// A numbered statement of a framework: an indicator of a task or competency, a learning outcome
/// of a module, or a bullet of a narrative section. Stored work refers to it by `id`.
public struct TextItem: Hashable, Codable, Sendable {
    public var id: String
    public var text: LocalizedText

    public init(id: String, text: LocalizedText) {
        self.id = id
        self.text = text
    }
}
