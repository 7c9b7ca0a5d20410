import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The intake (task 1): the reason, question and motivation, the client's life world and network,
/// what is agreed about the trajectory, the code of conduct, and the follow-up; and what was known
/// at intake that outcomes are compared by (`IntakeFactorsRow`, one per trajectory).
enum IntakeController {
    static func page(_ request: Request) async throws -> Response {
        let file = try await ClientFile.load(try request.scopedClient, on: request)
        let factors = try await factorsRow(of: file, on: request.db)
        return try await render(request, file: file, form: IntakeForm(file.intake, factors: factors))
    }

    /// The trajectory's outcome factors, when recorded.
    static func factorsRow(of file: ClientFile, on database: any Database) async throws -> IntakeFactorsRow? {
        try await IntakeFactorsRow.query(on: database)
            .filter(\.$organisationID == file.client.organisationID).filter(\.$trajectory.$id == file.trajectoryID).first()
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
        sections.append(factorsSection(request, form: form, errors: errors.byField))
        return try await ClientFormPageContext.render(request, actor: actor, file: file, titleKey: "intakeTitle", leadKey: "intakeLead",
                                                      formID: "intake-form", url: SiteURL.clientIntake(.value(clientID)).path,
                                                      sections: sections, errors: errors, status: status)
    }

    /// The section of the outcome factors: the target groups, the support need with the definitions
    /// of its levels, months out of work, employed at intake, work experience and payment group.
    static func factorsSection(_ request: Request, form: IntakeForm, errors: [String: String]) -> FormSectionView {
        let language = request.language
        let words = request.standard.outcomeWords
        let values = form.values
        /// A select; its value is the label chosen, which the read-only page shows (the form shows the options).
        func choice(_ field: IntakeForm.Field, _ choices: [(value: String, label: String)], hint: String? = nil) -> FormFieldView {
            let selected = values[field.rawValue] ?? ""
            let options = choices.map { ChoiceOption(value: $0.value, label: $0.label, selected: $0.value == selected) }
            let shown = options.first { $0.selected && !$0.value.isEmpty }?.label ?? ""
            return FormFieldView(id: field.rawValue, label: request.t(field.labelKey), hint: hint ?? field.hintKey.map { request.t($0) } ?? "",
                                 value: shown, error: errors[field.rawValue], kind: "select", optional: true, options: options)
        }
        let make = FormFieldMaker(request: request, values: values, errors: errors)
        let notKnown = request.t("intakeNotKnown")
        let needs: [(value: String, label: String)] = SupportNeed.allCases.map { need in
            (value: need.rawValue, label: words.supportNeeds[need]?.label[language] ?? need.rawValue)
        }
        let definitions = SupportNeed.allCases.compactMap { need in
            words.supportNeeds[need].map { "\($0.label[language]): \($0.definition[language])" }
        }.joined(separator: " ")
        let yes = request.t("yes"), no = request.t("no")
        let fields = [
            choice(.supportNeed, [(value: "", label: notKnown)] + needs, hint: definitions),
            make.field(IntakeForm.Field.monthsOutOfWork.rawValue, labelKey: IntakeForm.Field.monthsOutOfWork.labelKey,
                       hintKey: IntakeForm.Field.monthsOutOfWork.hintKey, inputMode: "numeric"),
            choice(.employedAtIntake, [(value: "no", label: no), (value: "yes", label: yes)]),
            choice(.workExperience, [(value: "", label: notKnown), (value: "yes", label: yes), (value: "no", label: no)]),
            make.field(IntakeForm.Field.paymentGroup.rawValue, labelKey: IntakeForm.Field.paymentGroup.labelKey,
                       hintKey: IntakeForm.Field.paymentGroup.hintKey),
        ]
        let ticked = Set(form.tickedGroups)
        let groups = TargetGroup.allCases.map { group in
            CheckOption(name: CheckGroups<IntakeForm.Group>.name(.targetGroup, group.rawValue), id: "targetGroup-\(group.rawValue)",
                        label: words.targetGroups[group]?[language] ?? group.rawValue, hint: "", checked: ticked.contains(group))
        }
        return FormSectionView(legend: request.t("intakeOutcomeFactors"), hint: request.t("intakeOutcomeFactorsHint"), fields: fields,
                               checkGroups: [CheckGroupView(id: "targetGroups", legend: request.t("intakeTargetGroups"),
                                                            hint: request.t("intakeTargetGroupsHint"), error: nil, options: groups)])
    }

    static func save(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        let file = try await ClientFile.load(client, on: request)
        var form = try request.content.decode(IntakeForm.self)
        guard let valid = form.validate(today: request.today) else {
            return try await render(request, file: file, form: form, status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let intake = file.intake ?? Intake()
        let isNew = file.intake == nil
        // The age in whole years on the day of the intake, kept as a number (it outlasts an erased date of birth).
        let age = client.dateOfBirth.flatMap { CalendarDate($0) }.map { CalendarDate.wholeYears(from: $0, to: valid.heldOn) }
        let ageAtIntake = age.flatMap { $0 >= 0 ? $0 : nil }
        try await request.change { [form] db in
            intake.organisationID = actor.organisationID
            intake.$trajectory.id = trajectoryID
            form.apply(to: intake, heldOn: valid.heldOn)
            try await intake.save(on: db)
            let factors = try await IntakeFactorsRow.query(on: db).filter(\.$organisationID == actor.organisationID)
                .filter(\.$trajectory.$id == trajectoryID).first() ?? IntakeFactorsRow()
            factors.organisationID = actor.organisationID
            factors.$trajectory.id = trajectoryID
            valid.factors.apply(to: factors, ageAtIntake: ageAtIntake)
            try await factors.save(on: db)
            try await ClientAudit.record(on: db, request, actor, isNew ? "intake.created" : "intake.updated", client: client,
                                        details: ["trajectory": trajectoryID.uuidString])
        }
        return request.redirect(to: SiteURL.client(.value(try client.requireID())).path)
    }
}
