import Vapor

struct ChangePasswordContext: Encodable {
    var layout: Layout
    var formURL: String
    var csrfToken: String
    var mustChange: Bool
    var minimumLength: Int
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]
    var done: Bool

    init(request: Request, errors: [FieldError] = [], done: Bool = false) {
        layout = Layout(request: request, title: request.t("passwordTitle"))
        formURL = SiteURL.changePassword.path
        csrfToken = request.csrfToken
        mustChange = request.auth.get(User.self)?.mustChangePassword ?? false
        minimumLength = PasswordPolicy.minimumLength
        self.errors = errors
        hasErrors = !errors.isEmpty
        fieldErrors = errors.byField
        self.done = done
    }
}
