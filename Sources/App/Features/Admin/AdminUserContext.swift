import JobcoachCore
import Vapor

/// One account: change name, role and whether it is active; reset its password.
struct AdminUserContext: Encodable {
    var layout: Layout
    var formURL: String
    var resetURL: String
    var backURL: String
    var csrfToken: String
    var email: String
    var name: String
    var phone: String
    var isActive: Bool
    var isSelf: Bool
    var roles: [AdminUsersContext.RoleOption]
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]
    var saved: Bool
    var oneTimePassword: String?

    init(request: Request, user: User, name: String? = nil, phone: String? = nil, role: Role? = nil, isActive: Bool? = nil,
         errors: [FieldError] = [], saved: Bool = false, oneTimePassword: String? = nil) {
        let language = request.language
        layout = Layout(request: request, title: user.displayName, current: .adminUsers)
        formURL = SiteURL.adminUser(.value(user.id!)).path
        resetURL = SiteURL.adminUserResetPassword(.value(user.id!)).path
        backURL = SiteURL.adminUsers.path
        csrfToken = request.csrfToken
        email = user.email
        self.name = name ?? user.displayName
        self.phone = phone ?? user.phone
        self.isActive = isActive ?? user.isActive
        isSelf = request.auth.get(User.self)?.id == user.id
        let chosen = role ?? user.role
        roles = Role.allCases.map { AdminUsersContext.RoleOption(value: $0.rawValue, label: $0.title[language], selected: $0 == chosen) }
        self.errors = errors
        hasErrors = !errors.isEmpty
        fieldErrors = errors.byField
        self.saved = saved
        self.oneTimePassword = oneTimePassword
    }
}
