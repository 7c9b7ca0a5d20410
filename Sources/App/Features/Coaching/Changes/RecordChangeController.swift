import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Correcting a support entry or an evaluation, moving or cancelling an appointment, taking back a
/// milestone: each record's page shows it with its history, and the coach's form. Every change keeps
/// the values before it (`RecordHistory`); nothing is deleted.
enum RecordChangeController {
    /// A record of the client's current trajectory by the id in the path, or 404.
    static func record<M: Model>(_ type: M.Type, _ parameter: String, _ request: Request, organisation: KeyPath<M, FieldProperty<M, UUID>>,
                                 trajectory: KeyPath<M, ParentProperty<M, Trajectory>>) async throws -> (M, ClientFile) where M.IDValue == UUID {
        let client = try request.scopedClient
        let actor = try request.practiceActor
        let file = try await ClientFile.load(client, on: request)
        guard let id = request.parameters.get(parameter, as: UUID.self),
              let row = try await M.query(on: request.db).filter(\M._$id == id).filter(organisation == actor.organisationID)
                .filter(trajectory.appending(path: \.$id) == file.trajectoryID).first()
        else { throw Abort(.notFound) }
        return (row, file)
    }

    /// The record's page: what it says now, the forms (only for the own coach), and its history.
    static func render(_ request: Request, file: ClientFile, recordID: UUID, titleKey: String, heading: String, facts: [KeyValue],
                       forms: [WorkBlock], label: @escaping (String) -> String, show: @escaping (String, String) -> String = { $1 },
                       audit: String, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let actor = try request.practiceActor
        let clientID = try file.client.requireID()
        var now = WorkBlock(id: "record", heading: heading, facts: facts)
        now.links = [LinkView(url: SiteURL.clientSupport(.value(clientID)).path, label: request.t("backToSupport"))]
        let history = try await RecordHistory.changes(of: file.trajectoryID, organisationID: actor.organisationID, on: request.db)[recordID] ?? []
        let lines = RecordHistory.lines(history, request, label: label, show: show)
        let blocks = [now] + (actor.canWork(on: file.client) ? forms : [])
            + [WorkBlock(id: "history", heading: request.t("changesHeading"), text: lines.isEmpty ? request.t("historyNone") : lines.joined(separator: "\n"))]
        return try await WorkPage.render(request, actor: actor, file: file, titleKey: titleKey, leadKey: "recordChangeLead", audit: audit,
                                         blocks: blocks, errors: errors, status: status)
    }

    static func form(_ request: Request, id: String, url: SiteURL, legend: String, fields: [FormFieldView], submitKey: String,
                     action: String) -> [FormView] {
        [FormView(id: id, url: url.path, csrfToken: request.csrfToken, sections: [FormSectionView(legend: legend, fields: fields)],
                  submitLabel: request.t(submitKey), readOnly: false, hidden: [KeyValue(key: "action", value: action)])]
    }

    static func saved(_ request: Request, _ url: SiteURL) -> Response { request.redirect(to: url.path + "#history") }

    // MARK: Support entries

    static func supportFields(_ entry: SupportEntry) -> [(String, String)] {
        [("heldOn", entry.heldOn), ("minutes", String(entry.minutes)), ("withWhom", entry.withWhom), ("contactMode", entry.contactMode),
         ("location", entry.location), ("notes", entry.notes), ("clientSummary", entry.clientSummary)]
    }

    static func supportLabel(_ field: String, _ request: Request) -> String {
        switch field {
        case "heldOn": request.t("supportHeldOn")
        case "minutes": request.t("supportMinutes")
        case "withWhom": request.t("supportWithWhom")
        case "contactMode": request.t("supportContactMode")
        case "location": request.t("supportLocation")
        case "clientSummary": request.t("supportClientSummary")
        default: request.t("supportNotes")
        }
    }

    static func supportEntryPage(_ request: Request) async throws -> Response {
        let (entry, file) = try await record(SupportEntry.self, "entry", request, organisation: \.$organisationID, trajectory: \.$trajectory)
        return try await renderSupportEntry(request, entry, file, values: [:], errors: [])
    }

