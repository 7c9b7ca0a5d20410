import Foundation

/// Removes what identifies a client from free text, for a case summary shared with colleagues for
/// peer review (003: the coach shares choices and considerations anonymously). Known identifiers
/// (names and their parts, dates of birth, addresses and places, employer names, e-mail addresses,
/// phone numbers) are replaced wherever they occur, whole words and case-insensitively; patterns
/// catch what was not listed: any date, e-mail address, phone or citizen number, and Dutch postcode.
public struct CaseAnonymiser: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case name, date, address, employer, email, phone, postcode

        public var placeholder: LocalizedText {
            switch self {
            case .name: LocalizedText(nl: "[naam]", en: "[name]")
            case .date: LocalizedText(nl: "[datum]", en: "[date]")
            case .address: LocalizedText(nl: "[adres]", en: "[address]")
            case .employer: LocalizedText(nl: "[werkgever]", en: "[employer]")
            case .email: LocalizedText(nl: "[e-mail]", en: "[e-mail]")
            case .phone: LocalizedText(nl: "[nummer]", en: "[number]")
            case .postcode: LocalizedText(nl: "[postcode]", en: "[postcode]")
            }
        }
    }

    /// Name particles that are not identifying on their own and are ordinary words in Dutch text.
    static let particles: Set<String> = ["van", "de", "der", "den", "het", "te", "ter", "ten", "op", "in", "la", "le", "du", "von", "el", "al", "bin", "da", "di", "'t"]

    private var terms: [(text: String, kind: Kind, caseSensitive: Bool)] = []
    public let language: Language

    public init(language: Language) { self.language = language }

    /// A person's name: the whole name in any case, and each part (particles left out) where it is
    /// written as a name, with its capital: "Bas Mens" goes, "de mens" and "collega's" stay.
    public mutating func name(_ name: String) {
        add(name, .name)
        for part in name.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        where part.count >= 2 && !Self.particles.contains(part.lowercased()) {
            add(part.prefix(1).uppercased() + part.dropFirst(), .name, caseSensitive: true)
        }
    }

    /// A field that may hold a name or a description ("Petra de Boer", or "vaste collega"): a name
    /// only when every part but the particles starts with a capital.
    public mutating func possibleName(_ text: String) {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
            .filter { !Self.particles.contains($0.lowercased()) }
        guard !parts.isEmpty, parts.allSatisfy({ $0.first?.isUppercase == true }) else { return }
        name(text)
    }

    /// A date of birth, in every way people write it.
    public mutating func dateOfBirth(_ date: CalendarDate) {
        let d = date.day, m = date.month, y = date.year
        let forms = [date.description, String(format: "%02d-%02d-%04d", d, m, y), String(format: "%d-%d-%04d", d, m, y),
                     String(format: "%02d/%02d/%04d", d, m, y), String(format: "%d/%d/%04d", d, m, y),
                     date.text(in: .nl), date.text(in: .en), String(y)]
        for form in forms { add(form, .date) }
    }

    public mutating func address(_ text: String) { add(text, .address) }

    public mutating func employer(_ name: String) {
        add(name, .employer)
        // "Bakkerij De Korenschoof BV": the distinctive words too, not the legal form.
        let forms: Set<String> = ["bv", "b.v.", "nv", "n.v.", "vof", "v.o.f.", "ltd", "gmbh", "stichting", "en", "&"]
        for part in name.split(separator: " ").map(String.init)
        where part.count >= 4 && !forms.contains(part.lowercased()) && !Self.particles.contains(part.lowercased()) {
            add(part, .employer)
        }
    }

    public mutating func identifier(_ text: String, as kind: Kind) { add(text, kind) }

    private mutating func add(_ text: String, _ kind: Kind, caseSensitive: Bool = false) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count >= 2 else { return }
        terms.append((trimmed, kind, caseSensitive))
    }

    /// Patterns for identifiers nobody listed. Order matters: e-mail before phone, dates before numbers.
    static let patterns: [(NSRegularExpression, Kind)] = [
        (#"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#, .email, true),
        (#"\b\d{4}-\d{1,2}-\d{1,2}\b"#, .date, false),
        (#"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"#, .date, false),
        (#"\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october) \d{4}\b"#, .date, true),
        // Dutch postcode: four digits, two capitals ("1234 AB"); case-sensitive, so "2024 we" stays.
        (#"\b[1-9]\d{3} ?[A-Z]{2}\b"#, .postcode, false),
        // Dutch phone numbers (06-12345678, 020 123 4567, +31 6 ...), other international ones, and
        // nine-digit citizen service numbers.
        (#"(\+31|0031|\b0)[ -]?[1-9](?:[ -]?\d){8}\b"#, .phone, false),
        (#"\+\d(?:[ -]?\d){7,13}\b"#, .phone, false),
        (#"\b\d{9}\b"#, .phone, false),
    ].map { pattern, kind, ignoringCase in
        (try! NSRegularExpression(pattern: pattern, options: ignoringCase ? [.caseInsensitive] : []), kind)
    }

    /// An age as a ten-year band ("30 to 39"): enough for colleagues, not enough to find anyone.
    public static func ageBand(bornOn birth: CalendarDate, on today: CalendarDate) -> ClosedRange<Int> {
        let age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day) ? 1 : 0)
        let from = max(0, age / 10 * 10)
        return from...(from + 9)
    }

    public func anonymise(_ text: String) -> String {
        var result = text
        // Longest first, so "Jan de Vries" goes before "Jan".
        for term in terms.sorted(by: { $0.text.count > $1.text.count }) {
            let escaped = NSRegularExpression.escapedPattern(for: term.text)
            // Whole words only: no letter or digit may touch the match on either side.
            guard let regex = try? NSRegularExpression(pattern: "(?<![\\p{L}\\p{N}])\(escaped)(?![\\p{L}\\p{N}])",
                                                       options: term.caseSensitive ? [] : [.caseInsensitive]) else { continue }
            result = regex.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result),
                                                    withTemplate: NSRegularExpression.escapedTemplate(for: term.kind.placeholder[language]))
        }
        for (regex, kind) in Self.patterns {
            result = regex.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result),
                                                    withTemplate: NSRegularExpression.escapedTemplate(for: kind.placeholder[language]))
        }
        return result
    }
}
