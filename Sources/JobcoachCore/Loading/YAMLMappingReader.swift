import Yams

/// Reads one YAML mapping of a data file, reporting missing, malformed and unknown keys with the
/// line and the item they belong to.
struct YAMLMappingReader {
    let node: Node
    let item: String?
    let issues: IssueCollector
    private var readKeys: Set<String> = []

    /// The top mapping of a data file, or an error naming the file when it is not YAML or is empty.
    static func document(_ yaml: String, file: String, issues: IssueCollector) throws -> YAMLMappingReader {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw FrameworkDataError(issues: [FrameworkDataIssue(file: file, message: "not valid YAML: \(error)")])
        }
        guard let root, let reader = YAMLMappingReader(root, item: nil, issues: issues, what: "the file") else {
            throw FrameworkDataError(issues: issues.issues.isEmpty ? [FrameworkDataIssue(file: file, message: "the file is empty")] : issues.issues)
        }
        return reader
    }

    /// Returns nil (and reports) when `node` is not a mapping.
    init?(_ node: Node, item: String?, issues: IssueCollector, what: String) {
        guard node.mapping != nil else {
            issues.add("\(what) must be a mapping of keys to values", item: item, line: node.line)
            return nil
        }
        self.node = node
        self.item = item
        self.issues = issues
        reportDuplicateKeys()
    }

    var line: Int? { node.line }

    private init(node: Node, item: String?, issues: IssueCollector, readKeys: Set<String>) {
        self.node = node
        self.item = item
        self.issues = issues
        self.readKeys = readKeys
    }

    /// The same reader, reporting under another item name (once an item's id is known).
    func renamed(_ item: String) -> YAMLMappingReader {
        YAMLMappingReader(node: node, item: item, issues: issues, readKeys: readKeys)
    }

    private func reportDuplicateKeys() {
        var seen: Set<String> = []
        for key in node.mapping.map({ Array($0.keys) }) ?? [] {
            guard let name = key.string else { continue }
            if !seen.insert(name).inserted {
                issues.add("key '\(name)' appears twice", item: item, line: key.line)
            }
        }
    }

    mutating func value(_ key: String) -> Node? {
        readKeys.insert(key)
        guard let value = node.mapping?[key] else { return nil }
        if value.null != nil, value.scalar?.style == .plain { return nil }
        return value
    }

    mutating func has(_ key: String) -> Bool {
        value(key) != nil
    }

    mutating func string(_ key: String, required: Bool = true) -> String? {
        guard let value = value(key) else {
            if required { issues.add("missing '\(key)'", item: item, line: line) }
            return nil
        }
        guard value.scalar != nil, let text = value.string,
              !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            issues.add("'\(key)' must be a non-empty text", item: item, line: value.line)
            return nil
        }
        return text
    }

    mutating func int(_ key: String, required: Bool = true) -> Int? {
        guard let value = value(key) else {
            if required { issues.add("missing '\(key)'", item: item, line: line) }
            return nil
        }
        guard let number = value.int else {
            issues.add("'\(key)' must be a whole number", item: item, line: value.line)
            return nil
        }
        return number
    }

    mutating func number(_ key: String, required: Bool = true) -> Double? {
        guard let value = value(key) else {
            if required { issues.add("missing '\(key)'", item: item, line: line) }
            return nil
        }
        guard let number = value.float ?? value.int.map(Double.init) else {
            issues.add("'\(key)' must be a number", item: item, line: value.line)
            return nil
        }
        return number
    }

    mutating func date(_ key: String, required: Bool = true) -> CalendarDate? {
        guard let text = string(key, required: required) else { return nil }
        guard let date = CalendarDate(text) else {
            issues.add("'\(key)' must be a date as YYYY-MM-DD, not '\(text)'", item: item, line: node.mapping?[key]?.line)
            return nil
        }
        return date
    }

    /// A bilingual text `{nl, en}`; a missing or blank language is reported as a missing translation.
    mutating func text(_ key: String, required: Bool = true) -> LocalizedText? {
        guard let value = value(key) else {
            if required { issues.add("missing '\(key)' (a text with nl and en)", item: item, line: line) }
            return nil
        }
        return Self.text(value, key: key, item: item, issues: issues)
    }

    static func text(_ value: Node, key: String, item: String?, issues: IssueCollector) -> LocalizedText? {
        guard var reader = YAMLMappingReader(value, item: item, issues: issues, what: "'\(key)'") else { return nil }
        let nl = reader.value("nl")?.string ?? ""
        let en = reader.value("en")?.string ?? ""
        reader.finish()
        let text = LocalizedText(nl: nl, en: en)
        for language in text.missingLanguages {
            let name = language == .nl ? "Dutch" : "English"
            issues.add("'\(key)' has no \(name) text (\(language.rawValue)): missing translation", item: item, line: value.line)
        }
        return text
    }

    /// A list under `key`; an absent key is an empty list.
    mutating func list(_ key: String) -> [Node] {
        guard let value = value(key) else { return [] }
        guard let sequence = value.sequence else {
            issues.add("'\(key)' must be a list", item: item, line: value.line)
            return []
        }
        return Array(sequence)
    }

    mutating func strings(_ key: String) -> [String]? {
        guard has(key) else { return nil }
        return list(key).compactMap { element in
            guard let text = element.string, element.scalar != nil, !text.isEmpty else {
                issues.add("'\(key)' must list texts", item: item, line: element.line)
                return nil
            }
            return text
        }
    }

    /// Reports every key that no reader asked for: a misspelt key would otherwise be ignored.
    func finish() {
        for key in node.mapping.map({ Array($0.keys) }) ?? [] {
            guard let name = key.string else { continue }
            if !readKeys.contains(name) {
                issues.add("unknown key '\(name)'", item: item, line: key.line)
            }
        }
    }
}

extension Node {
    /// 1-based line of the node in its file.
    var line: Int? { mark.map { $0.line } }
}
