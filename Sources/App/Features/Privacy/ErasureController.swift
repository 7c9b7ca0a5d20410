import Fluent
import Foundation
import JobcoachCore
import Vapor

/// A client's rights to erasure (GDPR article 17) and to restriction (article 18), on the client's
/// privacy page. The coach or the team lead records a request to be erased once the export has been
/// offered to the client; a second person who may see the client confirms it, and then everything
/// goes in one transaction, as a purge after the retention period does, except what the
/// commissioner's books must keep: payment points, grants and support hours, under the request's
/// reference and without the person. Restriction keeps the data and stops every change.
enum ErasureController {
    static func page(_ request: Request) async throws -> Response {
        let client = try request.scopedClient
        return try await render(request, file: try await ClientFile.load(client, on: request))
    }

    static func render(_ request: Request, file: ClientFile, values: [String: String] = [:], errors: [FieldError] = [],
                       status: HTTPStatus = .ok, notice: String? = nil) async throws -> Response {
        let actor = try request.practiceActor
        let client = file.client
        let clientID = try client.requireID()
        let requests = try await ErasureRequestRow.query(on: request.db).filter(\.$organisationID == client.organisationID)
            .filter(\.$clientID == clientID).sort(\.$requestedAt, .descending).all()
        let people = try await names(of: Set(requests.flatMap { [$0.requestedBy] + ($0.decidedBy.map { [$0] } ?? []) }), on: request.db)
        let make = FormFieldMaker(request: request, values: values, errors: errors.byField)
        let language = request.language
        func form(_ id: String, _ url: SiteURL, _ sections: [FormSectionView], _ submitKey: String) -> FormView {
            FormView(id: id, url: url.path, csrfToken: request.csrfToken, sections: sections, submitLabel: request.t(submitKey), readOnly: false)
        }

        var restriction = WorkBlock(id: "restriction", heading: request.t("privacyRestrictionHeading"))
        if let since = client.restrictedSince {
            restriction.text = request.t("privacyRestrictedSince", ["date": WorkPage.date(since, language)])
            restriction.facts = [KeyValue(key: request.t("privacyRestrictionReason"), value: client.restrictionReason ?? "")]
            restriction.forms = [form("restriction-form", .clientRestriction(.value(clientID)), [
                FormSectionView(legend: request.t("privacyLiftLegend"), hint: request.t("privacyLiftHint")),
            ], "privacyLift")]
        } else {
            restriction.text = request.t("privacyRestrictionLead")
            restriction.forms = [form("restriction-form", .clientRestriction(.value(clientID)), [
                FormSectionView(legend: request.t("privacyRestrictLegend"), fields: [
                    make.field("reason", labelKey: "privacyRestrictionReason", hintKey: "privacyRestrictionReasonHint", kind: "textarea", optional: false),
                ]),
            ], "privacyRestrict")]
        }

        var erasure = WorkBlock(id: "erasure", heading: request.t("privacyErasureHeading"), text: request.t("privacyErasureLead"),
                                links: [LinkView(url: SiteURL.clientExport(.value(clientID)).path, label: request.t("privacyExportLink"))])
        if let open = requests.first(where: { $0.status == .requested }) {
            erasure.facts = [
                KeyValue(key: request.t("privacyReference"), value: open.reference),
                KeyValue(key: request.t("privacyReceivedOn"), value: WorkPage.date(open.receivedOn, language)),
                KeyValue(key: request.t("privacyRecordedBy"), value: "\(people[open.requestedBy] ?? "") · "
                    + PracticeOptions.dateTime(open.requestedAt, timeZone: request.application.configuration.timeZone, language: language)),
                KeyValue(key: request.t("privacyNote"), value: open.note.isEmpty ? "–" : open.note),
            ]
            if open.requestedBy == actor.userID {
                erasure.text += "\n\n" + request.t("privacyWaitsForSecond")
            } else {
                erasure.forms.append(form("erasure-confirm-form", .clientErasureConfirm(.value(clientID)), [
                    FormSectionView(legend: request.t("privacyConfirmLegend"), hint: request.t("privacyConfirmHint")),
                ], "privacyConfirm"))
            }
            erasure.forms.append(form("erasure-withdraw-form", .clientErasureWithdraw(.value(clientID)), [
                FormSectionView(legend: request.t("privacyWithdrawLegend"), hint: request.t("privacyWithdrawHint")),
            ], "privacyWithdraw"))
        } else {
            erasure.forms = [form("erasure-form", .clientErasure(.value(clientID)), [
                FormSectionView(legend: request.t("privacyRecordLegend"), fields: [
                    make.field("receivedOn", labelKey: "privacyReceivedOn", hintKey: "privacyReceivedOnHint", kind: "date", optional: false),
                    make.field("note", labelKey: "privacyNote", hintKey: "privacyNoteHint", kind: "textarea"),
                ], singles: [
                    CheckOption(name: "exportOffered", id: "exportOffered", label: request.t("privacyExportOffered"),
                                hint: request.t("privacyExportOfferedHint"), checked: values["exportOffered"] == "yes"),
                ]),
            ], "privacyRecord")]
        }
        var blocks = [restriction, erasure]
        let earlier = requests.filter { $0.status == .withdrawn }
        if !earlier.isEmpty {
            blocks.append(WorkBlock(id: "erasure-history", heading: request.t("privacyHistoryHeading"), tables: [
                TableView(id: "erasure-history-table", caption: request.t("privacyHistoryCaption"),
                          headers: [request.t("privacyReference"), request.t("privacyReceivedOn"), request.t("privacyRecordedBy"), request.t("privacyWithdrawnBy")],
                          rows: earlier.map { row in
                              [.init(text: row.reference), .init(text: WorkPage.date(row.receivedOn, language)),
                               .init(text: people[row.requestedBy] ?? ""), .init(text: row.decidedBy.flatMap { people[$0] } ?? "")]
                          }, empty: ""),
            ]))
        }
        return try await WorkPage.render(request, actor: actor, file: file, titleKey: "privacyTitle", leadKey: "privacyLead",
                                         audit: "client.privacy.viewed", blocks: blocks, errors: errors, status: status, notice: notice)
    }

