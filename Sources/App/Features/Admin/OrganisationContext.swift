import Vapor

/// One agency for the administrator: its teams and who works in it.
struct OrganisationContext: Encodable {
    struct Member: Encodable {
        var name: String
        var email: String
        var role: String
        var team: String
        var removeURL: String
        var userID: String
    }

    var layout: Layout
    var name: String
    var framework: String
    var listURL: String
    var csrfToken: String
    var teams: [String]
    var teamForm: FormView
    var members: [Member]
    var form: FormView
    var isAgency: Bool
    var requireTwoFactor: Bool
    var twoFactorURL: String
    var notice: String?
    var errors: [FieldError]
    var hasErrors: Bool
}
