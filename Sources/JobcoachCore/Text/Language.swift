import Foundation

/// The two languages of the product. Dutch is the language most source documents were written in;
/// English is the language of the European and UK documents and of international users.
public enum Language: String, CaseIterable, Codable, Sendable {
    case nl
    case en

    /// Picks a language from an HTTP `Accept-Language` header, falling back to Dutch.
    public static func preferred(acceptLanguage header: String?) -> Language {
        guard let header else { return .nl }
        let ranked = header.split(separator: ",").compactMap { part -> (Language, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased().split(separator: "-").first,
                  let language = Language(rawValue: String(tag)) else { return nil }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }
                .flatMap { Double($0.dropFirst(2)) } ?? 1
            return (language, quality)
        }
        return ranked.max { $0.1 < $1.1 }?.0 ?? .nl
    }

    /// The other language, for the language switch.
    public var other: Language { self == .nl ? .en : .nl }
}
