/// What the register officer decides once both assessors have submitted.
public enum ApplicationDecision: String, CaseIterable, Codable, Sendable {
    case certified
    case notCertified = "not-certified"
    case moreInformationNeeded = "more-information-needed"

    public var status: ApplicationStatus {
        switch self {
        case .certified: .certified
        case .notCertified: .notCertified
        case .moreInformationNeeded: .moreInformationNeeded
        }
    }

    /// A refusal or a request for more must say why; a certification may.
    public var needsReasons: Bool { self != .certified }

    /// 003: "Je werkt op het moment van certificeren als uitvoerend jobcoach": the entry requirements
    /// are checked again on the day of the decision, and only a portfolio that meets them then can be
    /// certified. Refusing or asking for more is always possible.
    public func isAllowed(eligibleOnDecisionDay: Bool) -> Bool {
        self != .certified || eligibleOnDecisionDay
    }
}
