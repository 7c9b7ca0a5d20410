/// One field of an item that differs between two versions.
public struct FrameworkFieldChange: Hashable, Encodable, Sendable {
    public var field: String
    public var before: String?
    public var after: String?
}
