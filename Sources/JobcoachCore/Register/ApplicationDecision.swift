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

    /// What stands in the way of certifying on the decision day.
    public enum Obstacle: String, Sendable {
        case notEligible
        case permanentEducationShort
    }

    /// 003: "Je werkt op het moment van certificeren als uitvoerend jobcoach": the entry requirements
    /// are checked again on the day of the decision, and only a portfolio that meets them then can be
    /// certified. A renewal also needs its permanent education on that day (`cpdMetOnDecisionDay`
    /// is nil for a first application, which asks none). Refusing or asking for more is always possible.
    public func obstacle(eligibleOnDecisionDay: Bool, cpdMetOnDecisionDay: Bool?) -> Obstacle? {
        guard self == .certified else { return nil }
        if !eligibleOnDecisionDay { return .notEligible }
        if cpdMetOnDecisionDay == false { return .permanentEducationShort }
        return nil
    }
}
