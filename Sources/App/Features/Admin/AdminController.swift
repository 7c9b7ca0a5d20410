import Fluent
import JobcoachCore
import Vapor

/// Account administration and the audit trail. Behind `manageUsers` / `viewAuditTrail`.
enum AdminController {
    struct NewUserForm: Content {
        var email: String?
        var name: String?
        var role: String?
    }

    static func users(_ request: Request) async throws -> Response {
        let users = try await User.query(on: request.db).sort(\.$displayName).all()
        return try await request.page(.adminUsers, AdminUsersContext(request: request, users: users))
    }

    static func createUser(_ request: Request) async throws -> Response {
        let admin = try request.auth.require(User.self)
        let form = try request.content.decode(NewUserForm.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [FieldError] = []
        let role = Role(rawValue: form.role ?? "")
        if role == nil { errors.append(FieldError(field: "role", message: request.t("userRoleMissing"))) }
        if !AccountService.isPlausibleEmail(User.normalize(email: email)) {
            errors.append(FieldError(field: "email", message: request.t("userEmailInvalid")))
        }
        if name.isEmpty { errors.append(FieldError(field: "name", message: request.t("userNameMissing"))) }
        var created: AdminUsersContext.Created?
        if errors.isEmpty, let role {
            do {
                let (user, link) = try await request.application.accounts.invite(
                    email: email, name: name, role: role, language: request.language, actor: admin.auditName, on: request.db)
                created = .init(name: user.displayName, email: user.email,
                                link: request.application.configuration.smtp == nil ? link : nil)
            } catch AccountService.Problem.emailTaken {
                errors.append(FieldError(field: "email", message: request.t("userEmailTaken")))
            }
        }
        let users = try await User.query(on: request.db).sort(\.$displayName).all()
        if created != nil {
            return try await request.page(.adminUsers, AdminUsersContext(request: request, users: users, created: created))
        }
        return try await request.page(.adminUsers, AdminUsersContext(request: request, users: users, email: email, name: name,
                                                                       role: role ?? .jobCoach, errors: errors),
                                      status: .badRequest)
    }

    static func user(_ request: Request) async throws -> Response {
        try await request.page(.adminUser, AdminUserContext(request: request, user: try request.scope(AccountScope.self)))
    }

    struct EditUserForm: Content {
        var name: String?
        var phone: String?
        var role: String?
        var active: String?
    }

    static func updateUser(_ request: Request) async throws -> Response {
        let admin = try request.auth.require(User.self)
        let user = try request.scope(AccountScope.self)
        let form = try request.content.decode(EditUserForm.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        let role = Role(rawValue: form.role ?? "")
        let active = form.active == "on"
        let phoneText = (form.phone ?? "").trimmingCharacters(in: .whitespaces)
        let phone = PhoneNumber(phoneText)
        var errors: [FieldError] = []
        if name.isEmpty { errors.append(FieldError(field: "name", message: request.t("userNameMissing"))) }
        if !phoneText.isEmpty, phone == nil { errors.append(FieldError(field: "phone", message: request.t("userPhoneInvalid"))) }
        if role == nil { errors.append(FieldError(field: "role", message: request.t("userRoleMissing"))) }
        // An administrator cannot lock themselves out.
        if admin.id == user.id, role != .admin || !active {
            errors.append(FieldError(field: role != .admin ? "role" : "active", message: request.t("userCannotDemoteSelf")))
        }
        guard errors.isEmpty, let role else {
            return try await request.page(.adminUser, AdminUserContext(request: request, user: user, name: name, phone: phoneText, role: role,
                                                                         isActive: active, errors: errors), status: .badRequest)
        }
        try await save(user, name: name, phone: phone?.text ?? "", role: role, active: active, by: admin, request)
        return try await request.page(.adminUser, AdminUserContext(request: request, user: user, saved: true))
    }

    static func resetPassword(_ request: Request) async throws -> Response {
        let admin = try request.auth.require(User.self)
        let user = try request.scope(AccountScope.self)
        let oneTime = SecureToken.readablePassword()
        let hash = try await request.application.accounts.hash(oneTime)
        let userID = try user.requireID()
        try await request.change { db in
            user.passwordHash = hash
            user.mustChangePassword = true
            try await user.update(on: db)
            try await StoredSession.query(on: db).filter(\.$userID == userID).delete()
            try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: admin.auditName, action: "user.password-reset",
                                                              subject: user.auditName)
        }
        return try await request.page(.adminUser, AdminUserContext(request: request, user: user, oneTimePassword: oneTime))
    }

    static let auditPageSize = 50

    static func audit(_ request: Request) async throws -> Response {
        var before: Int64?
        if let beforeText = try? request.query.get(String.self, at: "before") {
            guard let value = Int64(beforeText) else { throw Abort(.badRequest, reason: request.t("auditBadBefore")) }
            before = value
        }
        let chainText = (try? request.query.get(String.self, at: "chain")) ?? ""
        let chain = chainText.isEmpty ? nil : AuditChainID(chainText)
        if !chainText.isEmpty, chain == nil { throw Abort(.badRequest, reason: request.t("auditBadChain")) }
        let entries = try await AuditListing.page(on: request.db, chain: chain, before: before, limit: auditPageSize)
        let chains = try await AuditVerification.knownChains(on: request.db)
        let verification = (try? request.query.get(String.self, at: "verify")) == "1"
            ? try await AuditVerification.verify(chain, on: request.db, now: request.clock.now(), issuer: try await request.application.credentials.issuer())
            : nil
        let older = entries.count == auditPageSize ? entries.last?.position : nil
        return try await request.page(.adminAudit, AdminAuditContext(request: request, entries: entries, chains: chains, chain: chain,
                                                                       olderThan: older, verification: verification))
    }

    /// Saves the account and records each change (role, active, name, phone) in the audit trail; a
    /// deactivated account's sessions end.
    private static func save(_ user: User, name: String, phone: String, role: Role, active: Bool, by admin: User, _ request: Request) async throws {
        let userID = try user.requireID()
        let before = (name: user.displayName, phone: user.phone, role: user.role, active: user.isActive)
        try await request.change { db in
            let audit = AuditTrail(clock: request.clock)
            user.displayName = name
            user.phone = phone
            user.role = role
            user.isActive = active
            try await user.update(on: db)
            if before.role != role {
                try await audit.record(on: db, chain: .administration, actor: admin.auditName, action: "user.role-changed", subject: user.auditName,
                                       details: ["from": before.role.rawValue, "to": role.rawValue])
            }
            if before.active != active {
                try await audit.record(on: db, chain: .administration, actor: admin.auditName, action: active ? "user.reactivated" : "user.deactivated",
                                       subject: user.auditName)
                if !active { try await StoredSession.query(on: db).filter(\.$userID == userID).delete() }
            }
            if before.name != name {
                try await audit.record(on: db, chain: .administration, actor: admin.auditName, action: "user.renamed", subject: user.auditName)
            }
            if before.phone != phone {
                try await audit.record(on: db, chain: .administration, actor: admin.auditName, action: "user.phone-changed", subject: user.auditName)
            }
        }
    }
}
