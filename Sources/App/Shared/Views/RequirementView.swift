import JobcoachCore

/// A requirement node in one language, with its children, for the framework page. The template
/// nests up to four levels (the parser refuses deeper trees).
struct RequirementView: Encodable {
    var id: String
    var title: String
    /// `all`, `any` or `condition`.
    var mode: String
    /// "All of:" / "One of:" for groups; the condition in words for a leaf.
    var explanation: String
    var children: [RequirementView]

    init(_ node: RequirementNode, framework: String, language: Language, describer: RequirementDescriber, strings: UIStrings) {
        id = node.id
        title = node.title[language]
        children = node.children.map { RequirementView($0, framework: framework, language: language, describer: describer, strings: strings) }
        switch node.rule {
        case .allOf:
            mode = "all"
            explanation = strings.text("requirementAllOf", language)
        case .anyOf:
            mode = "any"
            explanation = strings.text("requirementAnyOf", language)
        case .condition(let condition):
            mode = "condition"
            explanation = describer.describe(condition, framework: framework)[language]
        }
    }
}
