import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Closing and aftercare (task 7): the closing evaluation with commissioner, employer and client,
/// the closing report and aftercare offer, and the follow-up checks at 3, 6 and 12 months.
enum ClosingController {
    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let file = try await ClientFile.load(try request.scopedClient, on: request)
        return try await render(request, actor: actor, file: file, values: [:], errors: [])
    }

    static func render(_ request: Request, actor: PracticeActor, file: ClientFile, values: [String: String], errors: [FieldError],
                       status: HTTPStatus = .ok) async throws -> Response {
        let coaching = try await CoachingFile.load(file, on: request.db)
        let language = request.language
        let client = file.client
        let clientID = try client.requireID()
        var closingValues = values
        if let closing = coaching.closing, values["closingOutcome"] == nil {
            closingValues["closingClosedOn"] = closing.closedOn
            closingValues["closingOutcome"] = closing.outcome
            closingValues["closingSummary"] = closing.summary
            closingValues["closingAftercare"] = closing.aftercareOffer
        }
        let make = FormFieldMaker(request: request, prefix: "", values: closingValues, errors: errors.byField)
        let evaluationMake = FormFieldMaker(request: request, prefix: "", values: values, errors: errors.byField)
        let closingEvaluations = coaching.evaluations.filter { $0.kind == "closing" }
        let evaluationTable = TableView(
            id: "closing-evaluations-table", caption: request.t("evaluationsCaption"),
            headers: [request.t("evaluationHeldOn"), request.t("evaluationWith"), request.t("evaluationOutcome")],
            rows: closingEvaluations.map { evaluation in
                [.init(text: WorkPage.date(evaluation.heldOn, language)), .init(text: SupportController.participants(evaluation, request)),
                 .init(text: evaluation.outcome)]
            }, empty: request.t("evaluationsNone"))

        var facts: [KeyValue] = []
        if let closing = coaching.closing {
            facts = [KeyValue(key: request.t("closingClosedOn"), value: WorkPage.date(closing.closedOn, language)),
                     KeyValue(key: request.t("closingOutcome"), value: ClosingOutcome(rawValue: closing.outcome)?.title[language] ?? closing.outcome),
                     KeyValue(key: request.t("closingSummary"), value: closing.summary),
                     KeyValue(key: request.t("closingAftercare"), value: closing.aftercareOffer.isEmpty ? request.t("notFilledIn") : closing.aftercareOffer)]
        }
        let outcomes = [ChoiceOption(value: "", label: request.t("chooseOne"), selected: (closingValues["closingOutcome"] ?? "").isEmpty)]
            + ClosingOutcome.allCases.map { ChoiceOption(value: $0.rawValue, label: $0.title[language], selected: closingValues["closingOutcome"] == $0.rawValue) }

        // Follow-ups: the schedule from the placement's start, each check's state, and what was found.
        let placedOn = (file.activePlacement ?? file.placements.first).flatMap { CalendarDate($0.startOn) }
        var followUpBlock = WorkBlock(id: "follow-ups", heading: request.t("followUpsHeading"), text: request.t("followUpsLead"))
        if let placedOn {
            let done = Dictionary(coaching.followUps.map { ($0.monthsAfter, $0) }, uniquingKeysWith: { first, _ in first })
            let states = FollowUpSchedule.states(placedOn: placedOn, done: Set(done.keys), on: request.today)
            followUpBlock.tables = [TableView(
                id: "follow-ups-table", caption: request.t("followUpsCaption"),
                headers: [request.t("followUpCheck"), request.t("followUpDueOn"), request.t("followUpState"), request.t("followUpFound")],
                rows: states.map { state in
                    let months = state.check.monthsAfter
                    let stateText: String = switch state.kind {
                    case .done: request.t("followUpDone").replacingOccurrences(of: "{date}", with: WorkPage.date(done[months]?.heldOn ?? "", language))
                    case .overdue(let days): request.t("followUpOverdue").replacingOccurrences(of: "{days}", with: String(days))
                    case .dueSoon(let days): request.t("followUpDueSoon").replacingOccurrences(of: "{days}", with: String(days))
                    case .later: request.t("followUpLater")
                    }
                    return [.init(text: request.t("followUpAfter").replacingOccurrences(of: "{months}", with: String(months))),
                            .init(text: state.check.dueOn.text(in: language)), .init(text: stateText),
                            .init(text: done[months].map { Self.found($0, request) } ?? "")]
                }, empty: "")]
            let open = states.filter { $0.kind != .done }.map(\.check.monthsAfter)
            if !open.isEmpty {
                let fm = FormFieldMaker(request: request, prefix: "", values: values, errors: errors.byField)
                func answer(_ id: String) -> FormFieldView {
                    fm.field(id, kind: "select", optional: false, options: [("", request.t("chooseOne")), ("yes", request.t("yes")), ("no", request.t("no"))].map {
                        ChoiceOption(value: $0.0, label: $0.1, selected: (values[id] ?? "") == $0.0)
                    })
                }
                followUpBlock.forms = WorkPage.form(request, actor: actor, client: client, id: "follow-up-form", url: .clientFollowUps(.value(clientID)), sections: [
                    FormSectionView(legend: request.t("followUpNew"), fields: [
                        fm.field("followUpMonths", kind: "select", optional: false, options: open.map {
                            ChoiceOption(value: String($0), label: request.t("followUpAfter").replacingOccurrences(of: "{months}", with: String($0)),
                                         selected: values["followUpMonths"] == String($0))
                        }),
                        fm.field("followUpHeldOn", kind: "date", optional: false),
                        answer("followUpEmployed"), fm.field("followUpHours", inputMode: "decimal"),
                        answer("followUpSameEmployer"), answer("followUpSupportNeeded"),
                        fm.field("followUpNote", kind: "textarea"),
                    ]),
                ], submitKey: "followUpAdd")
            }
        } else {
            followUpBlock.text = request.t("followUpsNoPlacement")
        }

        let blocks = [
            WorkBlock(id: "closing-evaluation", heading: request.t("closingEvaluationHeading"), text: request.t("closingEvaluationLead"),
                      tables: [evaluationTable],
                      forms: WorkPage.form(request, actor: actor, client: client, id: "closing-evaluation-form", url: .clientEvaluations(.value(clientID)),
                                           sections: [SupportController.evaluationSection(request, make: evaluationMake, values: values, errors: errors, kind: "closing")],
                                           submitKey: "evaluationAdd", hidden: [KeyValue(key: "kind", value: "closing")])),
            WorkBlock(id: "closing", heading: request.t("closingHeading"), facts: facts,
                      forms: WorkPage.form(request, actor: actor, client: client, id: "closing-form", url: .clientClosing(.value(clientID)), sections: [
                          FormSectionView(legend: request.t("closingHeading"), fields: [
                              make.field("closingClosedOn", kind: "date", optional: false),
                              make.field("closingOutcome", kind: "select", optional: false, options: outcomes),
                              make.field("closingSummary", kind: "textarea", optional: false),
                              make.field("closingAftercare", kind: "textarea"),
                          ]),
                      ], submitKey: "save")),
            followUpBlock,
        ]
        return try await WorkPage.render(request, actor: actor, file: file, titleKey: "closingTitle", leadKey: "closingLead",
                                         audit: "closing.viewed", blocks: blocks, errors: errors, status: status)
    }

    static func found(_ check: FollowUpCheck, _ request: Request) -> String {
        var parts = [request.t(check.stillEmployed ? "followUpStillEmployed" : "followUpNotEmployed")]
        if let hours = check.hoursPerWeek {
            parts.append(request.t("followUpHoursText").replacingOccurrences(of: "{hours}", with: NumberText.format(hours, in: request.language)))
        }
        if check.stillEmployed { parts.append(request.t(check.sameEmployer ? "followUpSameEmployerText" : "followUpOtherEmployerText")) }
        parts.append(request.t(check.supportNeeded ? "followUpSupportNeededText" : "followUpNoSupportText"))
        if !check.note.isEmpty { parts.append(check.note) }
        return parts.joined(separator: "; ")
    }

    static func save(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request)
        var form = posted
        let closedOn = form.date("closingClosedOn", required: true)
        if let closedOn, closedOn > request.today { form.problem("closingClosedOn", "cpdInFuture") }
        let outcome = ClosingOutcome(rawValue: form.value("closingOutcome"))
        if outcome == nil { form.problem("closingOutcome", "closingOutcomeMissing") }
        _ = form.text("closingSummary", missing: "closingSummaryMissing", maxLength: 10_000)
        if form.value("closingAftercare").count > 5_000 { form.problem("closingAftercare", "formTooLong") }
        guard form.problems.isEmpty, let closedOn, let outcome else {
            return try await render(request, actor: actor, file: file, values: form.values, errors: WorkPage.errors(request, form.problems),
                                    status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let input = form
        try await request.change { db in
            let closing = try await Closing.query(on: db).filter(\.$organisationID == actor.organisationID)
                .filter(\.$trajectory.$id == trajectoryID).first() ?? Closing()
            closing.organisationID = actor.organisationID
            closing.$trajectory.id = trajectoryID
            closing.closedOn = closedOn.description
            closing.outcome = outcome.rawValue
            closing.summary = input.value("closingSummary")
            closing.aftercareOffer = input.value("closingAftercare")
            try await closing.save(on: db)
            try await ClientAudit.record(on: db, request, actor, "closing.saved", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "outcome": outcome.rawValue])
        }
        return request.redirect(to: SiteURL.clientClosing(.value(try client.requireID())).path + "#closing")
    }

    static func addFollowUp(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request)
        var form = posted
        let months = Int(form.value("followUpMonths"))
        if months == nil || !FollowUpSchedule.monthsAfterPlacement.contains(months!) { form.problem("followUpMonths", "followUpMonthsInvalid") }
        if file.placements.isEmpty { form.problem("followUpMonths", "followUpsNoPlacement") }
        let heldOn = form.date("followUpHeldOn", required: true)
        if let heldOn, heldOn > request.today { form.problem("followUpHeldOn", "cpdInFuture") }
        func answer(_ field: String) -> Bool? {
            switch form.value(field) {
            case "yes": return true
            case "no": return false
            default: form.problem(field, "followUpAnswerMissing"); return nil
            }
        }
        let employed = answer("followUpEmployed"), sameEmployer = answer("followUpSameEmployer"), support = answer("followUpSupportNeeded")
        let hours = form.amount("followUpHours")
        if let hours, hours > 60 { form.problem("followUpHours", "profileHoursRange") }
        if employed == true, hours == nil, form.value("followUpHours").isEmpty { form.problem("followUpHours", "followUpHoursMissing") }
        if form.value("followUpNote").count > 2_000 { form.problem("followUpNote", "formTooLong") }
        let trajectoryID = file.trajectoryID
        if let months, try await FollowUpCheck.query(on: request.db).filter(\.$organisationID == actor.organisationID)
            .filter(\.$trajectory.$id == trajectoryID).filter(\.$monthsAfter == months).first() != nil {
            form.problem("followUpMonths", "followUpAlreadyDone")
        }
        guard form.problems.isEmpty, let months, let heldOn, let employed, let sameEmployer, let support else {
            return try await render(request, actor: actor, file: file, values: form.values, errors: WorkPage.errors(request, form.problems),
                                    status: .unprocessableEntity)
        }
        let note = form.value("followUpNote")
        try await request.change { db in
            let check = FollowUpCheck()
            check.organisationID = actor.organisationID
            check.$trajectory.id = trajectoryID
            check.monthsAfter = months
            check.heldOn = heldOn.description
            check.stillEmployed = employed
            check.hoursPerWeek = employed ? hours : nil
            check.sameEmployer = employed && sameEmployer
            check.supportNeeded = support
            check.note = note
            check.createdBy = actor.userID
            try await check.create(on: db)
            try await ClientAudit.record(on: db, request, actor, "follow-up.recorded", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "months": String(months), "employed": String(employed)])
        }
        return request.redirect(to: SiteURL.clientClosing(.value(try client.requireID())).path + "#follow-ups")
    }
}