    static func renderSupportEntry(_ request: Request, _ entry: SupportEntry, _ file: ClientFile, values: [String: String], errors: [FieldError],
                                   status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let id = try entry.requireID()
        let current: [String: String] = [
            "supportHeldOn": entry.heldOn, "supportMinutes": String(entry.minutes), "supportWithWhom": entry.withWhom,
            "supportContactMode": entry.contactMode, "supportLocation": entry.location, "supportNotes": entry.notes,
            "supportClientSummary": entry.clientSummary,
        ]
        let merged = current.merging(values) { $1 }
        let make = FormFieldMaker(request: request, values: merged, errors: errors.byField)
        let parties = SupportParty.allCases.map { ChoiceOption(value: $0.rawValue, label: $0.title[language], selected: merged["supportWithWhom"] == $0.rawValue) }
        let fields = [
            make.field("supportHeldOn", labelKey: "supportHeldOn", kind: "date", optional: false),
            make.field("supportMinutes", labelKey: "supportMinutes", optional: false, inputMode: "numeric"),
            make.field("supportWithWhom", labelKey: "supportWithWhom", kind: "select", optional: false, options: parties),
            make.field("supportContactMode", labelKey: "supportContactMode", kind: "select", optional: false,
                       options: SupportController.contactModes(merged["supportContactMode"] ?? "", language)),
            make.field("supportLocation", labelKey: "supportLocation"),
            make.field("supportNotes", labelKey: "supportNotes", kind: "textarea", optional: false),
            make.field("supportClientSummary", labelKey: "supportClientSummary", hintKey: "supportClientSummaryHint", kind: "textarea"),
            make.field("changeReason", labelKey: "changeReason"),
        ]
        let url = SiteURL.clientSupportEntry(.value(try file.client.requireID()), .value(id))
        let form = WorkBlock(id: "correct", heading: request.t("supportCorrectHeading"),
                             forms: form(request, id: "support-correct-form", url: url, legend: request.t("supportCorrectLegend"), fields: fields,
                                         submitKey: "supportCorrectSave", action: "correct"))
        return try await render(request, file: file, recordID: id, titleKey: "supportEntryTitle",
                                heading: WorkPage.date(entry.heldOn, language), facts: supportFields(entry).map { field, value in
                                    KeyValue(key: supportLabel(field, request), value: showSupport(field, value, request))
                                }, forms: [form], label: { supportLabel($0, request) }, show: { showSupport($0, $1, request) },
                                audit: "support.viewed", errors: errors, status: status)
    }

    static func showSupport(_ field: String, _ value: String, _ request: Request) -> String {
        switch field {
        case "heldOn": WorkPage.date(value, request.language)
        case "withWhom": SupportParty(rawValue: value)?.title[request.language] ?? value
        case "contactMode": ContactMode(rawValue: value)?.title[request.language] ?? value
        default: value
        }
    }

    static func saveSupportEntry(_ request: Request) async throws -> Response {
        let (actor, client, _, posted) = try await ClientWrite.begin(request, form: SupportEntryForm.self)
        let (entry, file) = try await record(SupportEntry.self, "entry", request, organisation: \.$organisationID, trajectory: \.$trajectory)
        let reason = FormFields(try request.content.decode([String: String].self)).value("changeReason")
        var form = posted
        // Progress by goal stays as it was written: the correction is of the entry itself.
        guard let valid = form.validate(today: request.today, goalIDs: []) else {
            return try await renderSupportEntry(request, entry, file, values: form.values, errors: WorkPage.errors(request, form.problems),
                                                status: .unprocessableEntity)
        }
        let before = supportFields(entry)
        entry.heldOn = valid.heldOn.description
        entry.minutes = valid.minutes
        entry.withWhom = valid.party.rawValue
        entry.contactMode = valid.contactMode.rawValue
        entry.location = valid.location
        entry.notes = valid.notes
        entry.clientSummary = valid.clientSummary
        return try await store(request, actor, client, file, entry, kind: .supportEntry, change: .edited, before: before,
                               after: supportFields(entry), reason: reason, url: .clientSupportEntry(.value(try client.requireID()), .value(try entry.requireID()))) {
            try await renderSupportEntry(request, entry, file, values: form.values,
                                         errors: [FieldError(field: "supportNotes", message: request.t("changeNothingChanged"))], status: .unprocessableEntity)
        }
    }

