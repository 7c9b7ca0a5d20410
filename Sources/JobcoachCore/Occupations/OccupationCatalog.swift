import Foundation

/// The ESCO occupations the product ships, searchable by label and by ISCO code.
public struct OccupationCatalog: Sendable {
    public let occupations: [Occupation]
    public let iscoGroups: [String: IscoGroup]
    private let byURI: [String: Occupation]
    /// Folded (lowercase, no diacritics) labels per occupation, preferred label first.
    private let foldedLabels: [[String]]

    public init(occupations: [Occupation], iscoGroups: [IscoGroup]) {
        self.occupations = occupations
        self.iscoGroups = Dictionary(iscoGroups.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.byURI = Dictionary(occupations.map { ($0.uri, $0) }, uniquingKeysWith: { first, _ in first })
        self.foldedLabels = occupations.map { ([$0.preferredLabel] + $0.altLabels).map(Self.fold) }
    }

    /// Reads the shipped TSV files (see scripts/extract-esco.py).
    public static func load(occupationsTSV: String, iscoGroupsTSV: String) -> OccupationCatalog {
        let occupations = rows(occupationsTSV).compactMap { fields -> Occupation? in
            guard fields.count >= 3 else { return nil }
            let alts = fields.count > 3 && !fields[3].isEmpty ? fields[3].split(separator: "|").map(String.init) : []
            return Occupation(uri: fields[0], iscoCode: fields[1], preferredLabel: fields[2], altLabels: alts)
        }
        let groups = rows(iscoGroupsTSV).compactMap { fields -> IscoGroup? in
            fields.count >= 2 ? IscoGroup(code: fields[0], label: fields[1]) : nil
        }
        return OccupationCatalog(occupations: occupations, iscoGroups: groups)
    }

    private static func rows(_ tsv: String) -> [[String]] {
        tsv.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    public func occupation(uri: String) -> Occupation? {
        byURI[uri]
    }

    /// Occupations in an ISCO group or any group below it (`24` finds 2423 and 2424).
    public func occupations(iscoPrefix code: String) -> [Occupation] {
        occupations.filter { $0.iscoCode.hasPrefix(code) }
    }

    /// The occupation an integration names by ESCO URI, or the occupations of an ISCO code.
    public func resolve(_ reference: String) -> [Occupation] {
        if let occupation = byURI[reference] { return [occupation] }
        if reference.allSatisfy(\.isNumber), !reference.isEmpty { return occupations(iscoPrefix: reference) }
        return []
    }

    /// Searches labels (all words must occur, in any label) or, for digits, ISCO codes. Best first:
    /// exact label, then a label that starts with the query, then one that contains it; preferred
    /// labels before alternative ones.
    public func search(_ query: String, limit: Int = 20) -> [OccupationMatch] {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, limit > 0 else { return [] }
        if trimmed.allSatisfy(\.isNumber) {
            return occupations(iscoPrefix: trimmed)
                .sorted { ($0.iscoCode, $0.preferredLabel) < ($1.iscoCode, $1.preferredLabel) }
                .prefix(limit)
                .map { OccupationMatch(occupation: $0, matchedLabel: $0.preferredLabel, score: 100) }
        }
        let folded = Self.fold(trimmed)
        let words = folded.split(separator: " ").map(String.init)
        var matches: [OccupationMatch] = []
        for (index, labels) in foldedLabels.enumerated() {
            var best: (score: Int, label: Int)?
            for (labelIndex, label) in labels.enumerated() {
                guard words.allSatisfy({ label.contains($0) }) else { continue }
                var score = label == folded ? 100 : label.hasPrefix(folded) ? 80 : label.contains(folded) ? 60 : 40
                if labelIndex > 0 { score -= 5 }
                if best == nil || score > best!.score { best = (score, labelIndex) }
            }
            if let best {
                let occupation = occupations[index]
                let label = best.label == 0 ? occupation.preferredLabel : occupation.altLabels[best.label - 1]
                matches.append(OccupationMatch(occupation: occupation, matchedLabel: label, score: best.score))
            }
        }
        return Array(matches.sorted {
            ($0.score, $1.occupation.preferredLabel) > ($1.score, $0.occupation.preferredLabel)
        }.prefix(limit))
    }

    /// Lowercase, without accents, single spaces: how labels and queries are compared.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
