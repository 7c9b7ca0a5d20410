import Fluent
import Foundation
import JobcoachCore
import Vapor

/// A client's rights over their data: everything about them as JSON and as a readable page (GDPR
/// articles 15 and 20). Both are reads in the audit trail.
enum PrivacyController {
    static func exportJSON(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        let records = try await ClientRecords.load(client, at: request.clock.now(), on: request.db).withFiles(from: request.application.evidence)
        try await ClientAudit.read(request, actor, "client.exported", client: client, details: ["format": "json", "records": String(records.ids.count)])
        let response = Response(status: .ok, body: .init(data: try records.json()))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"client-\(try client.requireID().uuidString.lowercased()).json\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func exportPage(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        let file = try await ClientFile.load(client, on: request)
        let records = try await ClientRecords.load(client, at: request.clock.now(), on: request.db)
        let object = try JSONDecoder().decode(JSONValue.self, from: try records.json())
        var blocks = [WorkBlock(id: "download", heading: request.t("exportDownload"), text: request.t("exportDownloadLead"),
                                links: [LinkView(url: SiteURL.clientExportJSON(.value(try client.requireID())).path, label: request.t("exportJSON"))])]
        let attachments = records.trajectories.flatMap(\.attachments)
        if !attachments.isEmpty {
            let clientID = try client.requireID()
            blocks.append(WorkBlock(id: "attachment-files", heading: request.t("attachmentsTitle"), text: request.t("exportAttachmentsLead"),
                                    links: attachments.map { attachment in
                                        LinkView(url: SiteURL.clientAttachment(.value(clientID), .value(attachment.id!)).path,
                                                 label: "\(attachment.title) (\(AttachmentController.description(attachment, request)))")
                                    }))
        }
        blocks.append(WorkBlock(id: "client", heading: request.t("exportClient"), facts: (object["client"]?.facts ?? []) +
                                (records.accountEmail.map { [KeyValue(key: "accountEmail", value: $0)] } ?? [])))
        if case .array(let trajectories) = object["trajectories"] ?? .null {
            for (index, trajectory) in trajectories.enumerated() {
                guard case .object(let tables) = trajectory else { continue }
                for (table, value) in tables.sorted(by: { $0.key < $1.key }) {
                    let rows: [JSONValue]
                    if case .array(let list) = value { rows = list } else { rows = [value] }
                    guard !rows.isEmpty else { continue }
                    blocks.append(WorkBlock(
                        id: "t\(index + 1)-\(table)",
                        heading: request.t("exportTrajectory", ["number": String(index + 1)]) + ": " + table,
                        facts: rows.enumerated().map { number, row in
                            KeyValue(key: "\(number + 1)", value: row.facts.map { "\($0.key): \($0.value)" }.joined(separator: "\n"))
                        }))
                }
            }
        }
        blocks.append(WorkBlock(id: "access", heading: request.t("exportAccess"), text: request.t("exportAccessLead"),
                                tables: [TableView(id: "access-table", caption: request.t("exportAccessCaption"),
                                                   headers: [request.t("exportWhen"), request.t("exportWho"), request.t("exportWhat")],
                                                   rows: records.access.suffix(500).reversed().map { [.init(text: $0.at), .init(text: $0.by), .init(text: $0.action)] },
                                                   empty: "")]))
        return try await WorkPage.render(request, actor: actor, file: file, titleKey: "exportTitle", leadKey: "exportLead",
                                         audit: "client.export.viewed", blocks: blocks, errors: [], status: .ok)
    }
}
