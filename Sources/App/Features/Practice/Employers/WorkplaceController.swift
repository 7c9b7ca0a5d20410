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
                                values: ["source": "interview", "status": "open", "place": employer.place], errors: [])
    }

    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let workplace = try request.scope(WorkplaceScope.self)
        let employer = try await workplace.$employer.get(on: request.db)
        return try await render(request, actor: actor, employer: employer, workplace: workplace, values: values(workplace, request: request), errors: [])
    }

    static func values(_ workplace: Workplace, request: Request) -> [String: String] {
        var values = [
            "title": workplace.title, "source": workplace.source, "tasks": workplace.tasks,
            "hoursMin": workplace.hoursMin.map { NumberText.format($0, in: .en) } ?? "",
            "hoursMax": workplace.hoursMax.map { NumberText.format($0, in: .en) } ?? "",
            "occupation": workplace.occupationURI.map(request.standard.occupations.formText) ?? workplace.iscoCode ?? "",
            "requiredSkills": workplace.requiredSkills, "environment": workplace.environment, "place": workplace.place,
            "lat": workplace.lat.map { String($0) } ?? "", "lon": workplace.lon.map { String($0) } ?? "", "status": workplace.status,
        ]
        if let place = request.standard.places.place(named: workplace.place), place.point.lat == workplace.lat, place.point.lon == workplace.lon {
            values["lat"] = ""
            values["lon"] = ""
        }
        for id in PracticeMapping.ids(workplace.demands) { values["demand.\(id)"] = "yes" }
        for id in PracticeMapping.ids(workplace.adjustable) { values["adjustable.\(id)"] = "yes" }
        for id in PracticeMapping.ids(workplace.offers) { values["offer.\(id)"] = "yes" }
        return values
    }

    static func render(_ request: Request, actor: PracticeActor, employer: Employer, workplace: Workplace?, values: [String: String],
                       errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let employerID = try employer.requireID()
        let byField = errors.byField
        let make = FormFieldMaker(request: request, prefix: "workplace", values: values, errors: byField)
        let vocabulary = request.standard.conditions
        func checked(_ prefix: String) -> Set<String> {
            Set(values.keys.filter { $0.hasPrefix(prefix + ".") && values[$0] == "yes" }.map { String($0.dropFirst(prefix.count + 1)) })
        }
        let sources = WorkplaceForm.sources.map { ChoiceOption(value: $0, label: request.t("workplaceSource_\($0)"), selected: values["source"] == $0) }
        let statuses = WorkplaceForm.statuses.map { ChoiceOption(value: $0, label: request.t("workplaceStatus_\($0)"), selected: values["status"] == $0) }
        let sections = [
            FormSectionView(legend: request.t("workplaceAnalysis"), fields: [
                make.field("title", optional: false), make.field("source", kind: "select", optional: false, options: sources),
                make.field("occupation"), make.field("tasks", kind: "textarea"),
                make.field("hoursMin", inputMode: "decimal"), make.field("hoursMax", inputMode: "decimal"),
                make.field("requiredSkills", kind: "textarea"), make.field("environment", kind: "textarea"),
            ]),
            FormSectionView(legend: request.t("workplaceLocation"), fields: [
                make.field("place", kind: "select", options: PracticeOptions.places(request.standard.places, selected: values["place"] ?? "", language: language)),
                make.field("lat", inputMode: "decimal"), make.field("lon", inputMode: "decimal"),
                make.field("status", kind: "select", optional: false, options: statuses),
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
        var form = FormFields(try request.content.decode([String: String].self))
        var extra: [(String, String, String)] = []
        let input = WorkplaceForm.read(&form, standard: request.standard, extra: &extra)
        let errors = form.problems.fieldErrors(request)
            + extra.map { FieldError(field: $0.0, message: request.t($0.1).replacingOccurrences(of: "{text}", with: $0.2)) }
        guard errors.isEmpty, let input else {
            return try await render(request, actor: actor, employer: employer, workplace: existing, values: form.values, errors: errors,
                                    status: .unprocessableEntity)
        }
        let employerID = try employer.requireID()
        let row = existing ?? Workplace()
        let workplace = try await request.change { db -> Workplace in
            row.organisationID = actor.organisationID
            row.$employer.id = employerID
            input.apply(to: row)
            try await row.save(on: db)
            try await WorkplaceIndexCache.touch(organisationID: actor.organisationID, on: db)
            try await AuditTrail(clock: request.clock).record(on: db, actor: actor.user.auditName,
                                                              action: existing == nil ? "workplace.created" : "workplace.updated",
                                                              subject: "workplace:\(try row.requireID().uuidString)",
                                                              details: ["organisation": actor.organisationID.uuidString])
            return row
        }
        return request.redirect(to: SiteURL.workplace(.value(try workplace.requireID())).path)
    }
}
