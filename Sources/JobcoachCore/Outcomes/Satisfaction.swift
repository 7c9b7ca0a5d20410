import Foundation

/// Who gives a satisfaction score at closing.
public enum SatisfactionRespondent: String, Codable, Sendable, CaseIterable {
    case client
    case employer
}

/// Satisfaction at closing: a score from 1 to 10, and the yearly averages an agency is held to.
/// UWV asks job coach organisations for an average of at least 6.5.
public enum Satisfaction {
    public static let scores = 1...10
    public static let minimumAverage = 6.5

    public struct Rating: Hashable, Sendable {
        public var year: Int
        public var respondent: SatisfactionRespondent
        public var score: Int

        public init(year: Int, respondent: SatisfactionRespondent, score: Int) {
            self.year = year
            self.respondent = respondent
            self.score = score
        }
    }

    public struct YearAverage: Hashable, Sendable {
        public var year: Int
        public var respondent: SatisfactionRespondent
        public var count: Int
        /// Rounded to 2 decimals.
        public var mean: Double
        public var meetsMinimum: Bool
    }

    /// Per year and respondent, oldest year first, client before employer.
    public static func yearly(_ ratings: [Rating]) -> [YearAverage] {
        let grouped = Dictionary(grouping: ratings) { "\($0.year)|\($0.respondent.rawValue)" }
        return grouped.values.compactMap { group -> YearAverage? in
            guard let first = group.first else { return nil }
            let mean = Double(group.reduce(0) { $0 + $1.score }) / Double(group.count)
            return YearAverage(year: first.year, respondent: first.respondent, count: group.count,
                               mean: OutcomeRounding.round(mean, places: 2), meetsMinimum: mean >= minimumAverage)
        }.sorted { ($0.year, $0.respondent == .client ? 0 : 1) < ($1.year, $1.respondent == .client ? 0 : 1) }
    }
}