    private static func names(of ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [UUID: String] = [:]
        for user in try await User.query(on: db).filter(\.$id ~~ Array(ids)).all() { names[user.id!] = user.displayName }
        return names
    }

    struct RecordForm: Content {
        var receivedOn: String?
        var note: String?
        var exportOffered: String?
    }

    /// Records the client's request; nothing is erased yet.
    static func record(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        let file = try await ClientFile.load(client, on: request)
        let form = try request.content.decode(RecordForm.self)
        var fields = FormFields(["receivedOn": form.receivedOn ?? "", "note": form.note ?? "", "exportOffered": form.exportOffered ?? ""])
        let receivedOn = fields.date("receivedOn", required: true)
        if fields.value("note").count > 2_000 { fields.problem("note", "formTooLong") }
        if !["", "yes"].contains(fields.value("exportOffered")) { fields.problem("exportOffered", "formChoiceInvalid") }
        let clientID = try client.requireID()
        let open = try await ErasureRequestRow.query(on: request.db).filter(\.$clientID == clientID)
            .filter(\.$statusName == ErasureRequestStatus.requested.rawValue).count() > 0
        if let receivedOn, let refusal = ErasureRule.recording(exportOffered: fields.value("exportOffered") == "yes", receivedOn: receivedOn,
                                                              today: request.today, openRequest: open) {
            switch refusal {
            case .exportNotOffered: fields.problem("exportOffered", "privacyExportFirst")
            case .receivedInFuture: fields.problem("receivedOn", "privacyReceivedInFuture")
            default: throw Abort(.conflict, reason: request.t("privacyAlreadyRequested"))
            }
        }
        guard fields.problems.isEmpty, let receivedOn else {
            return try await render(request, file: file, values: fields.values, errors: fields.problems.fieldErrors(request),
                                    status: .unprocessableEntity)
        }
        let row = ErasureRequestRow()
        row.organisationID = client.organisationID
        row.clientID = clientID
        row.reference = ErasureRule.reference(from: TwoFactorController.randomBytes(8))
        row.receivedOn = receivedOn.description
        row.exportOffered = true
        row.note = fields.value("note")
        row.statusName = ErasureRequestStatus.requested.rawValue
        row.requestedBy = actor.userID
        row.requestedAt = request.clock.now()
        let reference = row.reference
        try await request.change { db in
            try await row.create(on: db)
            try await ClientAudit.record(on: db, request, actor, "client.erasure-requested", client: client,
                                         details: ["reference": reference, "receivedOn": receivedOn.description])
        }
        return try await render(request, file: file, notice: request.t("privacyRecorded", ["reference": reference]))
    }

