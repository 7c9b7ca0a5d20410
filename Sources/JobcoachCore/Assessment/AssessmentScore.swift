/// How far an assessor finds a task or competency shown in the portfolio and evidence, judged
/// against its indicators.
public enum AssessmentScore: Int, CaseIterable, Codable, Sendable, Comparable {
    case notShown = 0
    case partlyShown = 1
    case shown = 2

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var title: LocalizedText {
        switch self {
        case .notShown: LocalizedText(nl: "niet aangetoond", en: "not shown")
        case .partlyShown: LocalizedText(nl: "deels aangetoond", en: "partly shown")
        case .shown: LocalizedText(nl: "aangetoond", en: "shown")
        }
    }
}
