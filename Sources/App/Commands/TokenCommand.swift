import Fluent
import JobcoachCore
import Vapor

/// `jobcoach token create --email E [--name N]`: prints a new API token for the account. Only its hash
/// is stored; the printed token is the only copy.
struct TokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create")
        var action: String
        @Option(name: "email", help: "The account the token acts for.")
        var email: String?
        @Option(name: "name", help: "What the token is for (default: cli).")
        var name: String?
    }

    var help: String { "Create an API token: token create --email E [--name N]" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create", let email = signature.email, !email.isEmpty else {
            context.fail("Usage: jobcoach token create --email E [--name N]", code: 2)
            return
        }
        let app = context.application
        guard let user = try await User.query(on: app.db).filter(\.$email == User.normalize(email: email)).first() else {
            context.fail("--email: no account with e-mail address \(email)", code: 1)
            return
        }
        guard user.isActive, user.role.may(.useAPI) else {
            context.fail("--email: the account \(email) is not active or its role (\(user.role.rawValue)) may not use the API", code: 1)
            return
        }
        let token = try await app.accounts.createToken(for: user, name: signature.name ?? "cli", actor: "cli", on: app.db)
        context.console.print(token)
    }
}
