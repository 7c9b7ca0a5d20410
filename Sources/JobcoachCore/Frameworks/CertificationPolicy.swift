/// What a framework version says about the certificates issued under it.
public struct CertificationPolicy: Hashable, Codable, Sendable {
    /// How many years a certificate stays valid.
    public var validityYears: Int
}
