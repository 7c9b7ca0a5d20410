import Fluent
import Foundation
import JobcoachCore
import Vapor

/// One goal of the plan: its values and history, and the coach's changes: edit the wording and
/// target, postpone with a new date and a reason, or drop it with a reason. A goal is never deleted.
enum GoalChangeController {
    static func goal(_ request: Request, _ actor: PracticeActor, _ file: ClientFile) async throws -> CoachingGoal {
        guard let id = request.parameters.get("goal", as: UUID.self),
              let goal = try await CoachingGoal.query(on: request.db).filter(\.$id == id)
                .filter(\.$organisationID == actor.organisationID).filter(\.$trajectory.$id == file.trajectoryID).first()
        else { throw Abort(.notFound) }
        return goal
    }

    static func page(_ request: Request) async throws -> Response {
        let client = try request.scopedClient
        let file = try await ClientFile.load(client, on: request)
        let goal = try await goal(request, try request.practiceActor, file)
        return try await render(request, file: file, goal: goal, values: [:], errors: [])
    }

    static func fields(_ goal: CoachingGoal) -> [(String, String)] {
        [("what", goal.what), ("why", goal.why), ("target", NumberText.format(goal.target, in: .en)), ("unit", goal.unit),
         ("dueOn", goal.dueOn), ("steps", goal.steps)]
    }

    static func label(_ field: String, _ request: Request) -> String {
        switch field {
        case "what": request.t("goalWhat")
        case "why": request.t("goalWhy")
        case "target": request.t("goalTarget")
        case "unit": request.t("goalUnit")
        case "dueOn": request.t("goalDueOn")
        default: request.t("goalSteps")
        }
    }

    static func render(_ request: Request, file: ClientFile, goal: CoachingGoal, values: [String: String], errors: [FieldError],
                       status: HTTPStatus = .ok) async throws -> Response {
        let actor = try request.practiceActor
        let language = request.language
        let clientID = try file.client.requireID()
        let goalID = try goal.requireID()
        let url = SiteURL.clientGoal(.value(clientID), .value(goalID))
        let state: String
        if let reached = goal.reachedOn { state = request.t("goalReachedOn", ["date": WorkPage.date(reached, language)]) }
        else if let dropped = goal.droppedOn { state = request.t("goalDroppedOn", ["date": WorkPage.date(dropped, language), "reason": goal.dropReason]) }
        else { state = request.t("goalOpen") }
        var now = WorkBlock(id: "goal", heading: goal.what, facts: [
            KeyValue(key: request.t("goalWhy"), value: goal.why),
            KeyValue(key: request.t("goalTarget"), value: "\(NumberText.format(goal.target, in: language)) \(goal.unit)"),
            KeyValue(key: request.t("goalDueOn"), value: WorkPage.date(goal.dueOn, language)),
            KeyValue(key: request.t("goalSteps"), value: goal.steps),
            KeyValue(key: request.t("goalState"), value: state),
        ])
        now.links = [LinkView(url: SiteURL.clientPlan(.value(clientID)).path + "#goals", label: request.t("goalBackToPlan"))]
        var blocks = [now]
        let open = goal.reachedOn == nil && goal.droppedOn == nil
        if open {
            let merged = fields(goal).reduce(into: [String: String]()) { $0["goal" + $1.0.prefix(1).uppercased() + $1.0.dropFirst()] = $1.1 }
                .merging(values) { $1 }
            let make = FormFieldMaker(request: request, values: merged, errors: errors.byField)
            blocks.append(WorkBlock(id: "edit", heading: request.t("goalEditHeading"), forms: WorkPage.form(
                request, actor: actor, client: file.client, id: "goal-edit-form", url: url, sections: [
                    FormSectionView(legend: request.t("goalEditLegend"), fields: [
                        make.field(GoalForm.Field.what.rawValue, labelKey: "goalWhat", hintKey: "goalWhatHint", optional: false),
                        make.field(GoalForm.Field.why.rawValue, labelKey: "goalWhy", kind: "textarea", optional: false),
                        make.field(GoalForm.Field.target.rawValue, labelKey: "goalTarget", optional: false, inputMode: "decimal"),
                        make.field(GoalForm.Field.unit.rawValue, labelKey: "goalUnit", optional: false),
                        make.field(GoalForm.Field.steps.rawValue, labelKey: "goalSteps", hintKey: "goalStepsHint", kind: "textarea"),
                        make.field("editReason", labelKey: "changeReason"),
                    ]),
                ], submitKey: "goalEditSave", hidden: [KeyValue(key: "action", value: "edit")])))
            blocks.append(WorkBlock(id: "postpone", heading: request.t("goalPostponeHeading"), forms: WorkPage.form(
                request, actor: actor, client: file.client, id: "goal-postpone-form", url: url, sections: [
                    FormSectionView(legend: request.t("goalPostponeLegend"), fields: [
                        make.field("postponeDueOn", labelKey: "goalPostponeDate", kind: "date", optional: false),
                        make.field("postponeReason", labelKey: "changeReason", kind: "textarea", optional: false),
                    ]),
                ], submitKey: "goalPostponeSave", hidden: [KeyValue(key: "action", value: "postpone")])))
            blocks.append(WorkBlock(id: "drop", heading: request.t("goalDropHeading"), text: request.t("goalDropLead"), forms: WorkPage.form(
                request, actor: actor, client: file.client, id: "goal-drop-form", url: url, sections: [
                    FormSectionView(legend: request.t("goalDropLegend"), fields: [
                        make.field("dropReason", labelKey: "changeReason", kind: "textarea", optional: false),
                    ]),
                ], submitKey: "goalDropSave", hidden: [KeyValue(key: "action", value: "drop")])))
        }
        let history = try await RecordHistory.changes(of: file.trajectoryID, organisationID: actor.organisationID, on: request.db)[goalID] ?? []
        let lines = RecordHistory.lines(history, request, label: { label($0, request) }, show: { field, value in
            field == "dueOn" ? WorkPage.date(value, language) : value
        })
        blocks.append(WorkBlock(id: "history", heading: request.t("changesHeading"), text: lines.isEmpty ? request.t("historyNone") : lines.joined(separator: "\n")))
        return try await WorkPage.render(request, actor: actor, file: file, titleKey: "goalChangeTitle", leadKey: "goalChangeLead",
                                         audit: "goal.viewed", blocks: blocks, errors: errors, status: status)
    }

