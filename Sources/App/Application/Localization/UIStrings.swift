import Foundation
import JobcoachCore
import Vapor
import Yams

/// The words of the user interface in both languages, from `Resources/Localization/strings.yaml`.
/// A key without both languages stops the start, like invalid framework data.
struct UIStrings: Sendable {
    private let tables: [Language: [String: String]]

    init(tables: [Language: [String: String]]) {
        self.tables = tables
    }

    static func load(from url: URL) throws -> UIStrings {
        let raw = try YAMLDecoder().decode([String: LocalizedText].self, from: String(contentsOf: url, encoding: .utf8))
        var problems: [String] = []
        for (key, text) in raw.sorted(by: { $0.key < $1.key }) {
            for language in text.missingLanguages {
                problems.append("strings.yaml: \(key): missing \(language.rawValue) text")
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(problems.joined(separator: "\n")) }
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            tables[language] = raw.mapValues { $0[language] }
        }
        return UIStrings(tables: tables)
    }

    func table(_ language: Language) -> [String: String] {
        tables[language] ?? [:]
    }

    /// A text for Swift code (messages, errors); shows the key when missing so a gap is visible.
    func text(_ key: String, _ language: Language) -> String {
        tables[language]?[key] ?? key
    }

    /// A text with its placeholders filled in: `{name}` becomes `arguments["name"]`.
    func text(_ key: String, _ arguments: [String: String], _ language: Language) -> String {
        Self.fill(text(key, language), arguments)
    }

    /// Fills the `{name}` placeholders of a text in one pass, so a value that itself holds braces is
    /// left as it is; a placeholder without an argument stays visible.
    static func fill(_ text: String, _ arguments: [String: String]) -> String {
        guard !arguments.isEmpty, text.contains("{") else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result.append(contentsOf: rest[..<open])
            let name = rest.index(after: open)
            if let close = rest[name...].firstIndex(of: "}"), let value = arguments[String(rest[name..<close])] {
                result.append(value)
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[name...]
            }
        }
        result.append(contentsOf: rest)
        return result
    }

    var keys: Set<String> { Set(tables[.nl]?.keys.map { $0 } ?? []) }
}

extension Application {
    private struct StringsKey: StorageKey { typealias Value = UIStrings }

    var strings: UIStrings {
        get { storage[StringsKey.self] ?? UIStrings(tables: [:]) }
        set { storage[StringsKey.self] = newValue }
    }
}

extension Request {
    /// A UI text in the request's language.
    func t(_ key: String) -> String {
        application.strings.text(key, language)
    }

    /// A count with its noun: the `oneKey` text for 1, the `manyKey` text (with `{count}`) otherwise.
    func t(count: Int, oneKey: String, manyKey: String, _ arguments: [String: String] = [:]) -> String {
        t(count == 1 ? oneKey : manyKey, arguments.merging(["count": String(count)]) { $1 })
    }

    /// A UI text in the request's language with its `{name}` placeholders filled in.
    func t(_ key: String, _ arguments: [String: String]) -> String {
        application.strings.text(key, arguments, language)
    }
}
