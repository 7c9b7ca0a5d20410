import Fluent
import JobcoachCore
import Vapor

/// `jobcoach user create --email E --role R [--name N]`: creates an account with the password read
/// from standard input (one line), for scripts that set up a server.
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create")
        var action: String
        @Option(name: "email", help: "The e-mail address to log in with.")
        var email: String?
        @Option(name: "role", help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        var role: String?
        @Option(name: "name", help: "The name shown in the product (default: the e-mail address).")
        var name: String?
    }

    var help: String { "Create an account: user create --email E --role R [--name N] < password" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else {
            context.fail("Usage: jobcoach user create --email E --role R [--name N] (password on standard input)", code: 2)
            return
        }
        guard let email = signature.email, !email.isEmpty else {
            context.fail("--email is required", code: 2)
            return
        }
        guard let roleName = signature.role, let role = Role(rawValue: roleName) else {
            context.fail("--role must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))", code: 2)
            return
        }
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            context.fail("no password on standard input (give it as one line)", code: 2)
            return
        }
        let app = context.application
        do {
            let (user, _) = try await app.accounts.create(email: email, name: signature.name ?? email, role: role,
                                                          password: password, actor: "cli", on: app.db)
            context.console.print("created \(user.email) (\(role.rawValue)), id \(user.id?.uuidString ?? "")")
        } catch let problem as AccountService.Problem {
            context.fail("--email \(email): \(problem)", code: 1)
            return
        }
    }
}
