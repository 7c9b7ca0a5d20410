import Crypto
import Fluent
import JobcoachCore
import Vapor

/// Demo accounts, one per role, for trying the product (`serve --demo`). Their password is set anew
/// at every demo start (random, or `JOBCOACH_DEMO_PASSWORD`) and printed with the logins.
struct DemoData {
    let application: Application

    static func email(for role: Role) -> String { "\(role.rawValue)@demo.jobcoach.test" }

    static let names: [Role: String] = [
        .admin: "Anna Admin", .registerOfficer: "Rob Register", .assessor: "Aisha Assessor",
        .teamLead: "Tom Teamlead", .agencyManager: "Mira Manager", .jobCoach: "Jamila Jobcoach", .trainer: "Tess Trainer", .client: "Chris Client",
    ]

    func load() async throws {
        let password = application.configuration.demoPassword ?? SecureToken.readablePassword()
        let accounts = application.accounts
        let hash = try await accounts.hash(password)
        for role in Role.allCases {
            let email = Self.email(for: role)
            if let existing = try await User.query(on: application.db).filter(\.$email == email).first() {
                try await application.changes.perform(on: application.db) { db in
                    existing.passwordHash = hash
                    existing.mustChangePassword = false
                    existing.isActive = true
                    existing.role = role
                    try await existing.update(on: db)
                    try await AuditTrail(clock: application.clock).record(on: db, chain: .administration, actor: "system", action: "demo.password-set",
                                                                          subject: existing.auditName)
                }
            } else {
                _ = try await accounts.create(email: email, name: Self.names[role] ?? role.rawValue, role: role,
                                              password: password, actor: "system", on: application.db)
            }
        }
        try await DemoRegisterStates(application: application).load(password: hash)
        try await DemoPractice(application: application).load(password: hash)
        try await DemoTraining(application: application).load(password: hash)
        // Every demo account (also the extra assessor and applicants) gets this start's password.
        try await User.query(on: application.db).filter(\.$email ~~ "@demo.jobcoach.test").set(\.$passwordHash, to: hash).update()
        // Administrators and register officers must log in in two steps: their demo accounts come with
        // a key made from the address and this start's password, so scripts can make the codes too.
        var keys: [String] = []
        for role in Role.allCases where TwoFactorPolicy.isRequired(for: role, agencyRequires: false) {
            let email = Self.email(for: role), key = Self.twoFactorKey(email: email, password: password)
            try await User.query(on: application.db).filter(\.$email == email).set(\.$totpSecret, to: key)
                .set(\.$totpEnabledAt, to: application.clock.now()).update()
            keys.append("  \(role.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)) \(key)")
        }
        let lines = Role.allCases.map { role in
            "  \(role.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)) \(Self.email(for: role))"
        }.joined(separator: "\n")
        application.console.print("""

            Demo data loaded. Log in at /login on the address the server prints below
            (by default http://127.0.0.1:8080/login) as:
            \(lines)
              (and \(DemoRegisterStates.secondAssessorEmail), a second assessor;
               \(DemoPractice.secondCoachEmail) and \(DemoPractice.otherTeamCoachEmail), two more job coaches;
               \(DemoTraining.newTraineeEmail), \(DemoTraining.eligibleTraineeEmail) and \(DemoTraining.graduateEmail), trainees)
              password for all:  \(password)
            then a code from an authenticator app with this key (base 32, SHA-1, 6 digits, 30 s) for:
            \(keys.joined(separator: "\n"))

            """)
    }

    /// The demo key of an account that logs in in two steps: the first 20 bytes of
    /// SHA-256("jobcoach demo two-factor|EMAIL|PASSWORD"), in base 32.
    static func twoFactorKey(email: String, password: String) -> String {
        Base32.encode(Array(SHA256.hash(data: Data("jobcoach demo two-factor|\(email)|\(password)".utf8)).prefix(20)))
    }
}
