import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The intake (task 1): the reason, question and motivation, the client's life world and network,
/// what is agreed about the trajectory, the code of conduct, and the follow-up.
enum IntakeController {
    static let textFields = ["reason", "question", "motivation", "lifeWorld", "socialNetwork", "professionalNetwork",
                             "agreedTrajectory", "expectations", "followUp"]
    static let required: Set<String> = ["heldOn", "reason", "question"]

    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        let file = try await ClientFile.load(client, on: request)
        return try await render(request, actor: actor, file: file, values: values(file.intake), problems: [])
    }

    static func values(_ intake: Intake?) -> [String: String] {
        guard let intake else { return [:] }
        return ["heldOn": intake.heldOn, "reason": intake.reason, "question": intake.question, "motivation": intake.motivation,
                "lifeWorld": intake.lifeWorld, "socialNetwork": intake.socialNetwork, "professionalNetwork": intake.professionalNetwork,
                "agreedTrajectory": intake.agreedTrajectory, "expectations": intake.expectations,
                "codeOfConduct": intake.codeOfConductDiscussed ? "yes" : "", "followUp": intake.followUp]
    }

    static func render(_ request: Request, actor: PracticeActor, file: ClientFile, values: [String: String], problems: [FormProblem],
                       status: HTTPStatus = .ok) async throws -> Response {
        // Every showing of the record is a read, also when a refused change shows it again.
        try await ClientAudit.read(request, actor, "intake.viewed", client: file.client)
        let clientID = try file.client.requireID()
        let errors = problems.map { FieldError(field: $0.field, message: request.t($0.messageKey)) }
        let make = FormFieldMaker(request: request, prefix: "intake", values: values, errors: errors.byField)
        func field(_ id: String, _ kind: String = "textarea") -> FormFieldView { make.field(id, kind: kind, optional: !required.contains(id)) }
        let sections = [
            FormSectionView(legend: request.t("intakeConversation"), fields: [field("heldOn", "date"), field("reason"), field("question"), field("motivation")]),
            FormSectionView(legend: request.t("intakeLifeWorldSection"), fields: [field("lifeWorld"), field("socialNetwork"), field("professionalNetwork")]),
            FormSectionView(legend: request.t("intakeAgreements"), fields: [field("agreedTrajectory"), field("expectations"), field("followUp")],
                            singles: [CheckOption(name: "codeOfConduct", id: "codeOfConduct", label: request.t("intakeCodeOfConduct"),
                                                  hint: request.t("intakeCodeOfConductHint"), checked: values["codeOfConduct"] == "yes")]),
        ]
        return try await ClientFormPageContext.render(request, actor: actor, file: file, titleKey: "intakeTitle", leadKey: "intakeLead",
                                                      formID: "intake-form", url: SiteURL.clientIntake(.value(clientID)).path,
                                                      sections: sections, errors: errors, status: status)
    }

    static func save(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request)
        var form = posted
        let heldOn = form.date("heldOn", required: true)
        if let heldOn, heldOn > request.today { form.problem("heldOn", "cpdInFuture") }
        if form.value("reason").isEmpty { form.problem("reason", "intakeReasonMissing") }
        if form.value("question").isEmpty { form.problem("question", "intakeQuestionMissing") }
        for field in textFields where form.value(field).count > 10_000 { form.problem(field, "formTooLong") }
        guard form.problems.isEmpty, let heldOn else {
            return try await render(request, actor: actor, file: file, values: form.values, problems: form.problems, status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let intake = file.intake ?? Intake()
        let isNew = file.intake == nil
        let input = form
        try await request.change { db in
            intake.organisationID = actor.organisationID
            intake.$trajectory.id = trajectoryID
            intake.heldOn = heldOn.description
            intake.reason = input.value("reason")
            intake.question = input.value("question")
            intake.motivation = input.value("motivation")
            intake.lifeWorld = input.value("lifeWorld")
            intake.socialNetwork = input.value("socialNetwork")
            intake.professionalNetwork = input.value("professionalNetwork")
            intake.agreedTrajectory = input.value("agreedTrajectory")
            intake.expectations = input.value("expectations")
            intake.codeOfConductDiscussed = input.value("codeOfConduct") == "yes"
            intake.followUp = input.value("followUp")
            try await intake.save(on: db)
            try await ClientAudit.record(on: db, request, actor, isNew ? "intake.created" : "intake.updated", client: client,
                                        details: ["trajectory": trajectoryID.uuidString])
        }
        return request.redirect(to: SiteURL.client(.value(try client.requireID())).path)
    }
}
