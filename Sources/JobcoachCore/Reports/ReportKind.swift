/// The reports a commissioner (UWV, municipality) receives about a trajectory.
public enum ReportKind: String, CaseIterable, Codable, Sendable {
    case planOfApproach = "plan"
    case progress
    case closing

    public var title: LocalizedText {
        switch self {
        case .planOfApproach: LocalizedText(nl: "Plan van aanpak", en: "Plan of approach")
        case .progress: LocalizedText(nl: "Voortgangsrapportage", en: "Progress report")
        case .closing: LocalizedText(nl: "Eindrapportage", en: "Closing report")
        }
    }
}
