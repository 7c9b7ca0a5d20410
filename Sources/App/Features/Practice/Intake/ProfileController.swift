import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The employee profile (task 2): who the client is as an employee, what they need to work lastingly,
/// the goals and plan of approach agreed with them, and what matching reads: desired occupations
/// (ESCO), hours, home and travel distance, needs and what they cannot work with.
enum ProfileController {
    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        let file = try await ClientFile.load(client, on: request)
        return try await render(request, actor: actor, file: file, form: ProfileForm(file.profile, standard: request.standard))
    }

    static func render(_ request: Request, actor: PracticeActor, file: ClientFile, form: ProfileForm,
                       status: HTTPStatus = .ok) async throws -> Response {
        // Every showing of the record is a read, also when a refused change shows it again.
        try await ClientAudit.read(request, actor, "profile.viewed", client: file.client)
        let language = request.language
        let clientID = try file.client.requireID()
        let values = form.values
        let errors = form.posted.problems.fieldErrors(request) + form.occupationErrors(request)
        let byField = errors.byField
        let make = FormFieldMaker(request: request, values: values, errors: byField)
        func input(_ field: ProfileForm.Field, kind: String = "text", options: [ChoiceOption] = [], inputMode: String = "") -> FormFieldView {
            make.field(field.rawValue, labelKey: field.labelKey, hintKey: field.hintKey, kind: kind, options: options, inputMode: inputMode)
        }
        func area(_ field: ProfileForm.Field) -> FormFieldView { input(field, kind: "textarea") }
        func number(_ field: ProfileForm.Field) -> FormFieldView { input(field, inputMode: "decimal") }
        let vocabulary = request.standard.conditions
        func checks(_ group: ProfileForm.Group) -> [CheckOption] {
            let prefix = group.rawValue
            let checked = Set(values.keys.filter { $0.hasPrefix(prefix + ".") && values[$0] == "yes" }.map { String($0.dropFirst(prefix.count + 1)) })
            return PracticeOptions.conditions(vocabulary, use: group.use, prefix: prefix, checked: checked, language: language)
        }
        let sections = [
            FormSectionView(legend: request.t("profileWho"), fields: [ProfileForm.Field.motivators, .values, .skills, .interests, .wishes, .learningStyle].map(area)),
            FormSectionView(legend: request.t("profileNeedsSection"), fields: [ProfileForm.Field.attentionPoints, .limitations, .possibilities, .lastingParticipation].map(area)),
            FormSectionView(legend: request.t("profilePlan"), fields: [area(.goals), area(.planOfApproach), input(.agreedOn, kind: "date")]),
            FormSectionView(legend: request.t("profileMatching"), hint: request.t("profileMatchingHint"), fields: [
                area(.desiredOccupations), number(.hoursMin), number(.hoursMax),
                input(.homePlace, kind: "place",
                      options: PracticeOptions.places(request.standard.places, selected: form.posted[.homePlace], language: language)),
                number(.homeLat), number(.homeLon), number(.maxTravelKm),
            ], checkGroups: [
                CheckGroupView(id: "needs", legend: request.t("profileNeeds"), hint: request.t("profileNeedsHint"), error: byField["needs"], options: checks(.need)),
                CheckGroupView(id: "cannot", legend: request.t("profileCannot"), hint: request.t("profileCannotHint"), error: byField["cannot"], options: checks(.cannot)),
            ]),
        ]
        return try await ClientFormPageContext.render(request, actor: actor, file: file, titleKey: "profileTitle", leadKey: "profileLead",
                                                      formID: "profile-form", url: SiteURL.clientProfile(.value(clientID)).path,
                                                      sections: sections, errors: errors, status: status)
    }

    static func save(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: ProfileForm.self)
        var form = posted
        guard let valid = form.validate(today: request.today, standard: request.standard) else {
            return try await render(request, actor: actor, file: file, form: form, status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let profile = file.profile ?? EmployeeProfile()
        let isNew = file.profile == nil
        try await request.change { [form] db in
            profile.organisationID = actor.organisationID
            profile.$trajectory.id = trajectoryID
            form.apply(to: profile, valid)
            try await profile.save(on: db)
            try await ClientAudit.record(on: db, request, actor, isNew ? "profile.created" : "profile.updated", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "agreed": valid.agreedOn?.description ?? ""])
        }
        return request.redirect(to: SiteURL.client(.value(try client.requireID())).path)
    }
}