    /// The pending request of the client in the path, or 409 when there is none.
    private static func pending(_ request: Request, _ client: Client) async throws -> ErasureRequestRow {
        guard let row = try await ErasureRequestRow.query(on: request.db).filter(\.$organisationID == client.organisationID)
            .filter(\.$clientID == client.requireID()).filter(\.$statusName == ErasureRequestStatus.requested.rawValue).first()
        else { throw Abort(.conflict, reason: request.t("privacyNoOpenRequest")) }
        return row
    }

    static func withdraw(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        let row = try await pending(request, client)
        if ErasureRule.withdrawal(status: row.status) != nil { throw Abort(.conflict, reason: request.t("privacyNoOpenRequest")) }
        row.statusName = ErasureRequestStatus.withdrawn.rawValue
        row.decidedBy = actor.userID
        row.decidedAt = request.clock.now()
        try await request.change { db in
            try await row.update(on: db)
            try await ClientAudit.record(on: db, request, actor, "client.erasure-withdrawn", client: client, details: ["reference": row.reference])
        }
        return try await render(request, file: try await ClientFile.load(client, on: request),
                                notice: request.t("privacyWithdrawn", ["reference": row.reference]))
    }

    /// The second person confirms: everything about the client is erased now, in one transaction.
    static func confirm(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        let row = try await pending(request, client)
        if ErasureRule.confirmation(status: row.status, requester: row.requestedBy, confirmer: actor.userID) == .sameAsRequester {
            throw Abort(.forbidden, reason: request.t("privacySecondPerson"))
        }
        let records = try await ClientRecords.load(client, at: request.clock.now(), on: request.db, withAccess: false)
        let timeZone = request.application.configuration.timeZone
        let kept = PrivacyPurge.anonymousCounts(of: records.trajectories, timeZone: timeZone)
        let books = try await financialRecords(records, reference: row.reference, organisationID: client.organisationID,
                                               today: request.today, timeZone: timeZone, at: request.clock.now(), on: request.db)
        let clientID = try client.requireID()
        let name = client.name, email = client.email
        row.statusName = ErasureRequestStatus.erased.rawValue
        row.decidedBy = actor.userID
        row.decidedAt = request.clock.now()
        row.clientID = nil
        let reference = row.reference
        try await request.change { db in
            for record in books { try await record.create(on: db) }
            try await PrivacyPurge.erase(records.trajectories, of: client, wholeClient: true, keeping: kept, on: db)
            // Mail about the client (a report to the commissioner, a reminder) goes too.
            if !email.isEmpty { try await OutboxMessage.query(on: db).filter(\.$recipient == email).delete() }
            if name.count >= 3 {
                try await OutboxMessage.query(on: db).group(.or) { $0.filter(\.$subject ~~ name).filter(\.$textBody ~~ name) }.delete()
            }
            try await row.update(on: db)
            // Earlier, withdrawn requests no longer point at anyone either.
            try await ErasureRequestRow.query(on: db).filter(\.$clientID == clientID).set(\.$clientID, to: nil).update()
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(actor.organisationID), actor: actor.user.auditName, action: "client.erased-on-request",
                                                              subject: "client:\(clientID.uuidString)",
                                                              details: ["organisation": client.organisationID.uuidString, "reference": reference,
                                                                        "requestedBy": "user:\(row.requestedBy.uuidString)",
                                                                        "trajectories": String(records.trajectories.count),
                                                                        "financialRecordsKept": String(books.count)])
        }
        try await PrivacyPurge.eraseFiles(Set(records.trajectories.flatMap(\.attachments).map(\.sha256)), application: request.application)
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("privacyErasedTitle"), current: .caseload),
            heading: request.t("privacyErasedTitle"), subtitle: "", lead: request.t("privacyErasedLead", ["reference": reference]),
            backURL: SiteURL.caseload.path, backLabel: request.t("privacyBackToCaseload"), notice: nil,
            blocks: [WorkBlock(id: "kept", heading: request.t("privacyKeptHeading"),
                               text: request.t("privacyKeptText", ["count": String(books.count), "reference": reference]))],
            errors: [], hasErrors: false)
        return try await request.page(.work, context)
    }

    /// What the commissioner's books keep of the client: each payment point reached and its amount,
    /// each grant of coaching hours, and the support hours per month, under the reference.
    static func financialRecords(_ records: ClientRecords, reference: String, organisationID: UUID, today: CalendarDate,
                                 timeZone: TimeZone, at now: Date, on db: any Database) async throws -> [RetainedFinancialRecord] {
        var kept: [RetainedFinancialRecord] = []
        for trajectory in records.trajectories {
            let commissionerID = trajectory.trajectory.$commissioner.id
            let group = trajectory.intakeFactors.first?.paymentGroup ?? ""
            var tariffs: [String: [PaymentPoint: Int]] = [:]
            if let commissionerID {
                for tariff in try await CommissionerTariff.query(on: db).filter(\.$commissioner.$id == commissionerID).all() {
                    if let point = PaymentPoint(rawValue: tariff.paymentPoint) { tariffs[tariff.paymentGroup, default: [:]][point] = tariff.amountCents }
                }
                let client = PaymentStatement.Client(id: reference, paymentGroup: group,
                                                     start: CalendarDate(trajectory.trajectory.startedAt, in: timeZone),
                                                     jobs: trajectory.jobSpells.compactMap(\.job))
                for line in PaymentStatement.lines(of: client, tariffs: tariffs, asOf: today) {
                    let record = RetainedFinancialRecord(organisationID: organisationID, commissionerID: commissionerID, reference: reference,
                                                         kind: .paymentPoint, paymentGroup: group, occurredOn: line.reachedOn.description, createdAt: now)
                    record.paymentPoint = line.point.rawValue
                    record.amountCents = line.amountCents
                    kept.append(record)
                }
            }
            for grant in trajectory.grants {
                let record = RetainedFinancialRecord(organisationID: organisationID, commissionerID: commissionerID, reference: reference,
                                                     kind: .grant, paymentGroup: group, occurredOn: grant.startsOn, createdAt: now)
                record.hours = grant.contractHours
                record.regime = grant.regime
                kept.append(record)
            }
            let months = Dictionary(grouping: trajectory.support) { String($0.heldOn.prefix(7)) }
            for month in months.keys.sorted() {
                let record = RetainedFinancialRecord(organisationID: organisationID, commissionerID: commissionerID, reference: reference,
                                                     kind: .supportHours, paymentGroup: group, occurredOn: month + "-01", createdAt: now)
                record.hours = Double(months[month]!.reduce(0) { $0 + $1.minutes }) / 60
                kept.append(record)
            }
        }
        return kept
    }

    struct RestrictForm: Content {
        var reason: String?
    }

    /// Restricts processing (with a reason), or lifts the restriction.
    static func restrict(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        let file = try await ClientFile.load(client, on: request)
        let lifting = client.restrictedSince != nil
        var fields = FormFields(["reason": (try request.content.decode(RestrictForm.self).reason ?? "")])
        if !lifting {
            _ = fields.text("reason", missing: "privacyRestrictionReasonMissing", maxLength: 2_000)
            guard fields.problems.isEmpty else {
                return try await render(request, file: file, values: fields.values, errors: fields.problems.fieldErrors(request),
                                        status: .unprocessableEntity)
            }
        }
        let reason = fields.value("reason")
        let today = request.today.description
        try await request.change { db in
            client.restrictedSince = lifting ? nil : today
            client.restrictionReason = lifting ? nil : reason
            try await client.update(on: db)
            try await ClientAudit.record(on: db, request, actor, lifting ? "client.restriction-lifted" : "client.restricted", client: client)
        }
        return try await render(request, file: file, notice: request.t(lifting ? "privacyLifted" : "privacyRestricted"))
    }
}