    /// Saves a changed record with its history in one transaction; nothing changed is refused.
    static func store<M: Model>(_ request: Request, _ actor: PracticeActor, _ client: Client, _ file: ClientFile, _ row: M,
                                kind: RecordRevision.Kind, change: RecordRevision.Change, before: [(String, String)], after: [(String, String)],
                                reason: String, url: SiteURL, unchanged: () async throws -> Response) async throws -> Response where M.IDValue == UUID {
        let afterValues = Dictionary(after, uniquingKeysWith: { a, _ in a })
        if change == .edited || change == .moved, RecordRevision.previousValues(before: before, after: afterValues).isEmpty {
            return try await unchanged()
        }
        let recordID = try row.requireID()
        let trajectoryID = file.trajectoryID
        let reason = String(reason.trimmingCharacters(in: .whitespacesAndNewlines).prefix(1_000))
        try await request.change { db in
            try await row.update(on: db)
            try await RecordHistory.record(on: db, request, actor, client: client, trajectoryID: trajectoryID, kind: kind, recordID: recordID,
                                           change: change, before: before, after: afterValues, reason: reason)
        }
        return saved(request, url)
    }

    // MARK: Evaluations

    static func evaluationFields(_ evaluation: Evaluation) -> [(String, String)] {
        [("heldOn", evaluation.heldOn), ("outcome", evaluation.outcome), ("planChanges", evaluation.planChanges)]
    }

    static func evaluationLabel(_ field: String, _ request: Request) -> String {
        switch field {
        case "heldOn": request.t("evaluationHeldOn")
        case "outcome": request.t("evaluationOutcome")
        default: request.t("evaluationPlanChanges")
        }
    }

    static func evaluationPage(_ request: Request) async throws -> Response {
        let (evaluation, file) = try await record(Evaluation.self, "evaluation", request, organisation: \.$organisationID, trajectory: \.$trajectory)
        return try await renderEvaluation(request, evaluation, file, values: [:], errors: [])
    }

    static func renderEvaluation(_ request: Request, _ evaluation: Evaluation, _ file: ClientFile, values: [String: String], errors: [FieldError],
                                 status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let id = try evaluation.requireID()
        let current = ["evaluationHeldOn": evaluation.heldOn, "evaluationOutcome": evaluation.outcome, "evaluationPlanChanges": evaluation.planChanges]
        let make = FormFieldMaker(request: request, values: current.merging(values) { $1 }, errors: errors.byField)
        let url = SiteURL.clientEvaluation(.value(try file.client.requireID()), .value(id))
        let form = WorkBlock(id: "correct", heading: request.t("evaluationCorrectHeading"), forms: form(
            request, id: "evaluation-correct-form", url: url, legend: request.t("evaluationCorrectLegend"), fields: [
                make.field("evaluationHeldOn", labelKey: "evaluationHeldOn", kind: "date", optional: false),
                make.field("evaluationOutcome", labelKey: "evaluationOutcome", kind: "textarea", optional: false),
                make.field("evaluationPlanChanges", labelKey: "evaluationPlanChanges", kind: "textarea"),
                make.field("changeReason", labelKey: "changeReason"),
            ], submitKey: "supportCorrectSave", action: "correct"))
        let show: (String, String) -> String = { field, value in field == "heldOn" ? WorkPage.date(value, language) : value }
        return try await render(request, file: file, recordID: id, titleKey: "evaluationTitle",
                                heading: "\(EvaluationKind(rawValue: evaluation.kind)?.name(request) ?? evaluation.kind), \(WorkPage.date(evaluation.heldOn, language))",
                                facts: evaluationFields(evaluation).map { KeyValue(key: evaluationLabel($0.0, request), value: show($0.0, $0.1)) },
                                forms: [form], label: { evaluationLabel($0, request) }, show: show, audit: "evaluation.viewed", errors: errors, status: status)
    }