    static func save(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: GoalForm.self)
        let goal = try await goal(request, actor, file)
        let form = FormFields(try request.content.decode([String: String].self))
        let action = form.value("action")
        let today = request.today
        let goalID = try goal.requireID()
        let state = RecordRevision.GoalState(dueOn: CalendarDate(goal.dueOn) ?? today, reached: goal.reachedOn != nil, dropped: goal.droppedOn != nil)
        let before = fields(goal)
        var errors: [FieldError] = []
        var change = RecordRevision.Change.edited
        var reason = ""
        var apply: (CoachingGoal) -> Void = { _ in }
        switch action {
        case "edit":
            var edit = posted
            // The due date is changed by postponing; the edit keeps it, and a goal already late can still be reworded.
            edit.posted.set(.dueOn, goal.dueOn)
            edit.posted.set(.agreed, "yes")
            let valid = edit.validate(today: min(today, state.dueOn.adding(days: -1)))
            errors = WorkPage.errors(request, edit.posted.problems)
            reason = form.value("editReason").trimmingCharacters(in: .whitespacesAndNewlines)
            if let valid { apply = { valid.apply(to: $0) } }
        case "postpone":
            change = .postponed
            let newDue = CalendarDate(form.value("postponeDueOn"))
            reason = form.value("postponeReason").trimmingCharacters(in: .whitespacesAndNewlines)
            if newDue == nil { errors.append(FieldError(field: "postponeDueOn", message: request.t("formDateMissing"))) }
            else if let refusal = RecordRevision.refusal(goal: state, change: .postponed, newDueOn: newDue, reason: reason) {
                errors.append(FieldError(field: refusal == .reasonMissing ? "postponeReason" : "postponeDueOn", message: request.t(RecordHistory.refusalKey(refusal))))
            }
            if let newDue { apply = { $0.dueOn = newDue.description } }
        case "drop":
            change = .dropped
            reason = form.value("dropReason").trimmingCharacters(in: .whitespacesAndNewlines)
            if let refusal = RecordRevision.refusal(goal: state, change: .dropped, reason: reason) {
                errors.append(FieldError(field: "dropReason", message: request.t(RecordHistory.refusalKey(refusal))))
            }
            apply = { $0.droppedOn = today.description; $0.dropReason = reason }
        default:
            throw Abort(.badRequest, reason: request.t("changeUnknownAction"))
        }
        if errors.isEmpty, action == "edit", let refusal = RecordRevision.refusal(goal: state, change: .edited) {
            errors.append(FieldError(field: GoalForm.Field.what.rawValue, message: request.t(RecordHistory.refusalKey(refusal))))
        }
        if reason.count > 1_000 { errors.append(FieldError(field: action + "Reason", message: request.t("formTooLong"))) }
        guard errors.isEmpty else {
            return try await render(request, file: file, goal: goal, values: form.values, errors: errors, status: .unprocessableEntity)
        }
        apply(goal)
        let after = Dictionary(fields(goal).map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        if change == .edited, RecordRevision.previousValues(before: before, after: after).isEmpty {
            return try await render(request, file: file, goal: goal, values: form.values,
                                    errors: [FieldError(field: GoalForm.Field.what.rawValue, message: request.t("changeNothingChanged"))],
                                    status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let finalChange = change, finalReason = reason
        try await request.change { db in
            try await goal.update(on: db)
            try await RecordHistory.record(on: db, request, actor, client: client, trajectoryID: trajectoryID, kind: .goal, recordID: goalID,
                                           change: finalChange, before: before, after: after, reason: finalReason)
        }
        return request.redirect(to: SiteURL.clientGoal(.value(try client.requireID()), .value(goalID)).path + "#history")
    }
}
