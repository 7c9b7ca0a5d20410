/// One aspect (education, hours, topics...) across the compared frameworks.
public struct ComparisonRow: Hashable, Encodable, Sendable {
    public var id: String
    public var label: LocalizedText
    /// One cell per compared framework, in order; an empty cell means the framework says nothing.
    public var cells: [[LocalizedText]]
    /// Whether the frameworks ask different things here (said in words on the page, not by colour).
    public var differs: Bool
}
