import Foundation

/// What stops a CASE package from becoming a framework file, naming the CF identifier concerned.
public struct CASEConversionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The identifier of the CFDocument, CFItem or CFAssociation; nil for the package as a whole.
    public var identifier: String?
    public var message: String

    public init(identifier: String?, message: String) {
        self.identifier = identifier
        self.message = message
    }

    public var description: String { identifier.map { "\($0): \(message)" } ?? message }
}

/// Turns a CASE 1.1 package into our framework YAML, checked like any data file. Items whose parent
/// is the document become top-level items, their kind read from `CFItemType` (an unknown type is a
/// competency); items whose parent is an item become its indicators. Deeper trees, items without
/// exactly one `isChildOf`, and texts missing in one of the two languages are refused. Our own
/// export converts back with every item id, both languages and the framework's facts.
public enum CASEConversion {
    public static func frameworkYAML(from data: Data, loader: FrameworkLoader) throws(CASEConversionError) -> String {
        let package: CASEPackage.Lenient
        do {
            package = try JSONDecoder().decode(CASEPackage.Lenient.self, from: data)
        } catch let error as DecodingError {
            throw CASEConversionError(identifier: nil, message: "not a CASE package: \(describe(error))")
        } catch {
            throw CASEConversionError(identifier: nil, message: "not a CASE package: \(error)")
        }
        let document = package.CFDocument
        let language = Language(rawValue: (document.language ?? "nl").prefix(2).lowercased()) ?? .nl
        let other: Language = language == .nl ? .en : .nl
        func both(_ text: String?, _ translated: String?, _ what: String, _ identifier: String) throws(CASEConversionError) -> LocalizedText {
            let first = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let second = translated?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !first.isEmpty else { throw CASEConversionError(identifier: identifier, message: "has no \(what) in \(language.rawValue)") }
            guard !second.isEmpty else {
                throw CASEConversionError(identifier: identifier, message: "has no \(what) in \(other.rawValue) (extensions.translations.\(other.rawValue)); a framework needs both languages")
            }
            return language == .nl ? LocalizedText(nl: first, en: second) : LocalizedText(nl: second, en: first)
        }
        let documentTranslation = document.extensions?.translations?[other.rawValue]
        let title = try both(document.title, documentTranslation?.title, "title", document.identifier)
        let publisher = try both(document.publisher ?? document.creator, documentTranslation?.creator, "creator", document.identifier)
        let summary = try both(document.description, documentTranslation?.description, "description", document.identifier)
        let frameworkID = document.extensions?.framework ?? slug(title.en)
        guard FrameworkFileParser.isValidID(frameworkID) else {
            throw CASEConversionError(identifier: document.identifier, message: "gives no usable framework id ('\(frameworkID)')")
        }
        let effectiveText = document.extensions?.effectiveFrom ?? document.statusStartDate ?? document.lastChangeDateTime.map { String($0.prefix(10)) }
        guard let effectiveText, let effectiveFrom = CalendarDate(effectiveText) else {
            throw CASEConversionError(identifier: document.identifier, message: "gives no date from which the framework is in force (statusStartDate)")
        }

        // The tree, from the isChildOf associations.
        let items = package.CFItems ?? []
        var byIdentifier: [String: CASEPackage.Lenient.Item] = [:]
        for item in items {
            guard byIdentifier.updateValue(item, forKey: item.identifier) == nil else {
                throw CASEConversionError(identifier: item.identifier, message: "is listed twice in CFItems")
            }
        }
        var parent: [String: (identifier: String, sequence: Int?)] = [:]
        for association in package.CFAssociations ?? [] where association.associationType == "isChildOf" {
            let child = association.originNodeURI.identifier
            guard byIdentifier[child] != nil else {
                if child == document.identifier { throw CASEConversionError(identifier: association.identifier, message: "makes the CFDocument a child") }
                throw CASEConversionError(identifier: association.identifier, message: "names an origin \(child) that is not in CFItems")
            }
            let destination = association.destinationNodeURI.identifier
            guard destination == document.identifier || byIdentifier[destination] != nil else {
                throw CASEConversionError(identifier: association.identifier, message: "names a destination \(destination) that is neither the CFDocument nor in CFItems")
            }
            guard parent.updateValue((destination, association.sequenceNumber), forKey: child) == nil else {
                throw CASEConversionError(identifier: child, message: "has more than one isChildOf association; each item needs exactly one")
            }
        }
        var topLevel: [CASEPackage.Lenient.Item] = []
        var children: [String: [CASEPackage.Lenient.Item]] = [:]
        for item in items {
            guard let link = parent[item.identifier] else {
                throw CASEConversionError(identifier: item.identifier, message: "has no isChildOf association; each item needs exactly one")
            }
            if link.identifier == document.identifier {
                topLevel.append(item)
            } else {
                guard parent[link.identifier]?.identifier == document.identifier else {
                    throw CASEConversionError(identifier: item.identifier, message: "is more than two levels below the CFDocument; a framework has items and their indicators only")
                }
                children[link.identifier, default: []].append(item)
            }
        }
        func ordered(_ list: [CASEPackage.Lenient.Item]) -> [CASEPackage.Lenient.Item] {
            list.enumerated().sorted { a, b in
                let x = parent[a.element.identifier]?.sequence ?? Int.max, y = parent[b.element.identifier]?.sequence ?? Int.max
                return x != y ? x < y : a.offset < b.offset
            }.map(\.element)
        }

        // Item ids: the human coding scheme where it is one of ours, otherwise made from the position.
        var usedIDs: Set<String> = [frameworkID]
        var itemIDs: [String: String] = [:]
        func claim(_ item: CASEPackage.Lenient.Item, fallback: String) throws(CASEConversionError) -> String {
            var id = item.humanCodingScheme.map { slug($0) } ?? ""
            if !FrameworkFileParser.isValidID(id) { id = fallback }
            guard usedIDs.insert(id).inserted else {
                throw CASEConversionError(identifier: item.identifier, message: "has the item id '\(id)', which another item already has")
            }
            itemIDs[id] = item.identifier
            return id
        }
        var groups: [ItemGroupKind: [(id: String, number: Int?, title: LocalizedText, description: LocalizedText?, indicators: [(String, LocalizedText)])]] = [:]
        for (position, item) in ordered(topLevel).enumerated() {
            let kind = ItemGroupKind.allCases.first { CASEPackage.itemType($0).caseInsensitiveCompare(item.CFItemType ?? "") == .orderedSame } ?? .competencies
            let id = try claim(item, fallback: "item-\(position + 1)")
            let translation = item.extensions?.translations?[other.rawValue]
            let title = try both(item.fullStatement, translation?.fullStatement, "fullStatement", item.identifier)
            var description: LocalizedText?
            if item.notes != nil || translation?.notes != nil { description = try both(item.notes, translation?.notes, "notes", item.identifier) }
            let number = kind == .tasks || kind == .modules ? item.listEnumeration.flatMap { Int($0) } : nil
            var indicators: [(String, LocalizedText)] = []
            for (index, child) in ordered(children[item.identifier] ?? []).enumerated() {
                let childID = try claim(child, fallback: "\(id)-\(index + 1)")
                indicators.append((childID, try both(child.fullStatement, child.extensions?.translations?[other.rawValue]?.fullStatement,
                                                     "fullStatement", child.identifier)))
            }
            groups[kind, default: []].append((id, number, title, description, indicators))
        }

        var yaml = """
        # Converted from a CASE 1.1 package (CFDocument \(document.identifier)).
        id: \(frameworkID)
        version: \(quoted(document.version ?? effectiveFrom.description))
        effectiveFrom: \(effectiveFrom)
        sourceDocument: \(quoted(document.extensions?.sourceDocument ?? document.notes ?? document.uri))
        sourceLanguage: \(document.extensions?.sourceLanguage.flatMap(Language.init(rawValue:))?.rawValue ?? language.rawValue)
        title: \(quoted(title))
        publisher: \(quoted(publisher))
        summary: \(quoted(summary))

        """
        for kind in ItemGroupKind.allCases {
            guard let list = groups[kind], !list.isEmpty else { continue }
            yaml += "\n\(kind.rawValue):\n"
            for group in list {
                yaml += "  - id: \(group.id)\n"
                if let number = group.number { yaml += "    number: \(number)\n" }
                yaml += "    title: \(quoted(group.title))\n"
                if let description = group.description { yaml += "    description: \(quoted(description))\n" }
                if !group.indicators.isEmpty {
                    yaml += "    indicators:\n"
                    for (id, text) in group.indicators {
                        yaml += "      - id: \(id)\n        text: \(quoted(text))\n"
                    }
                }
            }
        }
        if case .failure(let error) = loader.parse(yaml: yaml, file: "\(frameworkID).yaml") {
            let first = error.issues[0]
            let identifier = first.item.flatMap { itemIDs[$0] } ?? document.identifier
            throw CASEConversionError(identifier: identifier, message: "the converted framework does not pass the data check: \(first.message)")
        }
        return yaml
    }

