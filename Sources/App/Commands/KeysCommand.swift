import Foundation
import Vapor

/// `jobcoach keys rotate`: makes a new signing key for credentials and makes it current. Earlier keys
/// stay in the key set, so credentials signed with them still verify.
struct KeysCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "rotate")
        var action: String
    }

    var help: String { "Signing keys: keys rotate" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "rotate" else {
            context.fail("Usage: jobcoach keys rotate", code: 2)
            return
        }
        let app = context.application
        let store = IssuerKeyStore(dataDirectory: app.configuration.dataDirectory)
        let kid = try store.rotate(now: app.clock.now())
        await app.credentials.reload()
        _ = try await app.changes.perform(on: app.db) { db in
            try await AuditTrail(clock: app.clock).record(on: db, chain: .administration, actor: "cli", action: "keys.rotated", details: ["kid": kid])
        }
        context.console.print("new signing key \(kid) is current; \(try store.load(now: app.clock.now()).keys.count) keys in \(store.directory.path)")
    }
}
