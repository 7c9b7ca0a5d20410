/// A URL segment that is a parameter: `.key` when registering a route, `.value(x)` when making a link.
enum Parameter<Value: LosslessStringConvertible & Sendable>: Sendable {
    case key
    case value(Value)
}
