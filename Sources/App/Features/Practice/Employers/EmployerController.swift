import Fluent
import FluentSQL
import Foundation
import JobcoachCore
import SQLKit
import Vapor

/// Employers (profile from the employer interview, contacts) and commissioners of an agency.
enum EmployerController {
    static let pageSize = 50

    // MARK: List and add

    static func list(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        return try await renderList(request, actor: actor, values: [:], problems: [])
    }

    static func renderList(_ request: Request, actor: PracticeActor, values: [String: String], problems: [FormProblem],
                           status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let search = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let pageNumber = min(max(1, (try? request.query.get(Int.self, at: "page")) ?? 1), 1_000_000)
        var query = Employer.query(on: request.db).filter(\.$organisationID == actor.organisationID)
        if !search.isEmpty {
            // Case-insensitive on both databases (PostgreSQL's LIKE is not).
            let pattern = "%" + search.lowercased().replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            query = query.filter(.sql(SQLBinaryExpression(left: SQLFunction("LOWER", args: SQLColumn("name", table: Employer.schema)),
                                                          op: SQLBinaryOperator.like, right: SQLBind(pattern))))
        }
        let total = try await query.count()
        let employers = try await query.sort(\.$name).sort(\.$id).range(((pageNumber - 1) * pageSize)..<(pageNumber * pageSize)).all()
        let errors = problems.fieldErrors(request)
        let make = FormFieldMaker(request: request, values: values, errors: errors.byField)
        func link(_ number: Int) -> String {
            SiteURL.employers.path(query: (search.isEmpty ? [] : [("q", search)]) + [("page", String(number))])
        }
        let context = EmployersContext(
            layout: Layout(request: request, title: request.t("employersTitle"), current: .employers),
            query: search, searchURL: SiteURL.employers.path,
            rows: try employers.map { EmployersContext.Row(name: $0.name, url: SiteURL.employer(.value(try $0.requireID())).path, sector: $0.sector, place: $0.place) },
            total: request.t("employersCount", ["count": NumberText.format(total, in: language)]),
            previousURL: pageNumber > 1 ? link(pageNumber - 1) : nil,
            nextURL: pageNumber * pageSize < total ? link(pageNumber + 1) : nil,
            form: FormView(id: "employer-new", url: SiteURL.employers.path, csrfToken: request.csrfToken, sections: [
                FormSectionView(legend: request.t("employerAdd"), fields: [
                    make.field("name", labelKey: "employerName", optional: false), make.field("sector", labelKey: "employerSector"),
                    make.field("place", labelKey: "employerPlace", hintKey: "placeHint", kind: "place",
                               options: PracticeOptions.places(request.standard.places, selected: values["place"] ?? "", language: request.language)),
                ]),
            ], submitLabel: request.t("add"), readOnly: false),
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.employers, context, status: status)
    }