    /// Lowercase words joined by hyphens, from any text ("Task 1.2" is `task-1-2`).
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        return folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.joined(separator: "-")
    }

    /// A YAML double-quoted scalar (JSON's escaping is valid YAML).
    static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let data = try? encoder.encode(text)
        return data.flatMap { String(data: $0, encoding: .utf8) } ?? "\"\""
    }

    static func quoted(_ text: LocalizedText) -> String {
        "{nl: \(quoted(text.nl)), en: \(quoted(text.en))}"
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing '\(key.stringValue)' at \(path(context).isEmpty ? "the top" : path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context)) has the wrong type"
        case .dataCorrupted(let context): return path(context).isEmpty ? "not valid JSON" : "\(path(context)) is not valid"
        @unknown default: return "not readable"
        }
    }
}

extension CASEPackage {
    /// The package as read: only what the conversion needs, every other field allowed.
    struct Lenient: Decodable {
        struct Document: Decodable {
            var identifier: String
            var uri: String
            var creator: String?
            var title: String?
            var lastChangeDateTime: String?
            var language: String?
            var version: String?
            var description: String?
            var publisher: String?
            var statusStartDate: String?
            var notes: String?
            var extensions: Extensions?
        }

        struct Item: Decodable {
            var identifier: String
            var fullStatement: String?
            var CFItemType: String?
            var humanCodingScheme: String?
            var listEnumeration: String?
            var notes: String?
            var extensions: Extensions?
        }

        struct Link: Decodable {
            var identifier: String
        }

        struct Association: Decodable {
            var identifier: String
            var associationType: String
            var sequenceNumber: Int?
            var originNodeURI: Link
            var destinationNodeURI: Link
        }

        var CFDocument: Document
        var CFItems: [Item]?
        var CFAssociations: [Association]?
    }
}
