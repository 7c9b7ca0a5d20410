import JobcoachCore
import Vapor

/// Frameworks side by side: pick two or more, see what each asks and where they differ.
struct CompareContext: Encodable {
    struct Choice: Encodable {
        var id: String
        var value: String
        var label: String
        var checked: Bool
    }

    struct Column: Encodable {
        var title: String
        var version: String
        var url: String
    }

    struct Row: Encodable {
        var label: String
        var cells: [[String]]
        var differs: Bool
    }

    var layout: Layout
    var formURL: String
    var choices: [Choice]
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]
    var columns: [Column]
    var rows: [Row]
    var hasResult: Bool

    init(request: Request, selected: [FrameworkVersion], comparison: FrameworkComparison?, errors: [FieldError]) {
        let language = request.language
        layout = Layout(request: request, title: request.t("compareTitle"), current: .compare)
        formURL = SiteURL.compare.path
        let selectedIDs = Set(selected.map(\.id))
        choices = request.standard.frameworks.inForce(on: request.today).map { version in
            Choice(id: "framework-\(version.id)", value: version.id, label: version.title[language],
                   checked: selectedIDs.contains(version.id))
        }
        self.errors = errors
        hasErrors = !errors.isEmpty
        fieldErrors = errors.byField
        columns = selected.map {
            Column(title: $0.title[language], version: $0.version,
                   url: SiteURL.frameworkVersion(.value($0.id), .value($0.version)).path)
        }
        rows = comparison?.rows.map { row in
            Row(label: row.label[language], cells: row.cells.map { $0.map { $0[language] } }, differs: row.differs)
        } ?? []
        hasResult = comparison != nil
    }
}
