import Vapor

/// The agency's commissioners and the form to add one.
struct CommissionersContext: Encodable {
    struct Row: Encodable {
        var name: String
        var kind: String
        var contact: String
    }

    var layout: Layout
    var rows: [Row]
    var form: FormView
    var errors: [FieldError]
    var hasErrors: Bool
}
