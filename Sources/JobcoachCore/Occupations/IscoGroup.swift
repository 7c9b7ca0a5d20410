/// An ISCO-08 group (major, sub-major, minor or unit group), as ESCO publishes it.
public struct IscoGroup: Hashable, Encodable, Sendable {
    public var code: String
    public var label: String
}
