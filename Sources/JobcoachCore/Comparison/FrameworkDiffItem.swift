/// An item that one version has and the other has not.
public struct FrameworkDiffItem: Hashable, Encodable, Sendable {
    public var id: String
    /// `section`, `section-item`, `requirement`, `knowledge-area`, `task`, `competency`, `attitude`,
    /// `module` or `indicator`.
    public var kind: String
    /// The id of the item it belongs to, if any.
    public var parent: String?
    public var label: LocalizedText
}
