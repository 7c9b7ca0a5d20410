/// An ESCO occupation (ESCO, European Commission, CC BY 4.0) with its ISCO-08 unit group.
public struct Occupation: Hashable, Encodable, Sendable {
    public var uri: String
    /// The four-digit ISCO-08 unit group, e.g. 2423.
    public var iscoCode: String
    public var preferredLabel: String
    public var altLabels: [String]
}
