/// How a support contact took place. 003 counts guidance "face-to-face, online or in a combination";
/// the log keeps which, so hours can be told apart.
public enum ContactMode: String, CaseIterable, Codable, Sendable {
    case faceToFace = "face-to-face"
    case online
    case phone
    case combined

    public var title: LocalizedText {
        switch self {
        case .faceToFace: LocalizedText(nl: "Face-to-face", en: "Face to face")
        case .online: LocalizedText(nl: "Online (video)", en: "Online (video)")
        case .phone: LocalizedText(nl: "Telefoon", en: "Phone")
        case .combined: LocalizedText(nl: "Combinatie", en: "A combination")
        }
    }
}
