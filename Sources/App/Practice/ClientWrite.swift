import Vapor

/// How every change to a client's trajectory begins: the actor must be the client's own coach (404
/// for a client they cannot see, 403 for one they only see), then the client's file and the posted form.
enum ClientWrite {
    static func begin(_ request: Request) async throws -> (actor: PracticeActor, client: Client, file: ClientFile, form: FormFields) {
        let actor = try await PracticeActor.of(request)
        let client = try await actor.workableClient(request)
        let file = try await ClientFile.load(client, on: request)
        return (actor, client, file, FormFields(try request.content.decode([String: String].self)))
    }
}
