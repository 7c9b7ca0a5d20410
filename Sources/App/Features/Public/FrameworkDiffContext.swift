import JobcoachCore
import Vapor

/// What changed between two versions of one framework.
struct FrameworkDiffContext: Encodable {
    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Entry: Encodable {
        var id: String
        var kind: String
        var label: String
        var changes: [Change]
    }

    struct Change: Encodable {
        var field: String
        var before: String
        var after: String
    }

    var layout: Layout
    var frameworkTitle: String
    var frameworkURL: String
    var formURL: String
    var fromOptions: [Option]
    var toOptions: [Option]
    var hasResult: Bool
    var from: String
    var to: String
    var added: [Entry]
    var removed: [Entry]
    var changed: [Entry]
    var isEmpty: Bool
    var apiURL: String

    init(request: Request, framework id: String, diff: FrameworkDiff?, from: String, to: String) {
        let language = request.language
        let versions = request.standard.frameworks.versions(of: id)
        let title = versions.last?.title[language] ?? id
        layout = Layout(request: request, title: "\(request.t("diffTitle")): \(title)", current: .frameworks)
        frameworkTitle = title
        frameworkURL = SiteURL.framework(.value(id)).path
        formURL = SiteURL.frameworkDiff(.value(id)).path
        let label = { (version: FrameworkVersion) in "\(version.version) (\(version.effectiveFrom.text(in: language)))" }
        fromOptions = versions.map { Option(value: $0.version, label: label($0), selected: $0.version == from) }
        toOptions = versions.map { Option(value: $0.version, label: label($0), selected: $0.version == to) }
        hasResult = diff != nil
        self.from = from
        self.to = to
        let kindName = { (kind: String) in Self.kindName(kind, request) }
        added = diff?.added.map { Entry(id: $0.id, kind: kindName($0.kind), label: $0.label[language], changes: []) } ?? []
        removed = diff?.removed.map { Entry(id: $0.id, kind: kindName($0.kind), label: $0.label[language], changes: []) } ?? []
        changed = diff?.changed.map { item in
            Entry(id: item.id, kind: kindName(item.kind), label: item.label[language],
                  changes: item.changes.map { Change(field: $0.field, before: $0.before ?? "—", after: $0.after ?? "—") })
        } ?? []
        isEmpty = diff?.isEmpty ?? false
        apiURL = SiteURL.api(.frameworkDiff(.value(id))).path(query: [("from", from), ("to", to)])
    }

    /// The name of a `FrameworkDiffItem.kind`; an unknown kind shows as it is.
    static func kindName(_ kind: String, _ request: Request) -> String {
        switch kind {
        case "framework": request.t("diffKind.framework")
        case "section": request.t("diffKind.section")
        case "section-item": request.t("diffKind.section-item")
        case "requirement": request.t("diffKind.requirement")
        case "knowledge-area": request.t("diffKind.knowledge-area")
        case "task": request.t("diffKind.task")
        case "competency": request.t("diffKind.competency")
        case "attitude": request.t("diffKind.attitude")
        case "module": request.t("diffKind.module")
        case "indicator": request.t("diffKind.indicator")
        default: kind
        }
    }
}
