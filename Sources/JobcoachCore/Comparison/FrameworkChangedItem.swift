/// An item both versions have, with what changed in it.
public struct FrameworkChangedItem: Hashable, Encodable, Sendable {
    public var id: String
    public var kind: String
    public var parent: String?
    public var label: LocalizedText
    public var changes: [FrameworkFieldChange]
}
