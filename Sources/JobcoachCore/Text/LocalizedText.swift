import Foundation

/// A text in both product languages. Framework data carries every text this way: the source
/// language as written, the other as our translation.
public struct LocalizedText: Codable, Hashable, Sendable {
    public var nl: String
    public var en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    public subscript(language: Language) -> String {
        switch language {
        case .nl: nl
        case .en: en
        }
    }

    /// Languages whose text is missing or blank.
    public var missingLanguages: [Language] {
        Language.allCases.filter { self[$0].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }
}
