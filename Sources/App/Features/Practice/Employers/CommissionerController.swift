import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The agency's commissioners: the list and the form to add one.
enum CommissionerController {
    static func list(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        return try await render(request, actor: actor, values: [:], problems: [])
    }

    static func render(_ request: Request, actor: PracticeActor, values: [String: String], problems: [FormProblem],
                       status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let rows = try await Commissioner.query(on: request.db).filter(\.$organisationID == actor.organisationID).sort(\.$name).all()
        let errors = problems.fieldErrors(request)
        let make = FormFieldMaker(request: request, values: values, errors: errors.byField)
        let kinds = [ChoiceOption(value: "", label: request.t("chooseOne"), selected: (values["kind"] ?? "").isEmpty)]
            + CommissionerKind.allCases.map { ChoiceOption(value: $0.rawValue, label: $0.title[language], selected: values["kind"] == $0.rawValue) }
        let context = CommissionersContext(
            layout: Layout(request: request, title: request.t("commissionersTitle"), current: .commissioners),
            rows: rows.map { row in
                CommissionersContext.Row(name: row.name, kind: CommissionerKind(rawValue: row.kind)?.title[language] ?? row.kind,
                                         contact: [row.contactName, row.contactEmail, row.contactPhone].filter { !$0.isEmpty }.joined(separator: ", "))
            },
            form: FormView(id: "commissioner-form", url: SiteURL.commissioners.path, csrfToken: request.csrfToken, sections: [
                FormSectionView(legend: request.t("commissionerAdd"), fields: [
                    make.field("name", labelKey: "commissionerName", optional: false),
                    make.field("kind", labelKey: "commissionerKind", kind: "select", optional: false, options: kinds),
                    make.field("contactName", labelKey: "commissionerContactName"),
                    make.field("contactEmail", labelKey: "commissionerContactEmail", kind: "email"),
                    make.field("contactPhone", labelKey: "commissionerContactPhone", kind: "tel"),
                ]),
            ], submitLabel: request.t("add"), readOnly: false),
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.commissioners, context, status: status)
    }

    static func create(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        var form = try request.content.decode(CommissionerForm.self)
        guard let kind = form.validate() else {
            return try await render(request, actor: actor, values: form.posted.values, problems: form.posted.problems, status: .unprocessableEntity)
        }
        try await request.change { [form] db in
            let row = Commissioner()
            row.organisationID = actor.organisationID
            form.apply(to: row, kind: kind)
            try await row.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(actor.organisationID), actor: actor.user.auditName, action: "commissioner.created",
                                                              subject: "commissioner:\(try row.requireID().uuidString)",
                                                              details: ["organisation": actor.organisationID.uuidString])
        }
        return request.redirect(to: SiteURL.commissioners.path)
    }
}
