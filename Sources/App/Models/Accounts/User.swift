import Fluent
import Foundation
import JobcoachCore

/// A person who logs in. The password is stored only as a bcrypt hash.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var roleName: String
    /// Set for a generated password (first admin, new accounts, resets): it must be replaced at the
    /// next login before anything else can be done.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "is_active") var isActive: Bool
    @OptionalField(key: "last_login_at") var lastLoginAt: Date?
    /// The language mail and feeds are written in: the one the user last chose on a page.
    @Field(key: "language") var languageCode: String
    /// How clients can call this person; may be empty.
    @Field(key: "phone") var phone: String
    /// The TOTP secret in base 32, once two-factor login is confirmed; nil when it is off.
    @OptionalField(key: "totp_secret") var totpSecret: String?
    @OptionalField(key: "totp_enabled_at") var totpEnabledAt: Date?
    /// The time step of the last code accepted: a code works once.
    @OptionalField(key: "totp_last_step") var totpLastStep: Int64?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {
        languageCode = Language.nl.rawValue
        phone = ""
    }

    init(id: UUID? = nil, email: String, displayName: String, passwordHash: String, role: Role,
         mustChangePassword: Bool, isActive: Bool = true) {
        self.id = id
        self.email = User.normalize(email: email)
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.roleName = role.rawValue
        self.mustChangePassword = mustChangePassword
        self.isActive = isActive
        self.languageCode = Language.nl.rawValue
        self.phone = ""
    }

    var role: Role {
        get { Role(rawValue: roleName) ?? .client }
        set { roleName = newValue.rawValue }
    }

    /// E-mail addresses are compared without case and surrounding spaces.
    static func normalize(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// The audit trail names users by id: ids never change, e-mail addresses can.
    var language: Language { Language(rawValue: languageCode) ?? .nl }

    var auditName: String { "user:\(id?.uuidString ?? "new")" }
}