    static func create(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        var form = try request.content.decode(NewEmployerForm.self)
        guard form.validate(places: request.standard.places) else {
            return try await renderList(request, actor: actor, values: form.posted.values, problems: form.posted.problems,
                                        status: .unprocessableEntity)
        }
        let employer = try await request.change { [form] db -> Employer in
            let employer = Employer()
            employer.organisationID = actor.organisationID
            form.apply(to: employer)
            try await employer.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(actor.organisationID), actor: actor.user.auditName, action: "employer.created",
                                                              subject: "employer:\(try employer.requireID().uuidString)",
                                                              details: ["organisation": actor.organisationID.uuidString])
            return employer
        }
        return request.redirect(to: SiteURL.employer(.value(try employer.requireID())).path)
    }

    // MARK: One employer

    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let employer = try request.scope(EmployerScope.self)
        return try await render(request, actor: actor, employer: employer, values: EmployerForm(employer).posted.values, problems: [])
    }

    static func render(_ request: Request, actor: PracticeActor, employer: Employer, values: [String: String], problems: [FormProblem],
                       contactValues: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let employerID = try employer.requireID()
        let errors = problems.fieldErrors(request)
        let contactMake = FormFieldMaker(request: request, values: contactValues, errors: errors.byField)
        let contacts = try await EmployerContact.query(on: request.db)
            .filter(\.$organisationID == actor.organisationID).filter(\.$employer.$id == employerID).sort(\.$name).all()
        let workplaces = try await Workplace.query(on: request.db)
            .filter(\.$organisationID == actor.organisationID).filter(\.$employer.$id == employerID).sort(\.$title).all()
        let context = EmployerContext(
            layout: Layout(request: request, title: employer.name, current: .employers),
            name: employer.name, employersURL: SiteURL.employers.path,
            form: FormView(id: "employer-form", url: SiteURL.employer(.value(employerID)).path, csrfToken: request.csrfToken,
                           sections: employerSections(request, values: values, errors: errors),
                           submitLabel: request.t("save"), readOnly: false),
            contacts: contacts.map { EmployerContext.Contact(name: $0.name, role: $0.role, email: $0.email, phone: $0.phone) },
            contactForm: FormView(id: "contact-form", url: SiteURL.employerContacts(.value(employerID)).path, csrfToken: request.csrfToken, sections: [
                FormSectionView(legend: request.t("contactAdd"), fields: [
                    contactMake.field("contactName", labelKey: "contactName", optional: false),
                    contactMake.field("contactRole", labelKey: "contactRole"),
                    contactMake.field("contactEmail", labelKey: "contactEmail", kind: "email"),
                    contactMake.field("contactPhone", labelKey: "contactPhone", kind: "tel"),
                ]),
            ], submitLabel: request.t("add"), readOnly: false),
            workplaces: workplaces.map { workplace in
                EmployerContext.WorkplaceRow(
                    title: workplace.title, url: SiteURL.workplace(.value(workplace.id!)).path,
                    occupation: PracticeMapping.occupation(uri: workplace.occupationURI, isco: workplace.iscoCode, catalog: request.standard.occupations)
                        .map { "\($0.label) (ISCO \($0.iscoCode))" } ?? "",
                    hours: PracticeMapping.hours(workplace.hoursMin, workplace.hoursMax).map { $0.text(in: language) } ?? "",
                    status: WorkplaceStatus.title(of: workplace.status, request))
            },
            newWorkplaceURL: SiteURL.employerWorkplaceNew(.value(employerID)).path,
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.employer, context, status: status)
    }

    /// The employer form: details, the employer interview, and what the employer is willing to do.
    static func employerSections(_ request: Request, values: [String: String], errors: [FieldError]) -> [FormSectionView] {
        let make = FormFieldMaker(request: request, values: values, errors: errors.byField)
        return [
            FormSectionView(legend: request.t("employerDetails"), fields: [
                make.field("name", labelKey: "employerName", optional: false), make.field("sector", labelKey: "employerSector"),
                make.field("place", labelKey: "employerPlace", hintKey: "placeHint", kind: "place",
                           options: PracticeOptions.places(request.standard.places, selected: values["place"] ?? "", language: request.language)),
            ]),
            FormSectionView(legend: request.t("employerInterview"), fields: [
                make.field("interviewedOn", labelKey: "employerInterviewedOn", kind: "date"),
                make.field("profile", labelKey: "employerProfile", hintKey: "employerProfileHint", kind: "textarea"),
                make.field("inclusion", labelKey: "employerInclusion", hintKey: "employerInclusionHint", kind: "textarea"),
            ]),
            FormSectionView(legend: request.t("employerWilling"), fields: [make.field("adjustments", labelKey: "employerAdjustments", kind: "textarea")], singles: [
                CheckOption(name: "jobCarving", id: "jobCarving", label: request.t("employerJobCarving"), hint: request.t("employerJobCarvingHint"), checked: values["jobCarving"] == "yes"),
                CheckOption(name: "newJob", id: "newJob", label: request.t("employerNewJob"), hint: request.t("employerNewJobHint"), checked: values["newJob"] == "yes"),
            ]),
        ]
    }

    static func update(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let employer = try request.scope(EmployerScope.self)
        var form = try request.content.decode(EmployerForm.self)
        guard form.validate(today: request.today, places: request.standard.places) else {
            return try await render(request, actor: actor, employer: employer, values: form.posted.values, problems: form.posted.problems,
                                    status: .unprocessableEntity)
        }
        try await request.change { [form] db in
            form.apply(to: employer)
            try await employer.update(on: db)
            // Employer names show on matching results.
            try await WorkplaceIndexCache.touch(organisationID: actor.organisationID, on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(actor.organisationID), actor: actor.user.auditName, action: "employer.updated",
                                                              subject: "employer:\(try employer.requireID().uuidString)",
                                                              details: ["organisation": actor.organisationID.uuidString])
        }
        return request.redirect(to: SiteURL.employer(.value(try employer.requireID())).path)
    }

    static func addContact(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let employer = try request.scope(EmployerScope.self)
        var form = try request.content.decode(EmployerContactForm.self)
        guard form.validate() else {
            return try await render(request, actor: actor, employer: employer, values: EmployerForm(employer).posted.values,
                                    problems: form.posted.problems, contactValues: form.posted.values, status: .unprocessableEntity)
        }
        try await request.change { [form] db in
            let contact = EmployerContact()
            contact.organisationID = actor.organisationID
            contact.$employer.id = try employer.requireID()
            form.apply(to: contact)
            try await contact.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(actor.organisationID), actor: actor.user.auditName, action: "employer.contact-added",
                                                              subject: "employer:\(try employer.requireID().uuidString)",
                                                              details: ["organisation": actor.organisationID.uuidString])
        }
        return request.redirect(to: SiteURL.employer(.value(try employer.requireID())).path + "#contacts")
    }
}
