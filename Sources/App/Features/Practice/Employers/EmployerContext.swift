import Vapor

/// One employer: the profile from the interview, the contacts, the workplaces.
struct EmployerContext: Encodable {
    struct Contact: Encodable {
        var name: String
        var role: String
        var email: String
        var phone: String
    }

    struct WorkplaceRow: Encodable {
        var title: String
        var url: String
        var occupation: String
        var hours: String
        var status: String
    }

    var layout: Layout
    var name: String
    var employersURL: String
    var form: FormView
    var contacts: [Contact]
    var contactForm: FormView
    var workplaces: [WorkplaceRow]
    var newWorkplaceURL: String
    var errors: [FieldError]
    var hasErrors: Bool
}
