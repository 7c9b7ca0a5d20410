/// Says which field of a JSON body is wrong, as a dotted path (`portfolio.education[0].level`).
enum DecodingErrorDescription {
    static func describe(_ error: DecodingError) -> (field: String?, message: String) {
        switch error {
        case let .keyNotFound(key, context):
            let field = path(context.codingPath + [key])
            return (field, "missing field '\(field)'")
        case let .typeMismatch(type, context):
            let field = path(context.codingPath)
            return (field, "field '\(field)' must be \(describe(type))")
        case let .valueNotFound(type, context):
            let field = path(context.codingPath)
            return (field, "field '\(field)' must be \(describe(type)), not null")
        case let .dataCorrupted(context):
            let field = path(context.codingPath)
            if field.isEmpty { return (nil, "the body is not valid JSON") }
            return (field, "field '\(field)': \(context.debugDescription)")
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

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a text"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "true or false"
        default: "a \(type)"
        }
    }
}
