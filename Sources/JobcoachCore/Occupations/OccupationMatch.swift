/// An occupation found by a search, with the label that matched (the preferred label or an
/// alternative one, such as "job coach" for "employment and vocational integration consultant").
public struct OccupationMatch: Hashable, Sendable {
    public var occupation: Occupation
    public var matchedLabel: String
    public var score: Int
}
