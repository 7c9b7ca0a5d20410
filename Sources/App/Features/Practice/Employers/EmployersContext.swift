import Vapor

/// The agency's employers: a searchable list and the form to add one.
struct EmployersContext: Encodable {
    struct Row: Encodable {
        var name: String
        var url: String
        var sector: String
        var place: String
    }

    var layout: Layout
    var query: String
    var searchURL: String
    var importURL = SiteURL.imports.path
    var rows: [Row]
    var total: String
    var previousURL: String?
    var nextURL: String?
    var form: FormView
    var errors: [FieldError]
    var hasErrors: Bool
}
