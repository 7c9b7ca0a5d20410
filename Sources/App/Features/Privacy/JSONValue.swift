import Foundation

/// Any JSON value, decoded strictly (JSONDecoder keeps true apart from 1), for showing an export
/// as a readable page.
indirect enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The value as one line: nested `{"id": …}` as the id.
    var text: String {
        switch self {
        case .null: "—"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .string(let value): value
        case .array(let values): values.map(\.text).joined(separator: ", ")
        case .object(let object):
            if object.count == 1, let id = object["id"] { id.text }
            else { object.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.text)" }.joined(separator: ", ") }
        }
    }

    /// An object's fields as lines.
    var facts: [KeyValue] {
        guard case .object(let object) = self else { return [KeyValue(key: "", value: text)] }
        return object.sorted { $0.key < $1.key }.map { KeyValue(key: $0.key, value: $0.value.text) }
    }
}
