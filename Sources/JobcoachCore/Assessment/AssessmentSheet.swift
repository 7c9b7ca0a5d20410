import Foundation

/// One assessor's scores for an application: a score and an evidence note per task and competency.
public struct AssessmentSheet: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var score: AssessmentScore
        public var note: String

        public init(score: AssessmentScore, note: String) {
            self.score = score
            self.note = note
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

    /// Items the two assessors scored differently, for the officer's attention.
    public static func differences(_ first: AssessmentSheet, _ second: AssessmentSheet, items: [AssessmentItem]) -> [String] {
        items.map(\.id).filter { first.entries[$0]?.score != second.entries[$0]?.score }
    }
}

