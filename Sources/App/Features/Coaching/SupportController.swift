import Fluent
import Foundation
import JobcoachCore
import Vapor

/// On-the-job support (task 6): the support log with progress per goal, evaluations that adjust the
/// plan, milestones celebrated with the client, and appointments the client sees on their own page.
enum SupportController {
    static func page(_ request: Request) async throws -> Response {
        try await WorkPage.open(SupportPage.self, request)
    }

    static func participants(_ evaluation: Evaluation, _ request: Request) -> String {
        var names: [String] = []
        if evaluation.withClient { names.append(request.t("evaluationWithClient")) }
        if evaluation.withEmployer { names.append(request.t("evaluationWithEmployer")) }
        if evaluation.withCommissioner { names.append(request.t("evaluationWithCommissioner")) }
        return names.joined(separator: ", ")
    }

    /// The evaluation form's fields; the closing page uses it too, with kind `.closing`.
    static func evaluationSection(_ request: Request, make: FormFieldMaker, values: [String: String], errors: [FieldError],
                                  kind: EvaluationKind) -> FormSectionView {
        let presence = EvaluationForm.Field.presence.rawValue
        return FormSectionView(legend: kind.formHeading(request), fields: [
            make.field(EvaluationForm.Field.heldOn.rawValue, labelKey: "evaluationHeldOn", kind: "date", optional: false),
            make.field(EvaluationForm.Field.outcome.rawValue, labelKey: "evaluationOutcome", kind: "textarea", optional: false),
            make.field(EvaluationForm.Field.planChanges.rawValue, labelKey: "evaluationPlanChanges", kind: "textarea"),
        ], checkGroups: [
            CheckGroupView(id: presence, legend: request.t("evaluationWith"), hint: kind.presenceHint(request),
                           error: errors.byField[presence], options: [
                               (EvaluationForm.Field.client.rawValue, request.t("evaluationWithClient")),
                               (EvaluationForm.Field.employer.rawValue, request.t("evaluationWithEmployer")),
                               (EvaluationForm.Field.commissioner.rawValue, request.t("evaluationWithCommissioner")),
                           ].map { id, label in
                               CheckOption(name: id, id: id, label: label, hint: "", checked: values[id] == "yes")
                           }),
        ])
    }

    static func addEntry(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: SupportEntryForm.self)
        var form = posted
        let goals = try await CoachingGoal.query(on: request.db).filter(\.$organisationID == actor.organisationID)
            .filter(\.$trajectory.$id == file.trajectoryID).all()
        guard let valid = form.validate(today: request.today, goalIDs: goals.compactMap(\.id)) else {
            return try await WorkPage.show(SupportPage.self, request, file: file, values: form.values, errors: WorkPage.errors(request, form.problems),
                                    status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let entry = SupportEntry()
        entry.organisationID = actor.organisationID
        entry.$trajectory.id = trajectoryID
        try valid.apply(to: entry)
        entry.createdBy = actor.userID
        try await ClientAudit.create(entry, request, actor, "support.logged", client: client,
                                     details: ["trajectory": trajectoryID.uuidString, "minutes": String(valid.minutes)])
        return request.redirect(to: SiteURL.clientSupport(.value(try client.requireID())).path + "#log")
    }

    static func addMilestone(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: MilestoneForm.self)
        var form = posted
        guard let valid = form.validate(today: request.today) else {
            return try await WorkPage.show(SupportPage.self, request, file: file, values: form.posted.values,
                                    errors: WorkPage.errors(request, form.posted.problems), status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let milestone = Milestone()
        milestone.organisationID = actor.organisationID
        milestone.$trajectory.id = trajectoryID
        valid.apply(to: milestone)
        try await ClientAudit.create(milestone, request, actor, "milestone.recorded", client: client,
                                     details: ["trajectory": trajectoryID.uuidString, "celebrated": String(valid.celebrated)])
        return request.redirect(to: SiteURL.clientSupport(.value(try client.requireID())).path + "#milestones")
    }

    static func celebrated(_ request: Request) async throws -> Response {
        let (actor, client, file, _) = try await ClientWrite.begin(request)
        guard let id = request.parameters.get("milestone", as: UUID.self),
              let milestone = try await Milestone.query(on: request.db).filter(\.$id == id)
                .filter(\.$organisationID == actor.organisationID).filter(\.$trajectory.$id == file.trajectoryID).first()
        else { throw Abort(.notFound) }
        let trajectoryID = file.trajectoryID
        try await request.change { db in
            milestone.celebrated = true
            try await milestone.update(on: db)
            try await ClientAudit.record(on: db, request, actor, "milestone.celebrated", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "milestone": id.uuidString])
        }
        return request.redirect(to: SiteURL.clientSupport(.value(try client.requireID())).path + "#milestones")
    }

    static func addEvaluation(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: EvaluationForm.self)
        var form = posted
        guard let valid = form.validate(today: request.today) else {
            let errors = WorkPage.errors(request, form.posted.problems)
            if form.kind == .closing {
                return try await WorkPage.show(ClosingPage.self, request, file: file, values: form.posted.values, errors: errors,
                                                          status: .unprocessableEntity)
            }
            return try await WorkPage.show(SupportPage.self, request, file: file, values: form.posted.values, errors: errors, status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let evaluation = Evaluation()
        evaluation.organisationID = actor.organisationID
        evaluation.$trajectory.id = trajectoryID
        valid.apply(to: evaluation)
        evaluation.createdBy = actor.userID
        try await ClientAudit.create(evaluation, request, actor, "evaluation.recorded", client: client,
                                     details: ["trajectory": trajectoryID.uuidString, "kind": valid.kind.rawValue])
        let clientID = try client.requireID()
        return request.redirect(to: valid.kind == .closing ? SiteURL.clientClosing(.value(clientID)).path + "#closing-evaluation"
                                                            : SiteURL.clientSupport(.value(clientID)).path + "#evaluations")
    }

    static func addAppointment(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: AppointmentForm.self)
        var form = posted
        guard let valid = form.validate() else {
            return try await WorkPage.show(SupportPage.self, request, file: file, values: form.posted.values,
                                    errors: WorkPage.errors(request, form.posted.problems), status: .unprocessableEntity)
        }
        guard let startsAt = valid.startsAt(in: request.application.configuration.timeZone) else {
            throw Abort(.unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let appointment = Appointment()
        appointment.organisationID = actor.organisationID
        appointment.$trajectory.id = trajectoryID
        valid.apply(to: appointment, startsAt: startsAt)
        try await ClientAudit.create(appointment, request, actor, "appointment.created", client: client,
                                     details: ["trajectory": trajectoryID.uuidString])
        return request.redirect(to: SiteURL.clientSupport(.value(try client.requireID())).path + "#appointments")
    }
}
