/// Where an application for certification stands, and which moves the register allows from there.
public enum ApplicationStatus: String, CaseIterable, Codable, Sendable {
    /// Submitted, waiting for the officer to assign two assessors.
    case submitted
    /// Two assessors assigned; at least one has not submitted their scores.
    case inAssessment = "in-assessment"
    /// Both assessors submitted: the officer can decide.
    case readyForDecision = "ready-for-decision"
    case certified
    case notCertified = "not-certified"
    /// The officer asked the applicant for more; the applicant can update the portfolio and resubmit.
    case moreInformationNeeded = "more-information-needed"
    case withdrawn

    public var isOpen: Bool {
        switch self {
        case .submitted, .inAssessment, .readyForDecision, .moreInformationNeeded: true
        case .certified, .notCertified, .withdrawn: false
        }
    }

    /// The statuses an application may move to from this one.
    public var allowedMoves: Set<ApplicationStatus> {
        switch self {
        case .submitted: [.inAssessment, .withdrawn]
        case .inAssessment: [.readyForDecision, .withdrawn]
        case .readyForDecision: [.certified, .notCertified, .moreInformationNeeded]
        case .moreInformationNeeded: [.inAssessment, .withdrawn]
        case .certified, .notCertified, .withdrawn: []
        }
    }

    public func canMove(to next: ApplicationStatus) -> Bool {
        allowedMoves.contains(next)
    }

    public var title: LocalizedText {
        switch self {
        case .submitted: LocalizedText(nl: "ingediend", en: "submitted")
        case .inAssessment: LocalizedText(nl: "in beoordeling", en: "being assessed")
        case .readyForDecision: LocalizedText(nl: "klaar voor besluit", en: "ready for decision")
        case .certified: LocalizedText(nl: "gecertificeerd", en: "certified")
        case .notCertified: LocalizedText(nl: "niet gecertificeerd", en: "not certified")
        case .moreInformationNeeded: LocalizedText(nl: "meer informatie nodig", en: "more information needed")
        case .withdrawn: LocalizedText(nl: "ingetrokken", en: "withdrawn")
        }
    }
}
