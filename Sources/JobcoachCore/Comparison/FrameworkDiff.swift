/// What changed from one version of a framework to another, item by item (matched by id).
public struct FrameworkDiff: Hashable, Encodable, Sendable {
    public var framework: String
    public var from: String
    public var to: String
    public var added: [FrameworkDiffItem]
    public var removed: [FrameworkDiffItem]
    public var changed: [FrameworkChangedItem]

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    public init(from old: FrameworkVersion, to new: FrameworkVersion) {
        framework = new.id
        from = old.version
        to = new.version
        let before = Self.flatten(old)
        let after = Self.flatten(new)
        let beforeByID = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let afterByID = Dictionary(after.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        added = after.filter { beforeByID[$0.id] == nil }.map(\.item)
        removed = before.filter { afterByID[$0.id] == nil }.map(\.item)
        changed = after.compactMap { entry in
            guard let previous = beforeByID[entry.id] else { return nil }
            let names = (previous.fields.map(\.0) + entry.fields.map(\.0)).reduce(into: [String]()) {
                if !$0.contains($1) { $0.append($1) }
            }
            let old = Dictionary(previous.fields, uniquingKeysWith: { first, _ in first })
            let new = Dictionary(entry.fields, uniquingKeysWith: { first, _ in first })
            let changes = names.compactMap { name -> FrameworkFieldChange? in
                old[name] == new[name] ? nil : FrameworkFieldChange(field: name, before: old[name], after: new[name])
            }
            guard !changes.isEmpty else { return nil }
            return FrameworkChangedItem(id: entry.id, kind: entry.kind, parent: entry.parent,
                                        label: entry.label, changes: changes)
        }
    }

    /// One comparable entry per item: its identity and its own fields (children are entries of
    /// their own, so a changed indicator does not mark its whole task as changed).
    private struct Entry {
        var id: String
        var kind: String
        var parent: String?
        var label: LocalizedText
        var fields: [(String, String)]

        var item: FrameworkDiffItem { FrameworkDiffItem(id: id, kind: kind, parent: parent, label: label) }
    }

    private static func textFields(_ name: String, _ text: LocalizedText?) -> [(String, String)] {
        guard let text else { return [] }
        return [("\(name).nl", text.nl), ("\(name).en", text.en)]
    }

    private static func flatten(_ version: FrameworkVersion) -> [Entry] {
        var entries: [Entry] = []
        var frameworkFields = textFields("title", version.title) + textFields("publisher", version.publisher)
            + textFields("summary", version.summary)
        frameworkFields.append(("level", version.level?.description ?? ""))
        frameworkFields.append(("occupations", version.occupations.joined(separator: ", ")))
        frameworkFields.append(("certification.validityYears", version.certification.map { String($0.validityYears) } ?? ""))
        if let policy = version.recertification {
            frameworkFields.append(("recertification", "\(NumberText.format(policy.minimumPoints, in: .en)) points in "
                + (policy.periodYears.map { "\($0) years" } ?? "the certificate's validity")
                + policy.caps.map { "; at most \(NumberText.format($0.maximumPoints, in: .en)) from \($0.categories.joined(separator: "+"))" }.joined()))
        }
        entries.append(Entry(id: version.id, kind: "framework", parent: nil, label: version.title,
                             fields: frameworkFields.filter { !$0.1.isEmpty }))
        for section in version.sections {
            var fields = textFields("title", section.title)
            for (index, paragraph) in section.paragraphs.enumerated() {
                fields += textFields("paragraph[\(index + 1)]", paragraph)
            }
            entries.append(Entry(id: section.id, kind: "section", parent: nil, label: section.title, fields: fields))
            entries += section.items.map {
                Entry(id: $0.id, kind: "section-item", parent: section.id, label: $0.text, fields: textFields("text", $0.text))
            }
        }
        for requirement in version.entryRequirements {
            entries += flatten(requirement, parent: nil)
        }
        let kinds: [ItemGroupKind: String] = [.knowledgeAreas: "knowledge-area", .tasks: "task",
                                              .competencies: "competency", .attitudes: "attitude", .modules: "module"]
        for kind in ItemGroupKind.allCases {
            for group in version.groups(kind) {
                var fields = textFields("title", group.title) + textFields("description", group.description)
                if let number = group.number { fields.append(("number", String(number))) }
                entries.append(Entry(id: group.id, kind: kinds[kind]!, parent: nil, label: group.title, fields: fields))
                entries += group.indicators.map {
                    Entry(id: $0.id, kind: "indicator", parent: group.id, label: $0.text, fields: textFields("text", $0.text))
                }
            }
        }
        return entries
    }

    private static func flatten(_ node: RequirementNode, parent: String?) -> [Entry] {
        var fields = textFields("title", node.title)
        switch node.rule {
        case .allOf(let children): fields.append(("allOf", children.map(\.id).joined(separator: ", ")))
        case .anyOf(let children): fields.append(("anyOf", children.map(\.id).joined(separator: ", ")))
        case .condition(let condition): fields.append(("condition", conditionText(condition)))
        }
        return [Entry(id: node.id, kind: "requirement", parent: parent, label: node.title, fields: fields)]
            + node.children.flatMap { flatten($0, parent: node.id) }
    }

    /// The condition's parameters as one line, e.g. `jobcoachDiploma providers=Sara Werkt completedOnOrAfter=2022-09-01`.
    private static func conditionText(_ condition: RequirementCondition) -> String {
        var parts = [condition.typeName]
        switch condition {
        case let .qualification(minimum, shownBy):
            parts += ["minimumLevel=\(minimum)", "shownBy=\(shownBy.map(\.rawValue).joined(separator: ","))"]
        case let .jobcoachDiploma(providers, onOrAfter, before):
            if let providers { parts.append("providers=\(providers.joined(separator: ","))") }
            if let onOrAfter { parts.append("completedOnOrAfter=\(onOrAfter)") }
            if let before { parts.append("completedBefore=\(before)") }
        case let .recognisedDiploma(providers):
            if let providers { parts.append("providers=\(providers.joined(separator: ","))") }
        case let .courseHours(hours, ects, perEcts, _):
            parts.append("minimumHours=\(NumberText.format(hours, in: .en))")
            if let ects { parts.append("minimumEcts=\(NumberText.format(ects, in: .en))") }
            if let perEcts { parts.append("hoursPerEcts=\(NumberText.format(perEcts, in: .en))") }
        case let .experienceYears(years): parts.append("minimumYears=\(years)")
        case let .experienceHours(hours): parts.append("minimumHours=\(hours)")
        case .practising: break
        }
        return parts.joined(separator: " ")
    }
}
