/// One term of the condition vocabulary, with its words in both languages.
public struct ConditionTerm: Hashable, Codable, Sendable {
    public var id: String
    public var use: ConditionUse
    public var label: LocalizedText
    public var description: LocalizedText

    public init(id: String, use: ConditionUse, label: LocalizedText, description: LocalizedText) {
        self.id = id
        self.use = use
        self.label = label
        self.description = description
    }
}
