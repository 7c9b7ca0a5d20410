/// How a person shows an education level: a completed degree, an EVC procedure (accreditation of
/// prior learning) or an assessment.
public enum EducationEvidenceKind: String, CaseIterable, Codable, Sendable {
    case degree
    case evc
    case assessment

    public var title: LocalizedText {
        switch self {
        case .degree: LocalizedText(nl: "diploma", en: "degree")
        case .evc: LocalizedText(nl: "EVC-procedure", en: "EVC procedure (accreditation of prior learning)")
        case .assessment: LocalizedText(nl: "assessment", en: "assessment")
        }
    }
}
