/// Says which field of a JSON body is wrong, as a dotted path (`portfolio.education[0].level`).
enum DecodingErrorDescription {
    static func describe(_ error: DecodingError) -> (field: String?, message: String) {
        switch error {
        case let .keyNotFound(key, context):
            let field = path(context.codingPath + [key])
            return (field, "missing field '\(field)'")
        case let .typeMismatch(type, context):
            let field = path(context.codingPath)
            if field.isEmpty { return (nil, "the body must be \(describe(type))") }
            return (field, "field '\(field)' must be \(describe(type))")
        case let .valueNotFound(type, context):
            let field = path(context.codingPath)
            if field.isEmpty { return (nil, "the body must be \(describe(type)), not null") }
            return (field, "field '\(field)' must be \(describe(type)), not null")
        case let .dataCorrupted(context):
            let field = path(context.codingPath)
            if field.isEmpty { return (nil, "the body is not valid JSON") }
            // The decoder's own words name Swift types ("Cannot initialize Role from …"); ours do not.
            let own = context.debugDescription
            let plain = own.contains("Cannot initialize") || own.contains("Swift.") || own.isEmpty
            return (field, plain ? "field '\(field)' holds a value that is not allowed" : "field '\(field)': \(own)")
        @unknown default:
            return (nil, "the body could not be read")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce("") { result, key in
            if let index = key.intValue { return result + "[\(index)]" }
            return result.isEmpty ? key.stringValue : result + "." + key.stringValue
        }
    }

    /// In JSON's words, never Swift's: a type the decoder names that is none of these is "a value
    /// of another kind".
    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a text"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type: return "a whole number"
        case is Double.Type, is Float.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") { return "an object" }
            if name.hasPrefix("Array") || name.hasPrefix("UnkeyedDecodingContainer") { return "a list" }
            return "a value of another kind"
        }
    }
}
