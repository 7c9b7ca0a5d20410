import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The intake (task 1): the reason, question and motivation, the client's life world and network,
/// what is agreed about the trajectory, the code of conduct, and the follow-up.
enum IntakeController {
    static func page(_ request: Request) async throws -> Response {
        let file = try await ClientFile.load(try request.scopedClient, on: request)
        return try await render(request, file: file, form: IntakeForm(file.intake))
    }

    static func render(_ request: Request, file: ClientFile, form: IntakeForm, status: HTTPStatus = .ok) async throws -> Response {
        let actor = try request.practiceActor
        // Every showing of the record is a read, also when a refused change shows it again.
        try await ClientAudit.read(request, actor, "intake.viewed", client: file.client)
        let clientID = try file.client.requireID()
        let errors = form.posted.problems.fieldErrors(request)
        let make = FormFieldMaker(request: request, values: form.posted.values, errors: errors.byField)
        func field(_ field: IntakeForm.Field) -> FormFieldView {
            make.field(field.rawValue, labelKey: field.labelKey, hintKey: field.hintKey, kind: field == .heldOn ? "date" : "textarea",
                       optional: !field.isRequired)
        }
        var sections = IntakeForm.sections.map { section in
            FormSectionView(legend: request.t(section.legendKey), fields: section.fields.map(field))
        }
        let codeOfConduct = IntakeForm.Field.codeOfConduct.rawValue
        sections[sections.count - 1].singles = [CheckOption(name: codeOfConduct, id: codeOfConduct, label: request.t("intakeCodeOfConduct"),
                                                            hint: request.t("intakeCodeOfConductHint"),
                                                            checked: form.posted.isChecked(.codeOfConduct))]
        return try await ClientFormPageContext.render(request, actor: actor, file: file, titleKey: "intakeTitle", leadKey: "intakeLead",
                                                      formID: "intake-form", url: SiteURL.clientIntake(.value(clientID)).path,
                                                      sections: sections, errors: errors, status: status)
    }

    static func save(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        let file = try await ClientFile.load(client, on: request)
        var form = try request.content.decode(IntakeForm.self)
        guard let heldOn = form.validate(today: request.today) else {
            return try await render(request, file: file, form: form, status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let intake = file.intake ?? Intake()
        let isNew = file.intake == nil
        try await request.change { [form] db in
            intake.organisationID = actor.organisationID
            intake.$trajectory.id = trajectoryID
            form.apply(to: intake, heldOn: heldOn)
            try await intake.save(on: db)
            try await ClientAudit.record(on: db, request, actor, isNew ? "intake.created" : "intake.updated", client: client,
                                        details: ["trajectory": trajectoryID.uuidString])
        }
        return request.redirect(to: SiteURL.client(.value(try client.requireID())).path)
    }
}
