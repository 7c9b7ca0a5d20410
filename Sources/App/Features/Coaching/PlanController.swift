import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The coaching plan (task 5): SMART goals with small steps, the roles of the client's network and
/// of the employer, the colleague who takes over support, and when client and employer agreed.
enum PlanController {
    static let goalFields = ["what": "goalWhat", "why": "goalWhy", "target": "goalTarget", "unit": "goalUnit",
                             "agreedWithClient": "goalAgreed", "dueOn": "goalDueOn"]

    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let file = try await ClientFile.load(try request.scopedClient, on: request)
        return try await render(request, actor: actor, file: file, values: [:], errors: [])
    }

    static func render(_ request: Request, actor: PracticeActor, file: ClientFile, values: [String: String], errors: [FieldError],
                       status: HTTPStatus = .ok) async throws -> Response {
        let model = try await PlanPage.Model.load(file, actor: actor, on: request.db)
        let content = PlanPage.Content(model: model, request: request, actor: actor, values: values, errors: errors)
        return try await WorkPage.render(request, actor: actor, file: file, titleKey: "planTitle", leadKey: "planLead",
                                         audit: "plan.viewed", blocks: try content.blocks, errors: errors, status: status)
    }

    static func save(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request)
        var form = posted
        for field in ["planNetwork", "planEmployerRole"] where form.value(field).count > 5_000 { form.problem(field, "formTooLong") }
        if form.value("planColleague").count > 200 { form.problem("planColleague", "formTooLong") }
        let agreedClient = form.date("planAgreedClient", required: false)
        let agreedEmployer = form.date("planAgreedEmployer", required: false)
        for (field, date) in [("planAgreedClient", agreedClient), ("planAgreedEmployer", agreedEmployer)] {
            if let date, date > request.today { form.problem(field, "cpdInFuture") }
        }
        if agreedEmployer != nil, form.value("planColleague").isEmpty { form.problem("planColleague", "planColleagueMissing") }
        guard form.problems.isEmpty else {
            return try await render(request, actor: actor, file: file, values: form.values, errors: WorkPage.errors(request, form.problems),
                                    status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let input = form
        try await request.change { db in
            let plan = try await CoachingPlan.query(on: db).filter(\.$organisationID == actor.organisationID)
                .filter(\.$trajectory.$id == trajectoryID).first() ?? CoachingPlan()
            let isNew = plan.id == nil
            plan.organisationID = actor.organisationID
            plan.$trajectory.id = trajectoryID
            plan.networkRoles = input.value("planNetwork")
            plan.employerRole = input.value("planEmployerRole")
            plan.employerColleague = input.value("planColleague")
            plan.agreedWithClientOn = agreedClient?.description
            plan.agreedWithEmployerOn = agreedEmployer?.description
            try await plan.save(on: db)
            try await ClientAudit.record(on: db, request, actor, isNew ? "plan.created" : "plan.updated", client: client,
                                        details: ["trajectory": trajectoryID.uuidString])
        }
        return request.redirect(to: SiteURL.clientPlan(.value(try client.requireID())).path + "#plan")
    }

    static func addGoal(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request)
        var form = posted
        let target = form.amount("goalTarget")
        let due = form.date("goalDueOn", required: false)
        let goal = SmartGoal(what: form.value("goalWhat"), why: form.value("goalWhy"), target: target, unit: form.value("goalUnit"),
                             agreedWithClient: form.value("goalAgreed") == "yes", dueOn: due)
        let steps = PracticeMapping.lines(form.value("goalSteps"))
        if steps.count > 20 || steps.contains(where: { $0.count > 300 }) { form.problem("goalSteps", "goalStepsTooMany") }
        var problems = form.problems
        // A field that failed to read (a date or number that is not one) already has its message.
        for problem in goal.problems(plannedOn: request.today) {
            let field = goalFields[problem.field] ?? problem.field
            guard !problems.contains(where: { $0.field == field }) else { continue }
            problems.append(FormProblem(field: field, messageKey: "goal_\(problem.field)_\(problem.kind.rawValue)"))
        }
        guard problems.isEmpty, let target, let due else {
            return try await render(request, actor: actor, file: file, values: form.values, errors: WorkPage.errors(request, problems),
                                    status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        try await request.change { db in
            let row = CoachingGoal()
            row.organisationID = actor.organisationID
            row.$trajectory.id = trajectoryID
            row.what = goal.what.trimmingCharacters(in: .whitespacesAndNewlines)
            row.why = goal.why.trimmingCharacters(in: .whitespacesAndNewlines)
            row.target = target
            row.unit = goal.unit.trimmingCharacters(in: .whitespacesAndNewlines)
            row.dueOn = due.description
            row.agreedWithClient = true
            row.steps = steps.joined(separator: "\n")
            try await row.create(on: db)
            try await ClientAudit.record(on: db, request, actor, "goal.created", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "goal": try row.requireID().uuidString])
        }
        return request.redirect(to: SiteURL.clientPlan(.value(try client.requireID())).path + "#goals")
    }

    static func reached(_ request: Request) async throws -> Response {
        let (actor, client, file, _) = try await ClientWrite.begin(request)
        guard let goalID = request.parameters.get("goal", as: UUID.self),
              let goal = try await CoachingGoal.query(on: request.db).filter(\.$id == goalID)
                .filter(\.$organisationID == actor.organisationID).filter(\.$trajectory.$id == file.trajectoryID).first()
        else { throw Abort(.notFound) }
        let today = request.today
        let trajectoryID = file.trajectoryID
        try await request.change { db in
            goal.reachedOn = goal.reachedOn ?? today.description
            try await goal.update(on: db)
            try await ClientAudit.record(on: db, request, actor, "goal.reached", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "goal": goalID.uuidString])
        }
        return request.redirect(to: SiteURL.clientPlan(.value(try client.requireID())).path + "#goals")
    }
}
