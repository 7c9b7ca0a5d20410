/// One line of an explanation: a criterion, what it does, and why, in both languages.
public struct MatchReason: Hashable, Codable, Sendable {
    public var criterion: MatchCriterion
    public var effect: MatchEffect
    public var text: LocalizedText

    public init(criterion: MatchCriterion, effect: MatchEffect, text: LocalizedText) {
        self.criterion = criterion
        self.effect = effect
        self.text = text
    }
}
