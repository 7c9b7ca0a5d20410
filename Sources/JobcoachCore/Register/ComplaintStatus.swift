/// Where a complaint against a registered coach stands.
public enum ComplaintStatus: String, CaseIterable, Codable, Sendable {
    case received
    case underReview = "under-review"
    case upheld
    case dismissed

    public var allowedMoves: Set<ComplaintStatus> {
        switch self {
        case .received: [.underReview, .upheld, .dismissed]
        case .underReview: [.upheld, .dismissed]
        case .upheld, .dismissed: []
        }
    }

    public func canMove(to next: ComplaintStatus) -> Bool { allowedMoves.contains(next) }

    /// Upheld or dismissed: the register has decided.
    public var isDecided: Bool { allowedMoves.isEmpty }

    /// The coach can give their side of the story (and change it) until the register decides.
    public var acceptsResponse: Bool { !isDecided }

    public var title: LocalizedText {
        switch self {
        case .received: LocalizedText(nl: "ontvangen", en: "received")
        case .underReview: LocalizedText(nl: "in behandeling", en: "under review")
        case .upheld: LocalizedText(nl: "gegrond", en: "upheld")
        case .dismissed: LocalizedText(nl: "ongegrond", en: "dismissed")
        }
    }
}

/// Who made a complaint, as the register office records it. It is never public; the coach sees
/// the complaint, not who made it, unless the office says so in the summary.
public enum ComplainantRole: String, CaseIterable, Codable, Sendable {
    case client
    case relative
    case employer
    case colleague
    case commissioner
    case other

    public var title: LocalizedText {
        switch self {
        case .client: LocalizedText(nl: "cliënt", en: "client")
        case .relative: LocalizedText(nl: "familielid of naaste van een cliënt", en: "relative or carer of a client")
        case .employer: LocalizedText(nl: "werkgever", en: "employer")
        case .colleague: LocalizedText(nl: "collega", en: "colleague")
        case .commissioner: LocalizedText(nl: "opdrachtgever", en: "commissioner")
        case .other: LocalizedText(nl: "anders", en: "other")
        }
    }
}
