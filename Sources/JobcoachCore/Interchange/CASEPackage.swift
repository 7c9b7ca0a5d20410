import Foundation

/// A framework version as a 1EdTech CASE 1.1 package: the CFDocument, one CFItem per top-level item
/// (knowledge area, task, competency, attitude, module) and per indicator, and one `isChildOf`
/// association per item: an indicator to its item, an item to the document. Identifiers are
/// name-based UUIDs (version 5) of the framework id and item id, so they never change for the same
/// framework and item, whichever version or language is exported. The statements are in the
/// language asked for; the other language travels in `extensions`, so that a converted export keeps
/// both (`CASEConversion`).
public struct CASEPackage: Codable, Hashable, Sendable {
    /// The fixed namespace of every identifier: uuid5(URL namespace, "urn:jobcoach:case").
    public static let namespace = UUID(uuidString: "135c4a62-b3f2-5411-af74-da82c169a5b9")!

    public struct Translation: Codable, Hashable, Sendable {
        public var title: String?
        public var creator: String?
        public var description: String?
        public var fullStatement: String?
        public var notes: String?
    }

    /// What only this product reads back: the framework's own facts and the other language.
    public struct Extensions: Codable, Hashable, Sendable {
        public var framework: String?
        public var effectiveFrom: String?
        public var sourceDocument: String?
        public var sourceLanguage: String?
        public var translations: [String: Translation]?
    }

    public struct Document: Codable, Hashable, Sendable {
        public var identifier: String
        public var uri: String
        public var creator: String
        public var title: String
        public var lastChangeDateTime: String
        public var caseVersion: String?
        public var language: String?
        public var version: String?
        public var description: String?
        public var publisher: String?
        public var statusStartDate: String?
        public var adoptionStatus: String?
        public var notes: String?
        public var extensions: Extensions?
    }

    public struct Item: Codable, Hashable, Sendable {
        public var identifier: String
        public var fullStatement: String
        public var uri: String
        public var lastChangeDateTime: String
        public var CFItemType: String?
        public var humanCodingScheme: String?
        public var listEnumeration: String?
        public var notes: String?
        public var language: String?
        public var extensions: Extensions?
    }

    public struct NodeLink: Codable, Hashable, Sendable {
        public var title: String
        public var identifier: String
        public var uri: String
    }

    public struct Association: Codable, Hashable, Sendable {
        public var identifier: String
        public var associationType: String
        public var sequenceNumber: Int?
        public var uri: String
        public var originNodeURI: NodeLink
        public var destinationNodeURI: NodeLink
        public var lastChangeDateTime: String
    }

    public var CFDocument: Document
    public var CFItems: [Item]
    public var CFAssociations: [Association]

    /// `CFItemType` per kind of top-level item, and of an indicator; the conversion reads them back.
    public static func itemType(_ kind: ItemGroupKind) -> String {
        switch kind {
        case .knowledgeAreas: "Knowledge area"
        case .tasks: "Task"
        case .competencies: "Competency"
        case .attitudes: "Attitude"
        case .modules: "Module"
        }
    }

    public static let indicatorType = "Indicator"

    /// `baseURL` is where the register is reached: documents and items link to the framework's page.
    public static func make(_ version: FrameworkVersion, language: Language, baseURL: String) -> CASEPackage {
        let other: Language = language == .nl ? .en : .nl
        func id(_ name: String) -> String { NameBasedUUID.text(namespace: namespace, name: name) }
        let page = "\(baseURL)/frameworks/\(version.id)"
        // No clock in the core: the package changed when its version came into force.
        let changed = "\(version.effectiveFrom)T00:00:00Z"
        let documentID = id(version.id)
        let documentLink = NodeLink(title: version.title[language], identifier: documentID, uri: page)
        let document = Document(
            identifier: documentID, uri: page, creator: version.publisher[language], title: version.title[language],
            lastChangeDateTime: changed, caseVersion: "1.1", language: language.rawValue, version: version.version,
            description: version.summary[language], publisher: version.publisher[language],
            statusStartDate: version.effectiveFrom.description, adoptionStatus: "Published", notes: version.sourceDocument,
            extensions: Extensions(framework: version.id, effectiveFrom: version.effectiveFrom.description, sourceDocument: version.sourceDocument,
                                   sourceLanguage: version.sourceLanguage.rawValue,
                                   translations: [other.rawValue: Translation(title: version.title[other], creator: version.publisher[other],
                                                                              description: version.summary[other])]))
        var items: [Item] = []
        var associations: [Association] = []
        func add(itemID: String, statement: LocalizedText, notes: LocalizedText?, type: String, enumeration: String, parent: NodeLink, sequence: Int) -> NodeLink {
            let identifier = id("\(version.id)/\(itemID)")
            let link = NodeLink(title: statement[language], identifier: identifier, uri: "\(page)#\(itemID)")
            items.append(Item(identifier: identifier, fullStatement: statement[language], uri: link.uri, lastChangeDateTime: changed,
                              CFItemType: type, humanCodingScheme: itemID, listEnumeration: enumeration, notes: notes?[language],
                              language: language.rawValue,
                              extensions: Extensions(translations: [other.rawValue: Translation(fullStatement: statement[other],
                                                                                                notes: notes?[other])])))
            associations.append(Association(identifier: id("\(version.id)/\(itemID)/isChildOf"), associationType: "isChildOf", sequenceNumber: sequence,
                                            uri: "\(page)#\(itemID)-parent", originNodeURI: link, destinationNodeURI: parent,
                                            lastChangeDateTime: changed))
            return link
        }
        var sequence = 0
        for kind in version.groupKinds {
            for (position, group) in version.groups(kind).enumerated() {
                sequence += 1
                let link = add(itemID: group.id, statement: group.title, notes: group.description, type: itemType(kind),
                               enumeration: String(group.number ?? position + 1), parent: documentLink, sequence: sequence)
                for (index, indicator) in group.indicators.enumerated() {
                    _ = add(itemID: indicator.id, statement: indicator.text, notes: nil, type: indicatorType, enumeration: String(index + 1),
                            parent: link, sequence: index + 1)
                }
            }
        }
        return CASEPackage(CFDocument: document, CFItems: items, CFAssociations: associations)
    }
}
