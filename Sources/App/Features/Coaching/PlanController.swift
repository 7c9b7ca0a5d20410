import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The coaching plan (task 5): SMART goals with small steps, the roles of the client's network and
/// of the employer, the colleague who takes over support, and when client and employer agreed.
enum PlanController {
    static func page(_ request: Request) async throws -> Response {
        try await WorkPage.open(PlanPage.self, request)
    }

    static func save(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: PlanForm.self)
        var form = posted
        guard let valid = form.validate(today: request.today) else {
            return try await WorkPage.show(PlanPage.self, request, file: file, values: form.posted.values,
                                    errors: WorkPage.errors(request, form.posted.problems), status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        try await request.change { db in
            let plan = try await CoachingPlan.query(on: db).filter(\.$organisationID == actor.organisationID)
                .filter(\.$trajectory.$id == trajectoryID).first() ?? CoachingPlan()
            let isNew = plan.id == nil
            plan.organisationID = actor.organisationID
            plan.$trajectory.id = trajectoryID
            valid.apply(to: plan)
            try await plan.save(on: db)
            try await ClientAudit.record(on: db, request, actor, isNew ? "plan.created" : "plan.updated", client: client,
                                        details: ["trajectory": trajectoryID.uuidString])
        }
        return request.redirect(to: SiteURL.clientPlan(.value(try client.requireID())).path + "#plan")
    }

    /// The message for what keeps a goal from being SMART, by the problem's kind and field; a field
    /// `SmartGoal` does not name for that kind gets the message of the field it does name.
    static func goalProblemKey(_ problem: SmartGoalProblem) -> String {
        switch problem.kind {
        case .missing:
            switch problem.field {
            case "why": "goal_why_missing"
            case "target": "goal_target_missing"
            case "unit": "goal_unit_missing"
            case "dueOn": "goal_dueOn_missing"
            default: "goal_what_missing"
            }
        case .tooLong:
            switch problem.field {
            case "why": "goal_why_too-long"
            case "unit": "goal_unit_too-long"
            default: "goal_what_too-long"
            }
        case .notSpecific: "goal_what_not-specific"
        case .notMeasurable: "goal_target_not-measurable"
        case .notAgreed: "goal_agreedWithClient_not-agreed"
        case .notAfterPlan: "goal_dueOn_not-after-plan"
        case .tooFarAhead: "goal_dueOn_too-far-ahead"
        }
    }

    static func addGoal(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: GoalForm.self)
        var form = posted
        guard let valid = form.validate(today: request.today) else {
            return try await WorkPage.show(PlanPage.self, request, file: file, values: form.posted.values,
                                    errors: WorkPage.errors(request, form.posted.problems), status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        try await request.change { db in
            let row = CoachingGoal()
            row.organisationID = actor.organisationID
            row.$trajectory.id = trajectoryID
            valid.apply(to: row)
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
            guard goal.droppedOn == nil else { throw Abort(.conflict, reason: request.t("changeRefusedGoalDropped")) }
            goal.reachedOn = goal.reachedOn ?? today.description
            try await goal.update(on: db)
            try await ClientAudit.record(on: db, request, actor, "goal.reached", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "goal": goalID.uuidString])
        }
        return request.redirect(to: SiteURL.clientPlan(.value(try client.requireID())).path + "#goals")
    }
}
