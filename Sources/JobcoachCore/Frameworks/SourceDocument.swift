/// The five documents the standard comes from (`../shared/seeds`), by file name: each one's title as
/// the document gives it, and its language. Pages name a source by its title, not its file.
public struct SourceDocument: Sendable, Equatable {
    public let file: String
    public let language: Language
    public let title: LocalizedText

    public static let all: [SourceDocument] = [
        SourceDocument(file: "000_77d7d1114ed33834.txt", language: .en, title: LocalizedText(
            nl: "Nationaal aangepast kwalificatieconcept voor de vervolgopleiding tot jobcoach voor mensen met een beperking (Verenigd Koninkrijk)",
            en: "The national adapted qualification concept for further training to become a Job Coach for persons with disabilities (United Kingdom)")),
        SourceDocument(file: "001_d8da32e249c34deb.txt", language: .en, title: LocalizedText(
            nl: "Richtlijnen voor de opleiding van jobcoaches (Polen)", en: "Guidelines on job coach training (Poland)")),
        SourceDocument(file: "002_595e1dde4d226e37.txt", language: .nl, title: LocalizedText(
            nl: "Beroepsprofiel voor Jobcoaches", en: "Professional profile for job coaches")),
        SourceDocument(file: "003_b66b703d62cc6d38.txt", language: .nl, title: LocalizedText(
            nl: "Beroepsprofiel Register Jobcoach (Noloc)", en: "Professional profile of the Register Jobcoach (Noloc)")),
        SourceDocument(file: "004_7c7c096a3af38c68.txt", language: .en, title: LocalizedText(
            nl: "Wat mogen we verwachten van een jobcoach / employment specialist? (Øystein Spjelkavik, Hanaholmen, 5 juni 2014)",
            en: "What should we expect from a Job Coach/Employment Specialist? (Øystein Spjelkavik, Hanaholmen, 5 June 2014)")),
    ]

    /// The document of a file name; nil for one the standard does not know.
    public static func named(_ file: String) -> SourceDocument? {
        all.first { $0.file == file }
    }
}
