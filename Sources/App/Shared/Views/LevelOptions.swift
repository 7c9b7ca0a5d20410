import JobcoachCore

/// The qualification levels as grouped choices for a select (`NLQF:6`), one group per framework.
struct LevelOptionGroup: Encodable {
    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    var label: String
    var options: [Option]

    static func all(_ levels: QualificationLevelCatalog, language: Language, selected: String) -> [LevelOptionGroup] {
        let describer = RequirementDescriber(levels: levels, recognitions: [])
        return levels.frameworks.map { framework in
            LevelOptionGroup(label: framework.title[language], options: framework.levels.map { entry in
                let value = "\(framework.id.rawValue):\(entry.code)"
                let examples = entry.examples.map { " – \($0[language])" } ?? ""
                return Option(value: value, label: describer.levelText(entry.reference)[language] + examples, selected: value == selected)
            })
        }
    }

    /// Reads a choice back: `NLQF:6` to a known level, or nil.
    static func reference(_ value: String, in levels: QualificationLevelCatalog) -> LevelReference? {
        let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let framework = QualificationFrameworkID(rawValue: parts[0]) else { return nil }
        let reference = LevelReference(framework: framework, level: parts[1])
        return levels.contains(reference) ? reference : nil
    }
}
