/// Input a rule cannot use (a matching request, an outcome request), named so that the sender can correct it.
public struct InputFieldError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where in the input, e.g. `workplaces[2].demands` or `clients[0].jobs[1].end`.
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
