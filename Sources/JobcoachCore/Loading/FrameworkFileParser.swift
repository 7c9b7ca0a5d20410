import Yams

/// Turns one framework data file into a `FrameworkVersion`, checking every rule of
/// docs/FRAMEWORK-FORMAT.md on the way. All problems are collected; the version is returned only
/// when there are none.
struct FrameworkFileParser {
    private let issues: IssueCollector
    private let levels: QualificationLevelCatalog
    private var seenIDs: [String: Int?] = [:]


    /// Pages show requirement trees as nested lists; four levels is more than any document needs.
    static let maximumRequirementDepth = 4

    init(file: String, levels: QualificationLevelCatalog) {
        self.issues = IssueCollector(file: file)
        self.levels = levels
    }

    mutating func parse(yaml: String) -> Result<FrameworkVersion, FrameworkDataError> {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            issues.add("not valid YAML: \(error)", item: nil, line: nil)
            return .failure(FrameworkDataError(issues: issues.issues))
        }
        guard let root, var reader = YAMLMappingReader(root, item: nil, issues: issues, what: "the file") else {
            if root == nil { issues.add("the file is empty", item: nil, line: nil) }
            return .failure(FrameworkDataError(issues: issues.issues))
        }
        let version = readVersion(&reader)
        reader.finish()
        if let version, issues.issues.isEmpty { return .success(version) }
        return .failure(FrameworkDataError(issues: issues.issues))
    }

    private mutating func readVersion(_ reader: inout YAMLMappingReader) -> FrameworkVersion? {
        let id = reader.string("id")
        if let id { checkIDFormat(id, line: reader.line) }
        let version = reader.string("version")
        let effectiveFrom = reader.date("effectiveFrom")
        let sourceDocument = reader.string("sourceDocument")
        let languageText = reader.string("sourceLanguage")
        let sourceLanguage = languageText.flatMap(Language.init(rawValue:))
        if let languageText, sourceLanguage == nil {
            issues.add("'sourceLanguage' must be nl or en, not '\(languageText)'", item: nil, line: reader.line)
        }
        let title = reader.text("title")
        let publisher = reader.text("publisher")
        let summary = reader.text("summary")
        let changeNote = reader.text("changeNote", required: false)
        let level = reader.value("level").flatMap { readLevel($0, key: "level", item: id) }
        let occupations = reader.strings("occupations") ?? []
        for uri in occupations where !uri.hasPrefix("http://data.europa.eu/esco/occupation/") {
            issues.add("occupation '\(uri)' is not an ESCO occupation URI", item: id, line: reader.line)
        }
        let certification = reader.value("certification").flatMap(readCertification)
        let recertification = reader.value("recertification").flatMap { readRecertification($0) }
        if let recertification, recertification.periodYears == nil, certification == nil {
            issues.add("'recertification' needs 'periodYears' when there is no 'certification' whose validity is the period",
                       item: id, line: reader.line)
        }
        let sections = reader.list("sections").compactMap { readSection($0) }
        let requirements = reader.list("entryRequirements").compactMap { readRequirement($0, depth: 0) }
        var groups: [ItemGroupKind: [ItemGroup]] = [:]
        for kind in ItemGroupKind.allCases {
            groups[kind] = reader.list(kind.rawValue).compactMap { readGroup($0, kind: kind) }
        }
        guard let id, let version, let effectiveFrom, let sourceDocument, let sourceLanguage,
              let title, let publisher, let summary else { return nil }
        return FrameworkVersion(
            id: id, version: version, effectiveFrom: effectiveFrom, sourceDocument: sourceDocument,
            sourceLanguage: sourceLanguage, title: title, publisher: publisher, summary: summary,
            changeNote: changeNote, level: level, occupations: occupations, certification: certification,
            recertification: recertification, sections: sections, entryRequirements: requirements,
            knowledgeAreas: groups[.knowledgeAreas] ?? [], tasks: groups[.tasks] ?? [],
            competencies: groups[.competencies] ?? [], attitudes: groups[.attitudes] ?? [],
            modules: groups[.modules] ?? [])
    }

    // MARK: Ids

    /// Reads an item's id, checks its form and that no other item of the file has it.
    private mutating func readID(_ reader: inout YAMLMappingReader) -> String? {
        guard let id = reader.string("id") else { return nil }
        checkIDFormat(id, line: reader.line)
        if let earlier = seenIDs[id] {
            let place = earlier.map { " (first at line \($0))" } ?? ""
            issues.add("duplicate id: '\(id)' is used twice\(place)", item: id, line: reader.line)
        } else {
            seenIDs[id] = reader.line
        }
        return id
    }

    /// Lowercase ASCII letters and digits in words joined by single hyphens.
    static func isValidID(_ id: String) -> Bool {
        let words = id.split(separator: "-", omittingEmptySubsequences: false)
        return words.allSatisfy { word in
            !word.isEmpty && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    private func checkIDFormat(_ id: String, line: Int?) {
        if !Self.isValidID(id) {
            issues.add("id must be lowercase words joined by hyphens (like task-4 or ka-1-2)", item: id, line: line)
        }
    }

    // MARK: Parts

    private func readLevel(_ node: Node, key: String, item: String?) -> LevelReference? {
        guard var reader = YAMLMappingReader(node, item: item, issues: issues, what: "'\(key)'") else { return nil }
        let frameworkName = reader.string("framework")
        let level = reader.value("level").flatMap { $0.string }
        reader.finish()
        guard let frameworkName else { return nil }
        guard let framework = QualificationFrameworkID(rawValue: frameworkName) else {
            let known = QualificationFrameworkID.allCases.map(\.rawValue).joined(separator: ", ")
            issues.add("unknown level framework '\(frameworkName)' (known: \(known))", item: item, line: node.line)
            return nil
        }
        guard let level else {
            issues.add("'\(key)' needs a 'level'", item: item, line: node.line)
            return nil
        }
        let reference = LevelReference(framework: framework, level: level)
        guard levels.contains(reference) else {
            issues.add("unknown level '\(reference)'", item: item, line: node.line)
            return nil
        }
        return reference
    }

    private func readCertification(_ node: Node) -> CertificationPolicy? {
        guard var reader = YAMLMappingReader(node, item: "certification", issues: issues, what: "'certification'") else { return nil }
        let years = reader.int("validityYears")
        reader.finish()
        guard let years else { return nil }
        guard years > 0 else {
            issues.add("'validityYears' must be at least 1", item: "certification", line: node.line)
            return nil
        }
        return CertificationPolicy(validityYears: years)
    }

    private mutating func readRecertification(_ node: Node) -> RecertificationPolicy? {
        let item = "recertification"
        guard var reader = YAMLMappingReader(node, item: item, issues: issues, what: "'recertification'") else { return nil }
        let years = reader.int("periodYears", required: false)
        let minimum = reader.number("minimumPoints")
        let perHour = reader.number("pointsPerHour")
        for (name, value) in [("periodYears", years.map(Double.init)), ("minimumPoints", minimum), ("pointsPerHour", perHour)] {
            if let value, value <= 0 { issues.add("'\(name)' must be more than 0", item: item, line: node.line) }
        }
        let categories = reader.list("categories").compactMap { element -> CPDCategory? in
            guard var category = YAMLMappingReader(element, item: "a CPD category", issues: issues, what: "a CPD category") else { return nil }
            let id = readID(&category)
            category = rename(category, to: id)
            let title = category.text("title")
            category.finish()
            guard let id, let title else { return nil }
            return CPDCategory(id: id, title: title)
        }
        if categories.isEmpty { issues.add("'categories' must list at least one category", item: item, line: node.line) }
        let known = Set(categories.map(\.id))
        let caps = reader.list("caps").compactMap { element -> CPDCap? in
            guard var cap = YAMLMappingReader(element, item: item, issues: issues, what: "a cap") else { return nil }
            let names = cap.strings("categories") ?? []
            let maximum = cap.number("maximumPoints")
            cap.finish()
            for name in names where !known.contains(name) {
                issues.add("cap names unknown category '\(name)'", item: item, line: element.line)
            }
            if names.isEmpty { issues.add("a cap needs 'categories'", item: item, line: element.line) }
            guard let maximum, !names.isEmpty else { return nil }
            return CPDCap(categories: names, maximumPoints: maximum)
        }
        reader.finish()
        guard let minimum, let perHour else { return nil }
        return RecertificationPolicy(periodYears: years, minimumPoints: minimum, pointsPerHour: perHour,
                                     categories: categories, caps: caps)
    }

    private mutating func readSection(_ node: Node) -> FrameworkSection? {
        guard var reader = YAMLMappingReader(node, item: "a section", issues: issues, what: "a section") else { return nil }
        let id = readID(&reader)
        reader = rename(reader, to: id)
        let title = reader.text("title")
        let paragraphs = reader.list("paragraphs").compactMap {
            YAMLMappingReader.text($0, key: "paragraph", item: id, issues: issues)
        }
        let items = reader.list("items").compactMap { readTextItem($0, key: "text", owner: id) }
        reader.finish()
        if paragraphs.isEmpty && items.isEmpty {
            issues.add("a section needs at least one paragraph or item", item: id, line: node.line)
        }
        guard let id, let title else { return nil }
        return FrameworkSection(id: id, title: title, paragraphs: paragraphs, items: items)
    }

    private mutating func readTextItem(_ node: Node, key: String, owner: String?) -> TextItem? {
        let placeholder = "an item of \(owner ?? "?")"
        guard var reader = YAMLMappingReader(node, item: placeholder, issues: issues, what: placeholder) else { return nil }
        let id = readID(&reader)
        reader = rename(reader, to: id)
        let textNode = reader.value(key)
        reader.finish()
        guard let textNode else {
            issues.add("empty indicator: missing '\(key)'", item: id ?? placeholder, line: node.line)
            return nil
        }
        guard let text = YAMLMappingReader.text(textNode, key: key, item: id ?? placeholder, issues: issues),
              let id else { return nil }
        if text.missingLanguages.count == Language.allCases.count {
            issues.add("empty indicator: it has no text", item: id, line: node.line)
        }
        return TextItem(id: id, text: text)
    }

    private mutating func readGroup(_ node: Node, kind: ItemGroupKind) -> ItemGroup? {
        let placeholder = "an element of \(kind.rawValue)"
        guard var reader = YAMLMappingReader(node, item: placeholder, issues: issues, what: placeholder) else { return nil }
        let id = readID(&reader)
        reader = rename(reader, to: id)
        let number = reader.int("number", required: false)
        let title = reader.text("title")
        let description = reader.text("description", required: false)
        let indicators = reader.list("indicators").compactMap { readTextItem($0, key: "text", owner: id) }
        reader.finish()
        guard let id, let title else { return nil }
        return ItemGroup(id: id, number: number, title: title, description: description, indicators: indicators)
    }

    private mutating func readRequirement(_ node: Node, depth: Int) -> RequirementNode? {
        let placeholder = "a requirement"
        guard var reader = YAMLMappingReader(node, item: placeholder, issues: issues, what: placeholder) else { return nil }
        let id = readID(&reader)
        reader = rename(reader, to: id)
        let title = reader.text("title")
        if depth >= Self.maximumRequirementDepth {
            issues.add("requirements nest at most \(Self.maximumRequirementDepth) levels deep", item: id ?? placeholder, line: node.line)
        }
        let forms = ["allOf", "anyOf", "condition"].filter { reader.has($0) }
        var rule: RequirementNode.Rule?
        if forms.count != 1 {
            issues.add("a requirement needs exactly one of allOf, anyOf or condition (found \(forms.isEmpty ? "none" : forms.joined(separator: ", ")))",
                       item: id ?? placeholder, line: node.line)
        } else if forms[0] == "condition" {
            rule = reader.value("condition").flatMap { readCondition($0, item: id) }.map { .condition($0) }
        } else {
            let children = reader.list(forms[0]).compactMap { readRequirement($0, depth: depth + 1) }
            if children.isEmpty {
                issues.add("'\(forms[0])' needs at least one requirement", item: id ?? placeholder, line: node.line)
            }
            rule = forms[0] == "allOf" ? .allOf(children) : .anyOf(children)
        }
        reader.finish()
        guard let id, let title, let rule else { return nil }
        return RequirementNode(id: id, title: title, rule: rule)
    }

    private func readCondition(_ node: Node, item: String?) -> RequirementCondition? {
        guard var reader = YAMLMappingReader(node, item: item, issues: issues, what: "'condition'") else { return nil }
        guard let type = reader.string("type") else { return nil }
        guard let allowed = RequirementCondition.parameterNames[type] else {
            let known = RequirementCondition.parameterNames.keys.sorted().joined(separator: ", ")
            issues.add("unknown condition type '\(type)' (known: \(known))", item: item, line: node.line)
            return nil
        }
        for key in node.mapping?.keys.compactMap(\.string) ?? [] where key != "type" && !allowed.contains(key) {
            issues.add("condition '\(type)' has no parameter '\(key)' (it takes: \(allowed.sorted().joined(separator: ", ")))",
                       item: item, line: node.line)
        }
        let condition: RequirementCondition?
        switch type {
        case "qualification":
            let level = reader.value("minimumLevel").flatMap { readLevel($0, key: "minimumLevel", item: item) }
            if !reader.has("minimumLevel") { issues.add("missing 'minimumLevel'", item: item, line: node.line) }
            let kinds = (reader.strings("shownBy") ?? []).compactMap { name -> EducationEvidenceKind? in
                guard let kind = EducationEvidenceKind(rawValue: name) else {
                    issues.add("unknown evidence '\(name)' in shownBy (known: degree, evc, assessment)", item: item, line: node.line)
                    return nil
                }
                return kind
            }
            if kinds.isEmpty { issues.add("'shownBy' must list at least one of degree, evc, assessment", item: item, line: node.line) }
            condition = level.map { .qualification(minimumLevel: $0, shownBy: kinds) }
        case "jobcoachDiploma":
            let providers = reader.strings("providers")
            let from = reader.date("completedOnOrAfter", required: false)
            let before = reader.date("completedBefore", required: false)
            if let from, let before, from >= before {
                issues.add("'completedOnOrAfter' (\(from)) must be before 'completedBefore' (\(before))", item: item, line: node.line)
            }
            if providers?.isEmpty == true {
                issues.add("'providers' is empty: leave it out to accept any provider", item: item, line: node.line)
            }
            condition = .jobcoachDiploma(providers: providers, completedOnOrAfter: from, completedBefore: before)
        case "recognisedDiploma":
            let providers = reader.strings("providers")
            if providers?.isEmpty == true {
                issues.add("'providers' is empty: leave it out to accept any recognised provider", item: item, line: node.line)
            }
            condition = .recognisedDiploma(providers: providers)
        case "courseHours":
            let hours = reader.number("minimumHours")
            let ects = reader.number("minimumEcts", required: false)
            let perEcts = reader.number("hoursPerEcts", required: false)
            let fields = reader.list("fields").compactMap { YAMLMappingReader.text($0, key: "fields", item: item, issues: issues) }
            for (name, value) in [("minimumHours", hours), ("minimumEcts", ects), ("hoursPerEcts", perEcts)] {
                if let value, value <= 0 { issues.add("'\(name)' must be more than 0", item: item, line: node.line) }
            }
            condition = hours.map { .courseHours(minimumHours: $0, minimumEcts: ects, hoursPerEcts: perEcts, fields: fields) }
        case "experienceYears":
            let years = reader.int("minimumYears")
            if let years, years <= 0 { issues.add("'minimumYears' must be at least 1", item: item, line: node.line) }
            condition = years.map { .experienceYears(minimumYears: $0) }
        case "experienceHours":
            let hours = reader.int("minimumHours")
            if let hours, hours <= 0 { issues.add("'minimumHours' must be at least 1", item: item, line: node.line) }
            condition = hours.map { .experienceHours(minimumHours: $0) }
        default:
            condition = .practising
        }
        // Unknown parameters were reported above with the list of what the type takes.
        return condition
    }

    /// The same reader, reporting under the item's id once it is known.
    private func rename(_ reader: YAMLMappingReader, to id: String?) -> YAMLMappingReader {
        guard let id else { return reader }
        return reader.renamed(id)
    }
}