    static func saveEvaluation(_ request: Request) async throws -> Response {
        let (actor, client, _, posted) = try await ClientWrite.begin(request)
        let (evaluation, file) = try await record(Evaluation.self, "evaluation", request, organisation: \.$organisationID, trajectory: \.$trajectory)
        var form = posted
        let heldOn = form.date("evaluationHeldOn", required: true)
        if let heldOn, heldOn > request.today { form.problem("evaluationHeldOn", "cpdInFuture") }
        let outcome = form.text("evaluationOutcome", missing: "evaluationOutcomeMissing", maxLength: 5_000)
        if form.value("evaluationPlanChanges").count > 5_000 { form.problem("evaluationPlanChanges", "formTooLong") }
        guard form.problems.isEmpty, let heldOn, let outcome else {
            return try await renderEvaluation(request, evaluation, file, values: form.values, errors: WorkPage.errors(request, form.problems),
                                              status: .unprocessableEntity)
        }
        let before = evaluationFields(evaluation)
        evaluation.heldOn = heldOn.description
        evaluation.outcome = outcome
        evaluation.planChanges = form.value("evaluationPlanChanges")
        return try await store(request, actor, client, file, evaluation, kind: .evaluation, change: .edited, before: before,
                               after: evaluationFields(evaluation), reason: form.value("changeReason"),
                               url: .clientEvaluation(.value(try client.requireID()), .value(try evaluation.requireID()))) {
            try await renderEvaluation(request, evaluation, file, values: form.values,
                                       errors: [FieldError(field: "evaluationOutcome", message: request.t("changeNothingChanged"))], status: .unprocessableEntity)
        }
    }

    // MARK: Appointments

