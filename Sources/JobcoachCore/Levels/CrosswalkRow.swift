/// One EQF level and the national levels referenced to it.
public struct CrosswalkRow: Hashable, Codable, Sendable {
    public var eqf: Int
    /// Level codes per national framework (keyed `NLQF`, `RQF`, `SCQF`); a framework may place two
    /// levels on one EQF level. String keys keep the JSON an object.
    public var levels: [String: [String]]
}
