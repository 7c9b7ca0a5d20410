import Foundation
import JobcoachCore
import Vapor

/// The coaching plan: the roles of the client's network and of the employer, the colleague who takes
/// over support, and when client and employer agreed.
struct PlanForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case network = "planNetwork", employerRole = "planEmployerRole", colleague = "planColleague"
        case agreedClient = "planAgreedClient", agreedEmployer = "planAgreedEmployer"
    }

    struct Valid: Sendable {
        var networkRoles: String
        var employerRole: String
        var colleague: String
        var agreedClient: CalendarDate?
        var agreedEmployer: CalendarDate?

        /// Writes the plan's own values into its row.
        func apply(to plan: CoachingPlan) {
            plan.networkRoles = networkRoles
            plan.employerRole = employerRole
            plan.employerColleague = colleague
            plan.agreedWithClientOn = agreedClient?.description
            plan.agreedWithEmployerOn = agreedEmployer?.description
        }
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// A stored plan by input id, to show it in the form.
    static func values(_ plan: CoachingPlan) -> [String: String] {
        [Field.network.rawValue: plan.networkRoles, Field.employerRole.rawValue: plan.employerRole,
         Field.colleague.rawValue: plan.employerColleague, Field.agreedClient.rawValue: plan.agreedWithClientOn ?? "",
         Field.agreedEmployer.rawValue: plan.agreedWithEmployerOn ?? ""]
    }

    /// The one validation step: the length of the texts, the days client and employer agreed (not in
    /// the future), and the colleague once the employer agreed. Nil with the problems by field.
    mutating func validate(today: CalendarDate) -> Valid? {
        for field in [Field.network, .employerRole] { posted.limit(field, to: 5_000) }
        posted.limit(.colleague, to: 200)
        let agreedClient = posted.date(.agreedClient, required: false)
        let agreedEmployer = posted.date(.agreedEmployer, required: false)
        let agreed: [(field: Field, date: CalendarDate?)] = [(field: .agreedClient, date: agreedClient),
                                                             (field: .agreedEmployer, date: agreedEmployer)]
        for (field, date) in agreed {
            if let date, date > today { posted.problem(field, "cpdInFuture") }
        }
        if agreedEmployer != nil, posted[.colleague].isEmpty { posted.problem(.colleague, "planColleagueMissing") }
        guard posted.problems.isEmpty else { return nil }
        return Valid(networkRoles: posted[.network], employerRole: posted[.employerRole], colleague: posted[.colleague],
                     agreedClient: agreedClient, agreedEmployer: agreedEmployer)
    }
}

/// A SMART goal of the plan, with its small steps (a line each).
struct GoalForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case what = "goalWhat", why = "goalWhy", target = "goalTarget", unit = "goalUnit", agreed = "goalAgreed"
        case dueOn = "goalDueOn", steps = "goalSteps"

        /// The input of the field a `SmartGoal` problem names (it names only these six).
        static func of(_ problem: SmartGoalProblem) -> Field {
            switch problem.field {
            case "why": .why
            case "target": .target
            case "unit": .unit
            case "agreedWithClient": .agreed
            case "dueOn": .dueOn
            default: .what
            }
        }
    }

    struct Valid: Sendable {
        var goal: SmartGoal
        var target: Double
        var dueOn: CalendarDate
        var steps: [String]

        /// Writes the goal's own values into its new row; a SMART goal is agreed with the client.
        func apply(to row: CoachingGoal) {
            row.what = goal.what.trimmingCharacters(in: .whitespacesAndNewlines)
            row.why = goal.why.trimmingCharacters(in: .whitespacesAndNewlines)
            row.target = target
            row.unit = goal.unit.trimmingCharacters(in: .whitespacesAndNewlines)
            row.dueOn = dueOn.description
            row.agreedWithClient = true
            row.steps = steps.joined(separator: "\n")
        }
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// The one validation step: the target and due date read, at most 20 steps of at most 300
    /// characters, then what `SmartGoal` says, one message a field (a field that failed to read, a
    /// date or number that is not one, already has its message). Nil with the problems by field.
    mutating func validate(today: CalendarDate) -> Valid? {
        let target = posted.amount(.target)
        let due = posted.date(.dueOn, required: false)
        let goal = SmartGoal(what: posted[.what], why: posted[.why], target: target, unit: posted[.unit],
                             agreedWithClient: posted.checkbox(.agreed), dueOn: due)
        let steps = PracticeMapping.lines(posted[.steps])
        if steps.count > 20 || steps.contains(where: { $0.count > 300 }) { posted.problem(.steps, "goalStepsTooMany") }
        for problem in goal.problems(plannedOn: today) {
            let field = Field.of(problem)
            guard !posted.problems.contains(where: { $0.field == field.rawValue }) else { continue }
            posted.problem(field, PlanController.goalProblemKey(problem))
        }
        guard posted.problems.isEmpty, let target, let due else { return nil }
        return Valid(goal: goal, target: target, dueOn: due, steps: steps)
    }
}
