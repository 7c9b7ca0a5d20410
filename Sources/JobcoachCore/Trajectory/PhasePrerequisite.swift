/// A record that must exist before a forward move.
public enum PhasePrerequisite: String, Codable, Sendable {
    case intake
    case agreedEmployeeProfile
    case placement

    func isMet(by facts: TrajectoryFacts) -> Bool {
        switch self {
        case .intake: facts.hasIntake
        case .agreedEmployeeProfile: facts.hasAgreedEmployeeProfile
        case .placement: facts.hasPlacement
        }
    }

    /// Why the move cannot be made yet.
    var missing: LocalizedText {
        switch self {
        case .intake:
            LocalizedText(nl: "Leg eerst de intake vast.", en: "Record the intake first.")
        case .agreedEmployeeProfile:
            LocalizedText(nl: "Leg eerst het werknemersprofiel vast en spreek het af met de cliënt.",
                          en: "Record the employee profile first and agree it with the client.")
        case .placement:
            LocalizedText(nl: "Leg eerst een plaatsing vast: het begeleidingsplan hoort bij een werkplek.",
                          en: "Record a placement first: the coaching plan belongs to a workplace.")
        }
    }
}
