/// A set of vocabulary terms as bits (the vocabulary has fewer than 64 terms of each use), so that
/// checking one workplace against a client is a few machine instructions.
public struct ConditionSet: Hashable, Sendable {
    public var bits: UInt64

    public init(bits: UInt64 = 0) {
        self.bits = bits
    }

    public static let empty = ConditionSet()

    public var isEmpty: Bool { bits == 0 }
    public var count: Int { bits.nonzeroBitCount }

    public func intersection(_ other: ConditionSet) -> ConditionSet { ConditionSet(bits: bits & other.bits) }
    public func subtracting(_ other: ConditionSet) -> ConditionSet { ConditionSet(bits: bits & ~other.bits) }
    public func union(_ other: ConditionSet) -> ConditionSet { ConditionSet(bits: bits | other.bits) }
    public func contains(index: Int) -> Bool { bits & (1 << UInt64(index)) != 0 }

    /// The indexes of the terms in the set, lowest first.
    public var indexes: [Int] {
        (0..<64).filter { contains(index: $0) }
    }
}
