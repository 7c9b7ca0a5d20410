import Vapor

/// The administrator's list of agencies and the form to add one.
struct OrganisationsContext: Encodable {
    struct Row: Encodable {
        var name: String
        var url: String
        var framework: String
        var teams: Int
        var members: Int
    }

    var layout: Layout
    var rows: [Row]
    var form: FormView
    var errors: [FieldError]
    var hasErrors: Bool
}
