import Foundation

/// One assessor's scores for an application: a score and an evidence note per item, and if the
/// assessor wants to say more, a score per indicator.
public struct AssessmentSheet: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var score: AssessmentScore
        public var note: String
        /// Scores of single indicators, by indicator id: optional, the item's score is the verdict.
        public var indicators: [String: AssessmentScore]

        public init(score: AssessmentScore, note: String, indicators: [String: AssessmentScore] = [:]) {
            self.score = score
            self.note = note
            self.indicators = indicators
        }
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// Items of the framework without a score, or without an evidence note: a sheet can be submitted
    /// only when this is empty.
    public func missing(for items: [AssessmentItem]) -> [String] {
        items.map(\.id).filter { id in
            guard let entry = entries[id] else { return true }
            return entry.note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }
}

/// Two submitted sheets next to each other, item by item, as the officer reads them before deciding.
public struct AssessmentComparison: Hashable, Sendable {
    public struct IndicatorLine: Hashable, Sendable {
        public var indicator: TextItem
        public var first: AssessmentScore?
        public var second: AssessmentScore?
        public var differs: Bool { first != second }
    }

    public struct Line: Hashable, Sendable {
        public var item: AssessmentItem
        /// Nil when that sheet has no score for the item: a sheet submitted before the item was
        /// assessed is shown as it was scored, without inventing one.
        public var first: AssessmentSheet.Entry?
        public var second: AssessmentSheet.Entry?
        /// Only the indicators at least one assessor scored.
        public var indicators: [IndicatorLine]
        /// The two item scores differ; an item neither sheet scored does not.
        public var differs: Bool { first?.score != second?.score }
    }

    public var lines: [Line]

    public init(first: AssessmentSheet, second: AssessmentSheet, items: [AssessmentItem]) {
        lines = items.map { item in
            let a = first.entries[item.id], b = second.entries[item.id]
            let indicators = item.group.indicators.compactMap { indicator -> IndicatorLine? in
                let x = a?.indicators[indicator.id], y = b?.indicators[indicator.id]
                return x == nil && y == nil ? nil : IndicatorLine(indicator: indicator, first: x, second: y)
            }
            return Line(item: item, first: a, second: b, indicators: indicators)
        }
    }

    /// The items the two assessors scored differently, for the officer's attention.
    public var differences: [Line] { lines.filter(\.differs) }
}
