import Fluent
import JobcoachCore
import Vapor

/// Creating and changing accounts, for the admin pages, the command line and start-up alike. Every
/// change is one transaction with its audit entry.
struct AccountService: Sendable {
    let application: Application

    enum Problem: Error, Equatable, CustomStringConvertible {
        case invalidEmail
        case emailTaken
        case nameMissing
        case weakPassword(String)

        /// English, for the command line (pages use the translated strings).
        var description: String {
            switch self {
            case .invalidEmail: "the e-mail address is not valid"
            case .emailTaken: "an account with this e-mail address already exists"
            case .nameMissing: "a name is required"
            case .weakPassword(let key):
                switch key {
                case "passwordTooShort": "the password must have at least \(PasswordPolicy.minimumLength) characters"
                case "passwordTooLong": "the password must be at most \(PasswordPolicy.maximumBytes) bytes"
                case "passwordIsEmail": "the password must not be the e-mail address"
                default: "the password is too simple"
                }
            }
        }
    }

    private var audit: AuditTrail { AuditTrail(clock: application.clock) }

    func hash(_ password: String) async throws -> String {
        try await application.password.async(on: application.threadPool, hopTo: application.eventLoopGroup.next())
            .hash(password)
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await application.password.async(on: application.threadPool, hopTo: application.eventLoopGroup.next())
            .verify(password, created: hash)
    }

    static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), email.count <= 254 else { return false }
        return !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
    }

    /// Creates an account. Without a password a one-time password is made, which must be changed at
    /// the first login; it is returned so the caller can show it once.
    func create(email rawEmail: String, name: String, role: Role, password: String?, actor: String,
                on database: any Database) async throws -> (User, oneTimePassword: String?) {
        let (email, displayName) = try Self.checked(email: rawEmail, name: name)
        if let password, let problem = PasswordPolicy.problemKey(password, email: email) { throw Problem.weakPassword(problem) }
        let oneTime = password == nil ? SecureToken.readablePassword() : nil
        let passwordHash = try await hash(password ?? oneTime!)
        let user = try await application.changes.perform(on: database) { db in
            if try await User.query(on: db).filter(\.$email == email).first() != nil { throw Problem.emailTaken }
            let user = User(email: email, displayName: displayName, passwordHash: passwordHash, role: role,
                            mustChangePassword: oneTime != nil)
            try await user.create(on: db)
            try await audit.record(on: db, chain: .administration, actor: actor, action: "user.created", subject: user.auditName,
                                   details: ["role": role.rawValue, "email": email])
            return user
        }
        return (user, oneTime)
    }

    /// Creates an account and mails an invitation (a link valid 72 hours) in `language`, in one
    /// transaction; the person chooses their own password. Returns the link, for the page to show
    /// when no mail server is set up.
    func invite(email rawEmail: String, name: String, role: Role, language: Language, actor: String,
                on database: any Database) async throws -> (User, link: String) {
        let (email, displayName) = try Self.checked(email: rawEmail, name: name)
        // Nobody knows this password: the account opens only through the link.
        let passwordHash = try await hash(SecureToken.random())
        let app = application
        return try await application.changes.perform(on: database) { db in
            if try await User.query(on: db).filter(\.$email == email).first() != nil { throw Problem.emailTaken }
            let user = User(email: email, displayName: displayName, passwordHash: passwordHash, role: role, mustChangePassword: false)
            user.languageCode = language.rawValue
            try await user.create(on: db)
            try await audit.record(on: db, chain: .administration, actor: actor, action: "user.created", subject: user.auditName,
                                   details: ["role": role.rawValue, "email": email])
            let link = try await AccountLinks.invite(user, on: db, app: app)
            try await audit.record(on: db, chain: .administration, actor: actor, action: "user.invited", subject: user.auditName)
            return (user, link)
        }
    }

    /// The address as stored and the name without surrounding spaces, or the problem with them.
    private static func checked(email rawEmail: String, name: String) throws -> (email: String, name: String) {
        let email = User.normalize(email: rawEmail)
        guard isPlausibleEmail(email) else { throw Problem.invalidEmail }
        let displayName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !displayName.isEmpty else { throw Problem.nameMissing }
        return (email, displayName)
    }

    /// Issues an API token for a user; only its hash is kept.
    func createToken(for user: User, name: String, actor: String, on database: any Database) async throws -> String {
        let token = "jc_" + SecureToken.random()
        let userID = try user.requireID()
        try await application.changes.perform(on: database) { db in
            try await APIToken(userID: userID, name: name, tokenHash: SecureToken.sha256(token), expiresAt: nil).create(on: db)
            try await audit.record(on: db, chain: .administration, actor: actor, action: "token.created", subject: "user:\(userID.uuidString)",
                                   details: ["name": name])
        }
        return token
    }
}

extension Application {
    var accounts: AccountService { AccountService(application: self) }
}
