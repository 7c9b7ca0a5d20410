import Vapor

struct LoginContext: Encodable {
    var layout: Layout
    var formURL: String
    var resetURL = SiteURL.passwordReset.path
    var csrfToken: String
    var email: String
    var next: String
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]

    init(request: Request, email: String = "", next: String = "", errors: [FieldError] = []) {
        layout = Layout(request: request, title: request.t("loginTitle"))
        formURL = SiteURL.login.path
        csrfToken = request.csrfToken
        self.email = email
        self.next = next
        self.errors = errors
        hasErrors = !errors.isEmpty
        fieldErrors = errors.byField
    }
}
