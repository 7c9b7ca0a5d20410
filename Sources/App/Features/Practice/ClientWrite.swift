import Vapor

/// What every change in a client's trajectory starts from: the actor and client the route group
/// resolved (the write middleware has checked that the actor is the client's own coach), the
/// client's file and the posted form.
enum ClientWrite {
    static func begin(_ request: Request) async throws -> (actor: PracticeActor, client: Client, file: ClientFile, form: FormFields) {
        let client = try request.scopedClient
        let file = try await ClientFile.load(client, on: request)
        return (try request.practiceActor, client, file, FormFields(try request.content.decode([String: String].self)))
    }

    /// The same with the posted form read as `Form` (a typed form: only its own fields).
    static func begin<Form: Decodable>(_ request: Request, form: Form.Type) async throws
        -> (actor: PracticeActor, client: Client, file: ClientFile, form: Form) {
        let client = try request.scopedClient
        let file = try await ClientFile.load(client, on: request)
        return (try request.practiceActor, client, file, try request.content.decode(Form.self))
    }
}
