import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Workplaces: the job analysis (from a vacancy or an interview: tasks, hours, ESCO occupation,
/// required skills, demands, environment) and the workplace profile (what it offers, what the
/// employer is willing to adjust).
enum WorkplaceController {
    static func newPage(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let employer = try request.scope(EmployerScope.self)
        return try await render(request, actor: actor, employer: employer, workplace: nil,
                                values: WorkplaceForm(newAt: employer).values, errors: [])
    }

    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let workplace = try request.scope(WorkplaceScope.self)
        let employer = try await workplace.$employer.get(on: request.db)
        return try await render(request, actor: actor, employer: employer, workplace: workplace,
                                values: WorkplaceForm(workplace, standard: request.standard).values, errors: [])
    }

    static func render(_ request: Request, actor: PracticeActor, employer: Employer, workplace: Workplace?, values: [String: String],
                       errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let employerID = try employer.requireID()
        let sections = formSections(request, values: values, errors: errors)
        let url = workplace.map { SiteURL.workplace(.value($0.id!)).path } ?? SiteURL.employerWorkplaces(.value(employerID)).path
        let context = WorkplaceContext(
            layout: Layout(request: request, title: workplace?.title ?? request.t("workplaceNew"), current: .employers),
            heading: workplace?.title ?? request.t("workplaceNew"), lead: request.t("workplaceLead"),
            employerName: employer.name, employerURL: SiteURL.employer(.value(employerID)).path,
            form: FormView(id: "workplace-form", url: url, csrfToken: request.csrfToken, sections: sections,
                           submitLabel: request.t("save"), readOnly: false),
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.workplace, context, status: status)
    }

    /// The workplace form: the analysis, the location and the profile of demands and offers.
    static func formSections(_ request: Request, values: [String: String], errors: [FieldError]) -> [FormSectionView] {
        let language = request.language
        let byField = errors.byField
        let make = FormFieldMaker(request: request, values: values, errors: byField)
        let vocabulary = request.standard.conditions
        func checked(_ prefix: String) -> Set<String> {
            Set(values.keys.filter { $0.hasPrefix(prefix + ".") && values[$0] == "yes" }.map { String($0.dropFirst(prefix.count + 1)) })
        }
        let sources = WorkplaceSource.allCases.map {
            ChoiceOption(value: $0.rawValue, label: $0.title(request), selected: values["source"] == $0.rawValue)
        }
        let statuses = WorkplaceStatus.allCases.map {
            ChoiceOption(value: $0.rawValue, label: $0.title(request), selected: values["status"] == $0.rawValue)
        }
        return [
            FormSectionView(legend: request.t("workplaceAnalysis"), fields: [
                make.field("title", labelKey: "workplaceTitle", optional: false),
                make.field("source", labelKey: "workplaceSource", kind: "select", optional: false, options: sources),
                make.field("occupation", labelKey: "workplaceOccupation", hintKey: "workplaceOccupationHint"),
                make.field("tasks", labelKey: "workplaceTasks", kind: "textarea"),
                make.field("hoursMin", labelKey: "workplaceHoursMin", inputMode: "decimal"),
                make.field("hoursMax", labelKey: "workplaceHoursMax", inputMode: "decimal"),
                make.field("requiredSkills", labelKey: "workplaceRequiredSkills", hintKey: "workplaceRequiredSkillsHint", kind: "textarea"),
                make.field("environment", labelKey: "workplaceEnvironment", hintKey: "workplaceEnvironmentHint", kind: "textarea"),
            ]),
            FormSectionView(legend: request.t("workplaceLocation"), fields: [
                make.field("place", labelKey: "workplacePlace", hintKey: "placeHint", kind: "place",
                           options: PracticeOptions.places(request.standard.places, selected: values["place"] ?? "", language: language)),
                make.field("lat", labelKey: "workplaceLat", inputMode: "decimal"),
                make.field("lon", labelKey: "workplaceLon", inputMode: "decimal"),
                make.field("status", labelKey: "workplaceStatus", kind: "select", optional: false, options: statuses),
            ]),
            FormSectionView(legend: request.t("workplaceProfile"), checkGroups: [
                CheckGroupView(id: "demands", legend: request.t("workplaceDemands"), hint: request.t("workplaceDemandsHint"), error: byField["demands"],
                               options: PracticeOptions.conditions(vocabulary, use: .demand, prefix: "demand", checked: checked("demand"), language: language)),
                CheckGroupView(id: "adjustable", legend: request.t("workplaceAdjustable"), hint: request.t("workplaceAdjustableHint"), error: byField["adjustable"],
                               options: PracticeOptions.conditions(vocabulary, use: .demand, prefix: "adjustable", checked: checked("adjustable"), language: language)),
                CheckGroupView(id: "offers", legend: request.t("workplaceOffers"), hint: request.t("workplaceOffersHint"), error: byField["offers"],
                               options: PracticeOptions.conditions(vocabulary, use: .need, prefix: "offer", checked: checked("offer"), language: language)),
            ]),
        ]
    }

    static func create(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let employer = try request.scope(EmployerScope.self)
        return try await save(request, actor: actor, employer: employer, workplace: nil)
    }

    static func update(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let workplace = try request.scope(WorkplaceScope.self)
        let employer = try await workplace.$employer.get(on: request.db)
        return try await save(request, actor: actor, employer: employer, workplace: workplace)
    }

    static func save(_ request: Request, actor: PracticeActor, employer: Employer, workplace existing: Workplace?) async throws -> Response {
        var form = try request.content.decode(WorkplaceForm.self)
        guard let input = form.validate(standard: request.standard) else {
            return try await render(request, actor: actor, employer: employer, workplace: existing, values: form.values,
                                    errors: form.errors(request), status: .unprocessableEntity)
        }
        let employerID = try employer.requireID()
        let row = existing ?? Workplace()
        let workplace = try await request.change { db -> Workplace in
            row.organisationID = actor.organisationID
            row.$employer.id = employerID
            input.apply(to: row)
            try await row.save(on: db)
            try await WorkplaceIndexCache.touch(organisationID: actor.organisationID, on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(actor.organisationID), actor: actor.user.auditName,
                                                              action: existing == nil ? "workplace.created" : "workplace.updated",
                                                              subject: "workplace:\(try row.requireID().uuidString)",
                                                              details: ["organisation": actor.organisationID.uuidString])
            return row
        }
        return request.redirect(to: SiteURL.workplace(.value(try workplace.requireID())).path)
    }
}
