import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The register's recognised job coach trainings, for the officer: the list 003 gives (shipped as
/// data) and the recognitions officers added, with a form to add one. The eligibility engine reads
/// both; a diploma counts when its provider's training was recognised on the day it was obtained.
enum RecognitionController {
    static func page(_ request: Request) async throws -> Response {
        try await render(request, values: ["framework": "register-jobcoach"], errors: [])
    }

    static func render(_ request: Request, values: [String: String], errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let standard = request.standard
        let added = try await RecognitionRow.query(on: request.db).sort(\.$createdAt).all()
        func window(_ recognition: ProgrammeRecognition) -> String {
            recognition.from.text(in: language) + (recognition.until.map { " – " + $0.text(in: language) } ?? "")
        }
        func frameworkTitle(_ id: String) -> String { standard.frameworks.versions(of: id).last?.title[language] ?? id }
        var rows: [[TableView.Cell]] = standard.recognitions.map { recognition in
            [.init(text: recognition.provider), .init(text: frameworkTitle(recognition.framework)), .init(text: window(recognition)),
             .init(text: request.t("recognitionShipped"))]
        }
        rows += added.compactMap { row in
            row.recognition.map { recognition in
                [.init(text: recognition.provider), .init(text: frameworkTitle(recognition.framework)), .init(text: window(recognition)),
                 .init(text: request.t("recognitionAdded", ["date": row.createdAt.map { CalendarDate($0, in: request.application.configuration.timeZone).text(in: language) } ?? "",
                                                            "reason": row.reason]))]
            }
        }
        let table = TableView(id: "recognitions-table", caption: request.t("recognitionListCaption"),
                              headers: [request.t("recognitionProvider"), request.t("recognitionFramework"), request.t("recognitionPeriod"),
                                        request.t("recognitionSource")],
                              rows: rows, empty: request.t("recognitionNone"))
        let byField = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let make = FormFieldMaker(request: request, values: values, errors: byField)
        let frameworks = standard.frameworks.ids.filter { id in standard.frameworks.versions(of: id).contains { !$0.entryRequirements.isEmpty } }
        let programmes = [ChoiceOption(value: "", label: request.t("recognitionNoProgramme"), selected: (values["programme"] ?? "").isEmpty)]
            + standard.programmes.programmes.map { ChoiceOption(value: $0.id, label: $0.title[language], selected: values["programme"] == $0.id) }
        let form = FormView(id: "recognition-form", url: SiteURL.officeRecognitions.path, csrfToken: request.csrfToken, sections: [
            FormSectionView(legend: request.t("recognitionNew"), fields: [
                make.field("framework", labelKey: "recognitionFramework", kind: "select", optional: false,
                           options: frameworks.map { ChoiceOption(value: $0, label: frameworkTitle($0), selected: values["framework"] == $0) }),
                make.field("provider", labelKey: "recognitionProvider", hintKey: "recognitionProviderHint", optional: false),
                make.field("programme", labelKey: "recognitionProgramme", kind: "select", options: programmes),
                make.field("from", labelKey: "recognitionFrom", hintKey: "recognitionFromHint", kind: "date", optional: false),
                make.field("until", labelKey: "recognitionUntil", hintKey: "recognitionUntilHint", kind: "date"),
                make.field("reason", labelKey: "recognitionReason", hintKey: "recognitionReasonHint", kind: "textarea", optional: false),
            ]),
        ], submitLabel: request.t("recognitionSave"), readOnly: false)
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("recognitionTitle"), current: .officeRecognitions),
            heading: request.t("recognitionTitle"), subtitle: "", lead: request.t("recognitionLead"),
            backURL: SiteURL.office.path, backLabel: request.t("officeTitle"), notice: nil,
            blocks: [WorkBlock(id: "recognitions", heading: request.t("recognitionListTitle"), tables: [table]),
                     WorkBlock(id: "new-recognition", heading: request.t("recognitionNew"), forms: [form])],
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.work, context, status: status)
    }

    static func create(_ request: Request) async throws -> Response {
        let officer = try request.auth.require(User.self)
        let posted = try request.content.decode([String: String].self).filter { $0.key != "_csrf" }
            .mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let standard = request.standard
        var errors: [FieldError] = []
        let framework = posted["framework"] ?? ""
        if !standard.frameworks.contains(framework) { errors.append(FieldError(field: "framework", message: request.t("recognitionFrameworkProblem"))) }
        let provider = posted["provider"] ?? ""
        if provider.isEmpty || provider.count > 200 { errors.append(FieldError(field: "provider", message: request.t("recognitionProviderProblem"))) }
        let programme = (posted["programme"] ?? "").isEmpty ? nil : posted["programme"]
        if let programme, standard.programmes.programme(programme) == nil {
            errors.append(FieldError(field: "programme", message: request.t("recognitionProgrammeProblem")))
        }
        let from = CalendarDate(posted["from"] ?? "")
        if from == nil { errors.append(FieldError(field: "from", message: request.t("recognitionDateProblem"))) }
        var until: CalendarDate?
        if let text = posted["until"], !text.isEmpty {
            until = CalendarDate(text)
            if until == nil || (from.map { until! <= $0 } ?? false) {
                errors.append(FieldError(field: "until", message: request.t("recognitionUntilProblem")))
            }
        }
        let reason = posted["reason"] ?? ""
        if reason.isEmpty || reason.count > 2_000 { errors.append(FieldError(field: "reason", message: request.t("recognitionReasonProblem"))) }
        guard errors.isEmpty, let from else {
            return try await render(request, values: posted, errors: errors, status: .unprocessableEntity)
        }
        let recognition = ProgrammeRecognition(framework: framework, provider: provider, programme: programme, from: from, until: until)
        let row = RecognitionRow(recognition, reason: reason, recordedBy: try officer.requireID())
        let details = ["framework": framework, "provider": provider, "from": from.description, "until": recognition.until?.description ?? ""]
        try await request.change { db in
            try await row.create(on: db)
            try await AuditTrail(clock: request.clock).record(
                on: db, chain: .register, actor: officer.auditName, action: "register.recognition-added", subject: "recognition:\(row.id!.uuidString)",
                details: details)
        }
        return request.redirect(to: SiteURL.officeRecognitions.path)
    }
}
