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

    public var title: LocalizedText {
        switch self {
        case .received: LocalizedText(nl: "ontvangen", en: "received")
        case .underReview: LocalizedText(nl: "in behandeling", en: "under review")
        case .upheld: LocalizedText(nl: "gegrond", en: "upheld")
        case .dismissed: LocalizedText(nl: "ongegrond", en: "dismissed")
        }
    }
}
