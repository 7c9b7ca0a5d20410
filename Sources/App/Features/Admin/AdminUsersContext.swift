import JobcoachCore
import Vapor

/// The account list and the form to add an account.
struct AdminUsersContext: Encodable {
    struct Row: Encodable {
        var name: String
        var email: String
        var role: String
        var status: String
        var lastLogin: String
        var url: String
    }

    struct RoleOption: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    var layout: Layout
    var users: [Row]
    var formURL: String
    var csrfToken: String
    var roles: [RoleOption]
    var email: String
    var name: String
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]
    var created: Created?

    /// Shown once after an account is made: the one-time password to hand over.
    struct Created: Encodable {
        var name: String
        var email: String
        /// Shown only when no mail server is set up: the invitation then waits in the outbox.
        var link: String?
    }

    init(request: Request, users: [User], email: String = "", name: String = "", role: Role = .jobCoach,
         errors: [FieldError] = [], created: Created? = nil) {
        let language = request.language
        layout = Layout(request: request, title: request.t("usersTitle"), current: .adminUsers)
        self.users = users.map { user in
            Row(name: user.displayName, email: user.email, role: user.role.title[language],
                status: request.t(user.isActive ? (user.mustChangePassword ? "userStatusMustChange" : "userStatusActive") : "userStatusInactive"),
                lastLogin: user.lastLoginAt.map { AdminUsersContext.format($0, request) } ?? request.t("userNeverLoggedIn"),
                url: SiteURL.adminUser(.value(user.id!)).path)
        }
        formURL = SiteURL.adminUsers.path
        csrfToken = request.csrfToken
        roles = Role.allCases.map { RoleOption(value: $0.rawValue, label: $0.title[language], selected: $0 == role) }
        self.email = email
        self.name = name
        self.errors = errors
        hasErrors = !errors.isEmpty
        fieldErrors = errors.byField
        self.created = created
    }

    static func format(_ date: Date, _ request: Request) -> String {
        let day = CalendarDate(date, in: request.application.configuration.timeZone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = request.application.configuration.timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return "\(day.text(in: request.language)) \(String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0))"
    }
}
