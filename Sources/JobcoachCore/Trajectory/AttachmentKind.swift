/// What a file in a client's file is: the papers a trajectory runs on, and photos of the workplace
/// that help the client prepare.
public enum AttachmentKind: String, CaseIterable, Codable, Sendable {
    /// The agreement signed by the client (and often the employer): the coaching plan, consent.
    case agreement
    /// The commissioner's assignment letter (UWV, municipality): what is paid for, and until when.
    case assignment
    case workplacePhoto = "workplace-photo"
    case other

    public var title: LocalizedText {
        switch self {
        case .agreement: LocalizedText(nl: "Ondertekende afspraken", en: "Signed agreement")
        case .assignment: LocalizedText(nl: "Opdrachtbrief van de opdrachtgever", en: "Commissioner's assignment letter")
        case .workplacePhoto: LocalizedText(nl: "Foto van de werkplek", en: "Photo of the workplace")
        case .other: LocalizedText(nl: "Ander document", en: "Other document")
        }
    }
}
