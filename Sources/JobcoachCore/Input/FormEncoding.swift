/// Reads an `application/x-www-form-urlencoded` body strictly: every `%` is followed by two hex
/// digits and every name and value is UTF-8. A lenient reader turns `name=%FF%FE` into replacement
/// characters and stores them; this one says what is wrong instead.
public enum FormEncoding {
    public enum Problem: Error, Sendable, Equatable {
        /// A `%` not followed by two hex digits; the field when its name could be read.
        case badEscape(field: String?)
        /// Bytes that are not UTF-8 text.
        case notText(field: String?)
    }

    /// The first problem in the body, or nil when every pair reads as text.
    public static func problem(in body: [UInt8]) -> Problem? {
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let rawName = equals.map { pair[pair.startIndex..<$0] } ?? pair[...]
            let name: String
            switch decode(rawName) {
            case .failure(let problem): return problem
            case .success(let text): name = text
            }
            guard let equals else { continue }
            if case .failure(let problem) = decode(pair[pair.index(after: equals)...]) {
                switch problem {
                case .badEscape: return .badEscape(field: name)
                case .notText: return .notText(field: name)
                }
            }
        }
        return nil
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> Result<String, Problem> {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else { return .failure(.badEscape(field: nil)) }
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        guard let text = String(validating: decoded, as: UTF8.self) else { return .failure(.notText(field: nil)) }
        return .success(text)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