    static func appointmentFields(_ appointment: Appointment, _ timeZone: TimeZone) -> [(String, String)] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: appointment.startsAt)
        return [("date", CalendarDate(appointment.startsAt, in: timeZone).description),
                ("time", String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)), ("minutes", String(appointment.minutes)),
                ("location", appointment.location), ("status", appointment.status)]
    }

    static func appointmentLabel(_ field: String, _ request: Request) -> String {
        switch field {
        case "date": request.t("appointmentDate")
        case "time": request.t("appointmentTime")
        case "minutes": request.t("appointmentMinutes")
        case "location": request.t("appointmentLocation")
        default: request.t("appointmentStatus")
        }
    }

    static func appointmentPage(_ request: Request) async throws -> Response {
        let (appointment, file) = try await record(Appointment.self, "appointment", request, organisation: \.$organisationID, trajectory: \.$trajectory)
        return try await renderAppointment(request, appointment, file, values: [:], errors: [])
    }

    static func renderAppointment(_ request: Request, _ appointment: Appointment, _ file: ClientFile, values: [String: String], errors: [FieldError],
                                  status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let timeZone = request.application.configuration.timeZone
        let id = try appointment.requireID()
        let fields = appointmentFields(appointment, timeZone)
        let current = Dictionary(fields.map { ("appointment" + $0.0.prefix(1).uppercased() + $0.0.dropFirst(), $0.1) }, uniquingKeysWith: { a, _ in a })
        let make = FormFieldMaker(request: request, values: current.merging(values) { $1 }, errors: errors.byField)
        let url = SiteURL.clientAppointment(.value(try file.client.requireID()), .value(id))
        var forms: [WorkBlock] = []
        if appointment.status == AppointmentStatus.planned.rawValue {
            forms.append(WorkBlock(id: "move", heading: request.t("appointmentMoveHeading"), forms: form(
                request, id: "appointment-move-form", url: url, legend: request.t("appointmentMoveLegend"), fields: [
                    make.field("appointmentDate", labelKey: "appointmentDate", kind: "date", optional: false),
                    make.field("appointmentTime", labelKey: "appointmentTime", kind: "time", optional: false),
                    make.field("appointmentMinutes", labelKey: "appointmentMinutes", optional: false, inputMode: "numeric"),
                    make.field("appointmentLocation", labelKey: "appointmentLocation", optional: false),
                    make.field("moveReason", labelKey: "changeReason"),
                ], submitKey: "appointmentMoveSave", action: "move")))
            forms.append(WorkBlock(id: "cancel", heading: request.t("appointmentCancelHeading"), text: request.t("appointmentCancelLead"), forms: form(
                request, id: "appointment-cancel-form", url: url, legend: request.t("appointmentCancelLegend"), fields: [
                    make.field("cancelReason", labelKey: "changeReason", kind: "textarea", optional: false),
                ], submitKey: "appointmentCancelSave", action: "cancel")))
        }
        let show: (String, String) -> String = { field, value in
            switch field {
            case "date": WorkPage.date(value, language)
            case "status": request.t(value == AppointmentStatus.cancelled.rawValue ? "appointmentStatusCancelled" : "appointmentStatusPlanned")
            default: value
            }
        }
        var facts = fields.map { KeyValue(key: appointmentLabel($0.0, request), value: show($0.0, $0.1)) }
        facts.insert(KeyValue(key: request.t("appointmentKind"), value: (AppointmentKind(rawValue: appointment.kind) ?? .other).title[language]), at: 0)
        facts.append(KeyValue(key: request.t("appointmentTopic"), value: appointment.topic))
        if !appointment.cancelReason.isEmpty { facts.append(KeyValue(key: request.t("changeReason"), value: appointment.cancelReason)) }
        return try await render(request, file: file, recordID: id, titleKey: "appointmentTitle",
                                heading: PracticeOptions.dateTime(appointment.startsAt, timeZone: timeZone, language: language), facts: facts,
                                forms: forms, label: { appointmentLabel($0, request) }, show: show, audit: "appointment.viewed",
                                errors: errors, status: status)
    }

    static func saveAppointment(_ request: Request) async throws -> Response {
        let (actor, client, _, posted) = try await ClientWrite.begin(request, form: AppointmentForm.self)
        let (appointment, file) = try await record(Appointment.self, "appointment", request, organisation: \.$organisationID, trajectory: \.$trajectory)
        let raw = FormFields(try request.content.decode([String: String].self))
        let timeZone = request.application.configuration.timeZone
        let status = AppointmentStatus(rawValue: appointment.status) ?? .planned
        let before = appointmentFields(appointment, timeZone)
        let url = SiteURL.clientAppointment(.value(try client.requireID()), .value(try appointment.requireID()))
        switch raw.value("action") {
        case "move":
            if let refusal = RecordRevision.refusal(appointment: status, change: .moved) {
                return try await renderAppointment(request, appointment, file, values: raw.values,
                                                   errors: [FieldError(field: "appointmentDate", message: request.t(RecordHistory.refusalKey(refusal)))],
                                                   status: .unprocessableEntity)
            }
            var form = posted
            form.posted.set(.topic, appointment.topic)
            form.posted.set(.kind, appointment.kind)
            guard let valid = form.validate(), let startsAt = valid.startsAt(in: timeZone) else {
                return try await renderAppointment(request, appointment, file, values: raw.values, errors: WorkPage.errors(request, form.posted.problems),
                                                   status: .unprocessableEntity)
            }
            valid.apply(to: appointment, startsAt: startsAt)
            return try await store(request, actor, client, file, appointment, kind: .appointment, change: .moved, before: before,
                                   after: appointmentFields(appointment, timeZone), reason: raw.value("moveReason"), url: url) {
                try await renderAppointment(request, appointment, file, values: raw.values,
                                            errors: [FieldError(field: "appointmentDate", message: request.t("changeNothingChanged"))], status: .unprocessableEntity)
            }
        case "cancel":
            let reason = raw.value("cancelReason")
            if let refusal = RecordRevision.refusal(appointment: status, change: .cancelled, reason: reason) {
                return try await renderAppointment(request, appointment, file, values: raw.values,
                                                   errors: [FieldError(field: "cancelReason", message: request.t(RecordHistory.refusalKey(refusal)))],
                                                   status: .unprocessableEntity)
            }
            appointment.status = AppointmentStatus.cancelled.rawValue
            appointment.cancelReason = String(reason.prefix(1_000))
            return try await store(request, actor, client, file, appointment, kind: .appointment, change: .cancelled, before: before,
                                   after: appointmentFields(appointment, timeZone), reason: reason, url: url) { saved(request, url) }
        default:
            throw Abort(.badRequest, reason: request.t("changeUnknownAction"))
        }
    }

    // MARK: Milestones

    static func milestonePage(_ request: Request) async throws -> Response {
        let (milestone, file) = try await record(Milestone.self, "milestone", request, organisation: \.$organisationID, trajectory: \.$trajectory)
        return try await renderMilestone(request, milestone, file, values: [:], errors: [])
    }

    static func renderMilestone(_ request: Request, _ milestone: Milestone, _ file: ClientFile, values: [String: String], errors: [FieldError],
                                status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let id = try milestone.requireID()
        let make = FormFieldMaker(request: request, values: values, errors: errors.byField)
        let url = SiteURL.clientMilestone(.value(try file.client.requireID()), .value(id))
        let forms = milestone.takenBackOn != nil ? [] : [WorkBlock(id: "take-back", heading: request.t("milestoneTakeBackHeading"),
                                                                    text: request.t("milestoneTakeBackLead"), forms: form(
            request, id: "milestone-take-back-form", url: url, legend: request.t("milestoneTakeBackLegend"), fields: [
                make.field("takeBackReason", labelKey: "changeReason", kind: "textarea", optional: false),
            ], submitKey: "milestoneTakeBackSave", action: "take-back"))]
        var facts = [KeyValue(key: request.t("milestoneReachedOn"), value: WorkPage.date(milestone.reachedOn, language)),
                     KeyValue(key: request.t("milestoneCelebrated"), value: WorkPage.yesNo(milestone.celebrated, request))]
        if let takenBack = milestone.takenBackOn {
            facts.append(KeyValue(key: request.t("milestoneTakenBack"), value: "\(WorkPage.date(takenBack, language)): \(milestone.takeBackReason)"))
        }
        return try await render(request, file: file, recordID: id, titleKey: "milestoneRecordTitle", heading: milestone.title, facts: facts,
                                forms: forms, label: { _ in request.t("milestoneTakenBack") }, audit: "milestone.viewed", errors: errors, status: status)
    }

    static func saveMilestone(_ request: Request) async throws -> Response {
        let (actor, client, _, raw) = try await ClientWrite.begin(request)
        let (milestone, file) = try await record(Milestone.self, "milestone", request, organisation: \.$organisationID, trajectory: \.$trajectory)
        guard raw.value("action") == "take-back" else { throw Abort(.badRequest, reason: request.t("changeUnknownAction")) }
        let reason = raw.value("takeBackReason")
        if let refusal = RecordRevision.refusal(milestoneTakenBack: milestone.takenBackOn != nil, reason: reason) {
            return try await renderMilestone(request, milestone, file, values: raw.values,
                                             errors: [FieldError(field: "takeBackReason", message: request.t(RecordHistory.refusalKey(refusal)))],
                                             status: .unprocessableEntity)
        }
        let before = [("takenBack", "")]
        milestone.takenBackOn = request.today.description
        milestone.takeBackReason = String(reason.prefix(1_000))
        let url = SiteURL.clientMilestone(.value(try client.requireID()), .value(try milestone.requireID()))
        return try await store(request, actor, client, file, milestone, kind: .milestone, change: .takenBack, before: before,
                               after: [("takenBack", milestone.takenBackOn ?? "")], reason: reason, url: url) { saved(request, url) }
    }
}

extension SupportController {
    static func contactModes(_ selected: String, _ language: Language) -> [ChoiceOption] {
        ContactMode.allCases.map { mode in
            ChoiceOption(value: mode.rawValue, label: mode.title[language],
                         selected: (selected.isEmpty ? ContactMode.faceToFace.rawValue : selected) == mode.rawValue)
        }
    }
}
