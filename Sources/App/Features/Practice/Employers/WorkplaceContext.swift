import Vapor

/// The job analysis and workplace profile of one workplace (new or existing).
struct WorkplaceContext: Encodable {
    var layout: Layout
    var heading: String
    var lead: String
    var employerName: String
    var employerURL: String
    var form: FormView
    var errors: [FieldError]
    var hasErrors: Bool
}
