/// Input the matching engine cannot use, named so that the sender can correct it.
public struct MatchInputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where in the input, e.g. `candidate.needs` or `workplaces[2].demands`.
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
