import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The coaching plan page (task 5): a model that loads the plan, its goals and the workplace the
/// plan starts from, and a content that shows the basis, the plan and the goals, each with its form.
enum PlanPage: ClientWorkPage {
    static let titleKey = "planTitle"
    static let leadKey = "planLead"
    static let auditAction = "plan.viewed"

    struct Model: WorkPageModel {
        let file: ClientFile
        let coaching: CoachingFile
        let canWork: Bool
        /// The workplace of the current placement, with its employer.
        let workplace: Workplace?

        static func load(_ file: ClientFile, _ input: WorkPageInput) async throws -> Model {
            let actor = input.actor, database = input.request.db
            var workplace: Workplace?
            if let placement = file.activePlacement {
                workplace = try await Workplace.query(on: database).filter(\.$id == placement.$workplace.id)
                    .filter(\.$organisationID == actor.organisationID).with(\.$employer).first()
            }
            return Model(file: file, coaching: try await CoachingFile.load(file, on: database), canWork: actor.canWork(on: file.client),
                         workplace: workplace)
        }
    }

    struct Content: WorkPageContent {
        let model: Model
        let input: WorkPageInput

        var blocks: [WorkBlock] {
            get throws { [basis, plan, try goals] }
        }

        /// The plan starts from the employee profile and the workplace: shown here, read-only.
        var basis: WorkBlock {
            var facts: [KeyValue] = []
            func add(_ label: String, _ value: String) { if !value.isEmpty { facts.append(KeyValue(key: label, value: value)) } }
            if let profile = model.file.profile {
                add(request.t("profileGoals"), profile.goals)
                add(request.t("profileLastingParticipation"), profile.lastingParticipation)
                add(request.t("profileLearningStyle"), profile.learningStyle)
            }
            if let placement = model.file.activePlacement, let workplace = model.workplace {
                add(request.t("planWorkplace"), "\(workplace.title), \(workplace.employer.name)")
                add(request.t("planWorkplaceTasks"), workplace.tasks)
                add(request.t("planAgreements"), placement.agreements)
            }
            return WorkBlock(id: "basis", heading: request.t("planBasis"), text: facts.isEmpty ? request.t("planBasisNone") : "", facts: facts)
        }

        /// The form shows the stored plan until a posted one is shown again.
        private var planValues: [String: String] {
            guard let plan = model.coaching.plan, values[PlanForm.Field.network.rawValue] == nil else { return values }
            return values.merging(PlanForm.values(plan)) { $1 }
        }

        var plan: WorkBlock {
            var facts: [KeyValue] = []
            if let plan = model.coaching.plan {
                func text(_ value: String) -> String { value.isEmpty ? request.t("notFilledIn") : value }
                func agreed(_ on: String?) -> String { on.map { WorkPage.date($0, language) } ?? request.t("planNotAgreed") }
                facts = [
                    KeyValue(key: request.t("planNetwork"), value: text(plan.networkRoles)),
                    KeyValue(key: request.t("planEmployerRole"), value: text(plan.employerRole)),
                    KeyValue(key: request.t("planColleague"), value: text(plan.employerColleague)),
                    KeyValue(key: request.t("planAgreedClient"), value: agreed(plan.agreedWithClientOn)),
                    KeyValue(key: request.t("planAgreedEmployer"), value: agreed(plan.agreedWithEmployerOn)),
                ]
            }
            let make = FormFieldMaker(request: request, values: planValues, errors: errors.byField)
            let sections = [
                FormSectionView(legend: request.t("planRoles"), fields: [
                    make.field(PlanForm.Field.network.rawValue, labelKey: "planNetwork", hintKey: "planNetworkHint", kind: "textarea"),
                    make.field(PlanForm.Field.employerRole.rawValue, labelKey: "planEmployerRole", kind: "textarea"),
                    make.field(PlanForm.Field.colleague.rawValue, labelKey: "planColleague", hintKey: "planColleagueHint"),
                ]),
                FormSectionView(legend: request.t("planAgreement"), fields: [
                    make.field(PlanForm.Field.agreedClient.rawValue, labelKey: "planAgreedClient", kind: "date"),
                    make.field(PlanForm.Field.agreedEmployer.rawValue, labelKey: "planAgreedEmployer", kind: "date"),
                ]),
            ]
            return WorkBlock(id: "plan", heading: request.t("planDetails"), facts: facts,
                             forms: form("plan-form", .clientPlan(.value(clientID)), sections, submitKey: "save"))
        }

        var goals: WorkBlock {
            get throws {
                let table = TableView(
                    id: "goals-table", caption: request.t("goalsCaption"),
                    headers: [request.t("goalWhat"), request.t("goalTarget"), request.t("goalDueOn"), request.t("goalSteps"), request.t("goalState")],
                    rows: try model.coaching.goals.map { goal in
                        [.init(text: goal.what, url: SiteURL.clientGoal(.value(clientID), .value(try goal.requireID())).path),
                         .init(text: "\(NumberText.format(goal.target, in: language)) \(goal.unit)"),
                         .init(text: WorkPage.date(goal.dueOn, language)), .init(text: goal.stepList.joined(separator: "; ")), try state(goal)]
                    }, empty: request.t("goalsNone"))
                let agreed = GoalForm.Field.agreed.rawValue
                let section = FormSectionView(legend: request.t("goalNew"), fields: [
                    make.field(GoalForm.Field.what.rawValue, labelKey: "goalWhat", hintKey: "goalWhatHint", optional: false),
                    make.field(GoalForm.Field.why.rawValue, labelKey: "goalWhy", kind: "textarea", optional: false),
                    make.field(GoalForm.Field.target.rawValue, labelKey: "goalTarget", hintKey: "goalTargetHint", optional: false,
                               inputMode: "decimal"),
                    make.field(GoalForm.Field.unit.rawValue, labelKey: "goalUnit", hintKey: "goalUnitHint", optional: false),
                    make.field(GoalForm.Field.dueOn.rawValue, labelKey: "goalDueOn", hintKey: "goalDueOnHint", kind: "date", optional: false),
                    make.field(GoalForm.Field.steps.rawValue, labelKey: "goalSteps", hintKey: "goalStepsHint", kind: "textarea"),
                ], checkGroups: [
                    CheckGroupView(id: "goalAgreedGroup", legend: request.t("goalAgreement"), hint: "", error: errors.byField[agreed], options: [
                        CheckOption(name: agreed, id: agreed, label: request.t("goalAgreed"), hint: "", checked: values[agreed] == "yes"),
                    ]),
                ])
                return WorkBlock(id: "goals", heading: request.t("goalsHeading"), text: request.t("goalsLead"), tables: [table],
                                 forms: form("goal-form", .clientGoals(.value(clientID)), [section], submitKey: "goalAdd"))
            }
        }

        /// Reached on a date, or open with the button to mark it for whoever works on the client.
        private func state(_ goal: CoachingGoal) throws -> TableView.Cell {
            if let reached = goal.reachedOn {
                return .init(text: request.t("goalReachedOn", ["date": WorkPage.date(reached, language)]))
            }
            if let dropped = goal.droppedOn {
                return .init(text: request.t("goalDroppedOn", ["date": WorkPage.date(dropped, language), "reason": goal.dropReason]))
            }
            let action = model.canWork ? InlineAction(
                url: SiteURL.clientGoalReached(.value(clientID), .value(try goal.requireID())).path,
                csrfToken: request.csrfToken, label: request.t("goalMarkReached")) : nil
            return .init(text: request.t("goalOpen"), action: action)
        }
    }
}
