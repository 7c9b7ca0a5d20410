import Fluent
import Foundation
import JobcoachCore
import Vapor

/// On-the-job support (task 6): the support log with progress per goal, evaluations that adjust the
/// plan, milestones celebrated with the client, and appointments the client sees on their own page.
enum SupportController {
    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let file = try await ClientFile.load(try request.scopedClient, on: request)
        return try await render(request, actor: actor, file: file, values: [:], errors: [])
    }

    static func render(_ request: Request, actor: PracticeActor, file: ClientFile, values: [String: String], errors: [FieldError],
                       status: HTTPStatus = .ok) async throws -> Response {
        let model = try await SupportPage.Model.load(file, actor: actor, on: request.db)
        let content = SupportPage.Content(model: model, request: request, actor: actor, values: values, errors: errors)
        return try await WorkPage.render(request, actor: actor, file: file, titleKey: "supportTitle", leadKey: "supportLead",
                                         audit: "support.viewed", blocks: try content.blocks, errors: errors, status: status)
    }

    static func participants(_ evaluation: Evaluation, _ request: Request) -> String {
        var names: [String] = []
        if evaluation.withClient { names.append(request.t("evaluationWithClient")) }
        if evaluation.withEmployer { names.append(request.t("evaluationWithEmployer")) }
        if evaluation.withCommissioner { names.append(request.t("evaluationWithCommissioner")) }
        return names.joined(separator: ", ")
    }

    /// The evaluation form's fields; the closing page uses it too, with kind "closing".
    static func evaluationSection(_ request: Request, make: FormFieldMaker, values: [String: String], errors: [FieldError],
                                  kind: String) -> FormSectionView {
        FormSectionView(legend: request.t("evaluationNew_\(kind)"), fields: [
            make.field("evaluationHeldOn", kind: "date", optional: false),
            make.field("evaluationOutcome", kind: "textarea", optional: false),
            make.field("evaluationPlanChanges", kind: "textarea"),
        ], checkGroups: [
            CheckGroupView(id: "evaluationWith", legend: request.t("evaluationWith"), hint: request.t("evaluationWithHint_\(kind)"),
                           error: errors.byField["evaluationWith"], options: ["Client", "Employer", "Commissioner"].map { who in
                               CheckOption(name: "evaluationWith\(who)", id: "evaluationWith\(who)", label: request.t("evaluationWith\(who)"),
                                           hint: "", checked: values["evaluationWith\(who)"] == "yes")
                           }),
        ])
    }

    static func addEntry(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request)
        var form = posted
        let heldOn = form.date("supportHeldOn", required: true)
        if let heldOn, heldOn > request.today { form.problem("supportHeldOn", "cpdInFuture") }
        let minutes = Int(form.value("supportMinutes"))
        if form.value("supportMinutes").isEmpty { form.problem("supportMinutes", "supportMinutesMissing") }
        else if CoachingDuration.supportEntry.problem(minutes: minutes) != nil { form.problem("supportMinutes", "supportMinutesInvalid") }
        let party = SupportParty(rawValue: form.value("supportWithWhom"))
        if party == nil { form.problem("supportWithWhom", "supportWithWhomMissing") }
        if form.value("supportLocation").count > 200 { form.problem("supportLocation", "formTooLong") }
        _ = form.text("supportNotes", missing: "supportNotesMissing", maxLength: 5_000)
        let goals = try await CoachingGoal.query(on: request.db).filter(\.$organisationID == actor.organisationID)
            .filter(\.$trajectory.$id == file.trajectoryID).all()
        var progress: [String: String] = [:]
        for (key, text) in form.values where key.hasPrefix("progress.") && !text.isEmpty {
            let id = String(key.dropFirst("progress.".count))
            guard let goalID = UUID(uuidString: id), goals.contains(where: { $0.id == goalID }) else {
                form.problem(key, "supportGoalUnknown"); continue
            }
            if text.count > 2_000 { form.problem(key, "formTooLong") }
            progress[goalID.uuidString] = text
        }
        guard form.problems.isEmpty, let heldOn, let minutes, let party else {
            return try await render(request, actor: actor, file: file, values: form.values, errors: WorkPage.errors(request, form.problems),
                                    status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let input = form
        let progressJSON = try ApplicationSnapshot.encode(progress)
        let entry = SupportEntry()
        entry.organisationID = actor.organisationID
        entry.$trajectory.id = trajectoryID
        entry.heldOn = heldOn.description
        entry.minutes = minutes
        entry.withWhom = party.rawValue
        entry.location = input.value("supportLocation")
        entry.notes = input.value("supportNotes")
        entry.progress = progressJSON
        entry.createdBy = actor.userID
        try await ClientAudit.create(entry, request, actor, "support.logged", client: client,
                                     details: ["trajectory": trajectoryID.uuidString, "minutes": String(minutes)])
        return request.redirect(to: SiteURL.clientSupport(.value(try client.requireID())).path + "#log")
    }

    static func addMilestone(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request)
        var form = posted
        let title = form.text("milestoneTitle", missing: "milestoneTitleMissing", maxLength: 300)
        let reachedOn = form.date("milestoneReachedOn", required: true)
        if let reachedOn, reachedOn > request.today { form.problem("milestoneReachedOn", "cpdInFuture") }
        guard form.problems.isEmpty, let title, let reachedOn else {
            return try await render(request, actor: actor, file: file, values: form.values, errors: WorkPage.errors(request, form.problems),
                                    status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let celebrated = form.value("milestoneCelebrated") == "yes"
        let milestone = Milestone()
        milestone.organisationID = actor.organisationID
        milestone.$trajectory.id = trajectoryID
        milestone.title = title
        milestone.reachedOn = reachedOn.description
        milestone.celebrated = celebrated
        try await ClientAudit.create(milestone, request, actor, "milestone.recorded", client: client,
                                     details: ["trajectory": trajectoryID.uuidString, "celebrated": String(celebrated)])
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
        let (actor, client, file, posted) = try await ClientWrite.begin(request)
        var form = posted
        let kind = EvaluationKind(rawValue: form.value("kind")) ?? .interim
        let heldOn = form.date("evaluationHeldOn", required: true)
        if let heldOn, heldOn > request.today { form.problem("evaluationHeldOn", "cpdInFuture") }
        _ = form.text("evaluationOutcome", missing: "evaluationOutcomeMissing", maxLength: 5_000)
        if form.value("evaluationPlanChanges").count > 5_000 { form.problem("evaluationPlanChanges", "formTooLong") }
        let withClient = form.value("evaluationWithClient") == "yes"
        let withEmployer = form.value("evaluationWithEmployer") == "yes"
        let withCommissioner = form.value("evaluationWithCommissioner") == "yes"
        switch kind.absence(client: withClient, employer: withEmployer, commissioner: withCommissioner) {
        case .client: form.problem("evaluationWith", "evaluationWithoutClient")
        case .closingParties: form.problem("evaluationWith", "evaluationClosingParties")
        case nil: break
        }
        guard form.problems.isEmpty, let heldOn else {
            let errors = WorkPage.errors(request, form.problems)
            if kind == .closing {
                return try await ClosingController.render(request, actor: actor, file: file, values: form.values, errors: errors, status: .unprocessableEntity)
            }
            return try await render(request, actor: actor, file: file, values: form.values, errors: errors, status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let input = form
        let evaluation = Evaluation()
        evaluation.organisationID = actor.organisationID
        evaluation.$trajectory.id = trajectoryID
        evaluation.heldOn = heldOn.description
        evaluation.kind = kind.rawValue
        evaluation.withClient = withClient
        evaluation.withEmployer = withEmployer
        evaluation.withCommissioner = withCommissioner
        evaluation.outcome = input.value("evaluationOutcome")
        evaluation.planChanges = input.value("evaluationPlanChanges")
        evaluation.createdBy = actor.userID
        try await ClientAudit.create(evaluation, request, actor, "evaluation.recorded", client: client,
                                     details: ["trajectory": trajectoryID.uuidString, "kind": kind.rawValue])
        let clientID = try client.requireID()
        return request.redirect(to: kind == .closing ? SiteURL.clientClosing(.value(clientID)).path + "#closing-evaluation"
                                                      : SiteURL.clientSupport(.value(clientID)).path + "#evaluations")
    }

    static func addAppointment(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request)
        var form = posted
        let date = form.date("appointmentDate", required: true)
        let time = form.value("appointmentTime")
        let parts = time.split(separator: ":").compactMap { Int($0) }
        if time.isEmpty { form.problem("appointmentTime", "appointmentTimeMissing") }
        else if parts.count != 2 || !(0..<24).contains(parts[0]) || !(0..<60).contains(parts[1]) { form.problem("appointmentTime", "appointmentTimeInvalid") }
        let minutes = Int(form.value("appointmentMinutes"))
        if CoachingDuration.appointment.problem(minutes: minutes) != nil { form.problem("appointmentMinutes", "supportMinutesInvalid") }
        let location = form.text("appointmentLocation", missing: "appointmentLocationMissing", maxLength: 200)
        let topic = form.text("appointmentTopic", missing: "appointmentTopicMissing", maxLength: 300)
        guard form.problems.isEmpty, let date, let minutes, let location, let topic, parts.count == 2 else {
            return try await render(request, actor: actor, file: file, values: form.values, errors: WorkPage.errors(request, form.problems),
                                    status: .unprocessableEntity)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = request.application.configuration.timeZone
        guard let startsAt = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: parts[0], minute: parts[1])) else {
            throw Abort(.unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let appointment = Appointment()
        appointment.organisationID = actor.organisationID
        appointment.$trajectory.id = trajectoryID
        appointment.startsAt = startsAt
        appointment.minutes = minutes
        appointment.location = location
        appointment.topic = topic
        try await ClientAudit.create(appointment, request, actor, "appointment.created", client: client,
                                     details: ["trajectory": trajectoryID.uuidString])
        return request.redirect(to: SiteURL.clientSupport(.value(try client.requireID())).path + "#appointments")
    }
}
