/// The kind of agreement a placement rests on. Supported Employment counts paid work in the
/// regular labour market; an unpaid trial placement is a step towards it, not the outcome.
public enum ContractKind: String, CaseIterable, Codable, Sendable {
    case permanent
    case fixedTerm = "fixed-term"
    case secondment
    case trialPlacement = "trial-placement"

    public var isPaidWork: Bool { self != .trialPlacement }

    public var title: LocalizedText {
        switch self {
        case .permanent: LocalizedText(nl: "Arbeidsovereenkomst voor onbepaalde tijd", en: "Permanent employment contract")
        case .fixedTerm: LocalizedText(nl: "Arbeidsovereenkomst voor bepaalde tijd", en: "Fixed-term employment contract")
        case .secondment: LocalizedText(nl: "Detachering (betaald)", en: "Secondment (paid)")
        case .trialPlacement: LocalizedText(nl: "Proefplaatsing (onbetaald)", en: "Trial placement (unpaid)")
        }
    }
}
