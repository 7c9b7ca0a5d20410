/// What an appointment is for. A coach's calendar feed carries this and the client's initials, and
/// nothing else about the client.
public enum AppointmentKind: String, CaseIterable, Codable, Sendable {
    case conversation
    case workplaceVisit = "workplace-visit"
    case employerMeeting = "employer-meeting"
    case evaluation
    case jobSearch = "job-search"
    case other

    public var title: LocalizedText {
        switch self {
        case .conversation: LocalizedText(nl: "Gesprek", en: "Conversation")
        case .workplaceVisit: LocalizedText(nl: "Bezoek op het werk", en: "Workplace visit")
        case .employerMeeting: LocalizedText(nl: "Gesprek met de werkgever", en: "Meeting with the employer")
        case .evaluation: LocalizedText(nl: "Evaluatie", en: "Evaluation")
        case .jobSearch: LocalizedText(nl: "Samen werk zoeken", en: "Looking for work together")
        case .other: LocalizedText(nl: "Afspraak", en: "Appointment")
        }
    }
}

/// Whether an appointment still stands.
public enum AppointmentStatus: String, Codable, Sendable {
    case planned
    case cancelled
}
