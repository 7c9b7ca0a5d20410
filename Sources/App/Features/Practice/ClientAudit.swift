import Fluent
import Foundation
import Vapor

/// Every read and write of client data goes into the audit trail, naming the user and the client
/// by id (never by name: the trail itself holds no client data).
enum ClientAudit {
    /// Records a read before the data is shown: no record, no page (`AuditReadLog`).
    static func read(_ request: Request, _ actor: PracticeActor, _ action: String, client: Client,
                     details: [String: String] = [:]) async throws {
        var details = details
        details["organisation"] = actor.organisationID.uuidString
        try await request.auditRead(chain: .organisation(actor.organisationID), actor: actor.user.auditName, action: action,
                                    subject: client.auditName, details: details)
    }

    /// Records inside the change's own transaction.
    static func record(on database: any Database, _ request: Request, _ actor: PracticeActor, _ action: String,
                       client: Client, details: [String: String] = [:]) async throws {
        var details = details
        details["organisation"] = actor.organisationID.uuidString
        try await AuditTrail(clock: request.clock).record(on: database, chain: .organisation(actor.organisationID), actor: actor.user.auditName, action: action,
                                                          subject: client.auditName, details: details)
    }

    /// Creates a new row and records it, in one change: the row is not there without its entry.
    static func create<M: Model>(_ row: M, _ request: Request, _ actor: PracticeActor, _ action: String, client: Client,
                                 details: [String: String] = [:]) async throws {
        try await request.change { db in
            try await row.create(on: db)
            try await record(on: db, request, actor, action, client: client, details: details)
        }
    }

    /// A read of a list of clients (the caseload): one entry naming how many were shown.
    static func readList(_ request: Request, _ actor: PracticeActor, _ action: String, count: Int,
                         details: [String: String] = [:]) async throws {
        var entry = details
        entry["organisation"] = actor.organisationID.uuidString
        entry["clients"] = String(count)
        try await request.auditRead(chain: .organisation(actor.organisationID), actor: actor.user.auditName, action: action,
                                    subject: actor.user.auditName, details: entry)
    }
}
