/// The kinds of indicator groups a framework can have. Their raw values are the data file keys
/// and the JSON keys of the API.
public enum ItemGroupKind: String, CaseIterable, Codable, Sendable {
    case knowledgeAreas
    case tasks
    case competencies
    case attitudes
    case modules

    public var title: LocalizedText {
        switch self {
        case .knowledgeAreas: LocalizedText(nl: "Kennisgebieden", en: "Knowledge areas")
        case .tasks: LocalizedText(nl: "(Proces)taken", en: "(Process) tasks")
        case .competencies: LocalizedText(nl: "Competenties", en: "Competencies")
        case .attitudes: LocalizedText(nl: "Professionele attitude", en: "Professional attitude")
        case .modules: LocalizedText(nl: "Modules", en: "Modules")
        }
    }

    /// What one indicator of this kind is called.
    public var indicatorName: LocalizedText {
        switch self {
        case .modules: LocalizedText(nl: "Leerresultaten", en: "Learning outcomes")
        default: LocalizedText(nl: "Indicatoren", en: "Indicators")
        }
    }
}
