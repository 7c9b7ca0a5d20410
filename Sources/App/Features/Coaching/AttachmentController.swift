import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Files in a client's file: signed agreements, the commissioner's assignment letter, photos of the
/// workplace. PDF, JPG or PNG up to 10 MB, checked by their first bytes and kept by SHA-256 in the
/// evidence store. The own coach adds them; whoever sees the client downloads them, each download
/// in the audit trail.
enum AttachmentController {
    /// Every attachment of the client, over all trajectories, newest first.
    static func attachments(of client: Client, on database: any Database) async throws -> [ClientAttachment] {
        let trajectoryIDs = try await Trajectory.query(on: database).filter(\.$organisationID == client.organisationID)
            .filter(\.$client.$id == client.requireID()).all().compactMap(\.id)
        guard !trajectoryIDs.isEmpty else { return [] }
        return try await ClientAttachment.query(on: database).filter(\.$organisationID == client.organisationID)
            .filter(\.$trajectory.$id ~~ trajectoryIDs).sort(\.$addedAt, .descending).all()
    }

    /// "Signed agreement · 3 December 2026 · 240 kB": what a link to the file says besides its title.
    static func description(_ attachment: ClientAttachment, _ request: Request) -> String {
        let language = request.language
        let kind = AttachmentKind(rawValue: attachment.kind)?.title[language] ?? attachment.kind
        let day = CalendarDate(attachment.addedAt, in: request.application.configuration.timeZone).text(in: language)
        return "\(kind) · \(day) · \(size(attachment.size, language))"
    }

    static func size(_ bytes: Int, _ language: Language) -> String {
        bytes >= 1_048_576 ? NumberText.format((Double(bytes) / 1_048_576 * 10).rounded() / 10, in: language) + " MB"
            : "\(max(1, (bytes + 512) / 1_024)) kB"
    }

    static func page(_ request: Request) async throws -> Response {
        let client = try request.scopedClient
        return try await render(request, file: try await ClientFile.load(client, on: request), values: [:], errors: [], status: .ok)
    }

    static func render(_ request: Request, file: ClientFile, values: [String: String], errors: [FieldError],
                       status: HTTPStatus, notice: String? = nil) async throws -> Response {
        let actor = try request.practiceActor
        let client = file.client
        let clientID = try client.requireID()
        let language = request.language
        let rows = try await attachments(of: client, on: request.db)
        var names: [UUID: String] = [:]
        for user in try await User.query(on: request.db).filter(\.$id ~~ Set(rows.map(\.addedBy))).all() { names[user.id!] = user.displayName }
        let timeZone = request.application.configuration.timeZone
        var blocks = [WorkBlock(id: "files", heading: request.t("attachmentsListHeading"), tables: [TableView(
            id: "attachments-table", caption: request.t("attachmentsCaption"),
            headers: [request.t("attachmentTitle"), request.t("attachmentKind"), request.t("attachmentAdded"), request.t("attachmentSize")],
            rows: rows.map { row in
                [.init(text: row.title, url: SiteURL.clientAttachment(.value(clientID), .value(row.id!)).path),
                 .init(text: AttachmentKind(rawValue: row.kind)?.title[language] ?? row.kind),
                 .init(text: PracticeOptions.dateTime(row.addedAt, timeZone: timeZone, language: language)
                    + (names[row.addedBy].map { " · \($0)" } ?? "")),
                 .init(text: size(row.size, language))]
            }, empty: request.t("attachmentsNone"))])]
        let make = FormFieldMaker(request: request, values: values, errors: errors.byField)
        let forms = WorkPage.form(request, actor: actor, client: client, id: "attachment-form", url: .clientAttachments(.value(clientID)), sections: [
            FormSectionView(legend: request.t("attachmentAdd"), hint: request.t("attachmentAddHint"), fields: [
                make.field("kind", labelKey: "attachmentKind", kind: "select", optional: false, options: AttachmentKind.allCases.map {
                    ChoiceOption(value: $0.rawValue, label: $0.title[language], selected: values["kind"] == $0.rawValue)
                }),
                make.field("title", labelKey: "attachmentTitle", hintKey: "attachmentTitleHint"),
                make.field("file", labelKey: "attachmentFile", hintKey: "attachmentFileHint", kind: "file", optional: false),
            ]),
        ], submitKey: "attachmentSave").map { form in
            var form = form
            form.uploads = true
            return form
        }
        if !forms.isEmpty { blocks.append(WorkBlock(id: "add", heading: request.t("attachmentAdd"), forms: forms)) }
        return try await WorkPage.render(request, actor: actor, file: file, titleKey: "attachmentsTitle", leadKey: "attachmentsLead",
                                         audit: "attachments.viewed", blocks: blocks, errors: errors, status: status, notice: notice)
    }

    struct Upload: Content {
        var kind: String?
        var title: String?
        var file: File?
    }

    static func add(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        let file = try await ClientFile.load(client, on: request)
        let form = try request.content.decode(Upload.self)
        let values = ["kind": form.kind ?? "", "title": form.title ?? ""]
        var errors: [FieldError] = []
        let kind = form.kind.flatMap(AttachmentKind.init(rawValue:))
        if kind == nil { errors.append(FieldError(field: "kind", message: request.t("attachmentKindProblem"))) }
        let title = (form.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.count > 200 { errors.append(FieldError(field: "title", message: request.t("formTooLong"))) }
        let data = form.file.map { Data($0.data.readableBytesView) } ?? Data()
        var contentType = ""
        switch EvidenceUpload.contentType(of: data) {
        case .success(let type): contentType = type
        case .failure(let problem):
            errors.append(FieldError(field: "file", message: request.t(problem.key == "evidenceEmpty" ? "attachmentFileMissing"
                                                                           : problem.key == "evidenceTooLarge" ? "attachmentFileTooLarge" : "attachmentFileType")))
        }
        guard errors.isEmpty, let kind else {
            return try await render(request, file: file, values: values, errors: errors, status: .unprocessableEntity)
        }
        let fileName = EvidenceUpload.safeName(form.file?.filename ?? "")
        let hash = try request.application.evidence.store(data)
        let attachment = ClientAttachment()
        attachment.organisationID = actor.organisationID
        attachment.$trajectory.id = file.trajectoryID
        attachment.kind = kind.rawValue
        attachment.title = title.isEmpty ? fileName : title
        attachment.fileName = fileName
        attachment.contentType = contentType
        attachment.size = data.count
        attachment.sha256 = hash
        attachment.addedBy = actor.userID
        attachment.addedAt = request.clock.now()
        try await request.change { db in
            try await attachment.create(on: db)
            try await ClientAudit.record(on: db, request, actor, "attachment.added", client: client, details: [
                "trajectory": file.trajectoryID.uuidString, "attachment": attachment.id!.uuidString, "kind": kind.rawValue,
                "sha256": hash, "size": String(data.count),
            ])
        }
        return request.redirect(to: SiteURL.clientAttachments(.value(try client.requireID())).path + "#files")
    }

    static func download(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        guard let id = request.parameters.get("attachment", as: UUID.self),
              let attachment = try await attachments(of: client, on: request.db).first(where: { $0.id == id }) else { throw Abort(.notFound) }
        let data = try request.application.evidence.read(sha256: attachment.sha256)
        try await ClientAudit.read(request, actor, "attachment.downloaded", client: client, details: ["attachment": id.uuidString])
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: attachment.contentType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(EvidenceUpload.safeName(attachment.fileName))\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
