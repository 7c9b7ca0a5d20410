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
        let make = FormFieldMaker(request: request, prefix: "employer", values: values, errors: errors.byField)
        func link(_ number: Int) -> String {
            SiteURL.employers.path(query: (search.isEmpty ? [] : [("q", search)]) + [("page", String(number))])
        }
        let context = EmployersContext(
            layout: Layout(request: request, title: request.t("employersTitle"), current: .employers),
            query: search, searchURL: SiteURL.employers.path,
            rows: try employers.map { EmployersContext.Row(name: $0.name, url: SiteURL.employer(.value(try $0.requireID())).path, sector: $0.sector, place: $0.place) },
            total: request.t("employersCount").replacingOccurrences(of: "{count}", with: NumberText.format(total, in: language)),
            previousURL: pageNumber > 1 ? link(pageNumber - 1) : nil,
            nextURL: pageNumber * pageSize < total ? link(pageNumber + 1) : nil,
            form: FormView(id: "employer-new", url: SiteURL.employers.path, csrfToken: request.csrfToken, sections: [
                FormSectionView(legend: request.t("employerAdd"), fields: [
                    make.field("name", optional: false), make.field("sector"),
                    make.field("place", kind: "select", options: PracticeOptions.places(request.standard.places, selected: values["place"] ?? "", language: language)),
                ]),
            ], submitLabel: request.t("add"), readOnly: false),
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.employers, context, status: status)
    }

    static func create(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        var form = FormFields(try request.content.decode([String: String].self))
        let name = form.text("name", missing: "employerNameMissing", maxLength: 200)
        if form.value("sector").count > 200 { form.problem("sector", "formTooLong") }
        let place = form.value("place")
        if !place.isEmpty, request.standard.places.place(named: place) == nil { form.problem("place", "practicePlaceUnknown") }
        guard form.problems.isEmpty, let name else {
            return try await renderList(request, actor: actor, values: form.values, problems: form.problems, status: .unprocessableEntity)
        }
        let input = form
        let employer = try await request.change { db -> Employer in
            let employer = Employer()
            employer.organisationID = actor.organisationID
            employer.name = name
            employer.sector = input.value("sector")
            employer.place = place
            employer.profile = ""
            employer.inclusion = ""
            employer.jobCarving = false
            employer.newJob = false
            employer.adjustments = ""
            try await employer.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, actor: actor.user.auditName, action: "employer.created",
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
        return try await render(request, actor: actor, employer: employer, values: values(employer), problems: [])
    }

    static func values(_ employer: Employer) -> [String: String] {
        ["name": employer.name, "sector": employer.sector, "place": employer.place, "profile": employer.profile,
         "inclusion": employer.inclusion, "jobCarving": employer.jobCarving ? "yes" : "", "newJob": employer.newJob ? "yes" : "",
         "adjustments": employer.adjustments, "interviewedOn": employer.interviewedOn ?? ""]
    }

    static func render(_ request: Request, actor: PracticeActor, employer: Employer, values: [String: String], problems: [FormProblem],
                       contactValues: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let employerID = try employer.requireID()
        let errors = problems.fieldErrors(request)
        let make = FormFieldMaker(request: request, prefix: "employer", values: values, errors: errors.byField)
        let contactMake = FormFieldMaker(request: request, prefix: "", values: contactValues, errors: errors.byField)
        let contacts = try await EmployerContact.query(on: request.db)
            .filter(\.$organisationID == actor.organisationID).filter(\.$employer.$id == employerID).sort(\.$name).all()
        let workplaces = try await Workplace.query(on: request.db)
            .filter(\.$organisationID == actor.organisationID).filter(\.$employer.$id == employerID).sort(\.$title).all()
        let context = EmployerContext(
            layout: Layout(request: request, title: employer.name, current: .employers),
            name: employer.name, employersURL: SiteURL.employers.path,
            form: FormView(id: "employer-form", url: SiteURL.employer(.value(employerID)).path, csrfToken: request.csrfToken, sections: [
                FormSectionView(legend: request.t("employerDetails"), fields: [
                    make.field("name", optional: false), make.field("sector"),
                    make.field("place", kind: "select", options: PracticeOptions.places(request.standard.places, selected: values["place"] ?? "", language: language)),
                ]),
                FormSectionView(legend: request.t("employerInterview"), fields: [
                    make.field("interviewedOn", kind: "date"), make.field("profile", kind: "textarea"), make.field("inclusion", kind: "textarea"),
                ]),
                FormSectionView(legend: request.t("employerWilling"), fields: [make.field("adjustments", kind: "textarea")], singles: [
                    CheckOption(name: "jobCarving", id: "jobCarving", label: request.t("employerJobCarving"), hint: request.t("employerJobCarvingHint"), checked: values["jobCarving"] == "yes"),
                    CheckOption(name: "newJob", id: "newJob", label: request.t("employerNewJob"), hint: request.t("employerNewJobHint"), checked: values["newJob"] == "yes"),
                ]),
            ], submitLabel: request.t("save"), readOnly: false),
            contacts: contacts.map { EmployerContext.Contact(name: $0.name, role: $0.role, email: $0.email, phone: $0.phone) },
            contactForm: FormView(id: "contact-form", url: SiteURL.employerContacts(.value(employerID)).path, csrfToken: request.csrfToken, sections: [
                FormSectionView(legend: request.t("contactAdd"), fields: [
                    contactMake.field("contactName", optional: false), contactMake.field("contactRole"),
                    contactMake.field("contactEmail", kind: "email"), contactMake.field("contactPhone", kind: "tel"),
                ]),
            ], submitLabel: request.t("add"), readOnly: false),
            workplaces: workplaces.map { workplace in
                EmployerContext.WorkplaceRow(
                    title: workplace.title, url: SiteURL.workplace(.value(workplace.id!)).path,
                    occupation: PracticeMapping.occupation(uri: workplace.occupationURI, isco: workplace.iscoCode, catalog: request.standard.occupations)
                        .map { "\($0.label) (ISCO \($0.iscoCode))" } ?? "",
                    hours: PracticeMapping.hours(workplace.hoursMin, workplace.hoursMax).map { $0.text(in: language) } ?? "",
                    status: request.t("workplaceStatus_\(workplace.status)"))
            },
            newWorkplaceURL: SiteURL.employerWorkplaceNew(.value(employerID)).path,
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.employer, context, status: status)
    }

    static func update(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let employer = try request.scope(EmployerScope.self)
        var form = FormFields(try request.content.decode([String: String].self))
        let name = form.text("name", missing: "employerNameMissing", maxLength: 200)
        let place = form.value("place")
        if !place.isEmpty, request.standard.places.place(named: place) == nil { form.problem("place", "practicePlaceUnknown") }
        let interviewed = form.date("interviewedOn", required: false)
        if let interviewed, interviewed > request.today { form.problem("interviewedOn", "cpdInFuture") }
        for field in ["profile", "inclusion", "adjustments"] where form.value(field).count > 10_000 { form.problem(field, "formTooLong") }
        guard form.problems.isEmpty, let name else {
            return try await render(request, actor: actor, employer: employer, values: form.values, problems: form.problems, status: .unprocessableEntity)
        }
        let input = form
        try await request.change { db in
            employer.name = name
            employer.sector = input.value("sector")
            employer.place = place
            employer.profile = input.value("profile")
            employer.inclusion = input.value("inclusion")
            employer.jobCarving = input.value("jobCarving") == "yes"
            employer.newJob = input.value("newJob") == "yes"
            employer.adjustments = input.value("adjustments")
            employer.interviewedOn = interviewed?.description
            try await employer.update(on: db)
            // Employer names show on matching results.
            try await WorkplaceIndexCache.touch(organisationID: actor.organisationID, on: db)
            try await AuditTrail(clock: request.clock).record(on: db, actor: actor.user.auditName, action: "employer.updated",
                                                              subject: "employer:\(try employer.requireID().uuidString)",
                                                              details: ["organisation": actor.organisationID.uuidString])
        }
        return request.redirect(to: SiteURL.employer(.value(try employer.requireID())).path)
    }

    static func addContact(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let employer = try request.scope(EmployerScope.self)
        var form = FormFields(try request.content.decode([String: String].self))
        let name = form.text("contactName", missing: "contactNameMissing", maxLength: 200)
        let email = form.value("contactEmail")
        if !email.isEmpty, !(email.contains("@") && !email.contains(" ") && email.count <= 200) { form.problem("contactEmail", "clientEmailInvalid") }
        if form.value("contactPhone").count > 40 { form.problem("contactPhone", "formTooLong") }
        if form.value("contactRole").count > 200 { form.problem("contactRole", "formTooLong") }
        guard form.problems.isEmpty, let name else {
            return try await render(request, actor: actor, employer: employer, values: values(employer), problems: form.problems,
                                    contactValues: form.values, status: .unprocessableEntity)
        }
        let input = form
        try await request.change { db in
            let contact = EmployerContact()
            contact.organisationID = actor.organisationID
            contact.$employer.id = try employer.requireID()
            contact.name = name
            contact.role = input.value("contactRole")
            contact.email = email
            contact.phone = input.value("contactPhone")
            try await contact.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, actor: actor.user.auditName, action: "employer.contact-added",
                                                              subject: "employer:\(try employer.requireID().uuidString)",
                                                              details: ["organisation": actor.organisationID.uuidString])
        }
        return request.redirect(to: SiteURL.employer(.value(try employer.requireID())).path + "#contacts")
    }

    // MARK: Commissioners

    static func commissioners(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        return try await renderCommissioners(request, actor: actor, values: [:], problems: [])
    }

    static func renderCommissioners(_ request: Request, actor: PracticeActor, values: [String: String], problems: [FormProblem],
                                    status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let rows = try await Commissioner.query(on: request.db).filter(\.$organisationID == actor.organisationID).sort(\.$name).all()
        let errors = problems.fieldErrors(request)
        let make = FormFieldMaker(request: request, prefix: "commissioner", values: values, errors: errors.byField)
        let kinds = [ChoiceOption(value: "", label: request.t("chooseOne"), selected: (values["kind"] ?? "").isEmpty)]
            + CommissionerKind.allCases.map { ChoiceOption(value: $0.rawValue, label: $0.title[language], selected: values["kind"] == $0.rawValue) }
        let context = CommissionersContext(
            layout: Layout(request: request, title: request.t("commissionersTitle"), current: .commissioners),
            rows: rows.map { row in
                CommissionersContext.Row(name: row.name, kind: CommissionerKind(rawValue: row.kind)?.title[language] ?? row.kind,
                                         contact: [row.contactName, row.contactEmail, row.contactPhone].filter { !$0.isEmpty }.joined(separator: ", "))
            },
            form: FormView(id: "commissioner-form", url: SiteURL.commissioners.path, csrfToken: request.csrfToken, sections: [
                FormSectionView(legend: request.t("commissionerAdd"), fields: [
                    make.field("name", optional: false), make.field("kind", kind: "select", optional: false, options: kinds),
                    make.field("contactName"), make.field("contactEmail", kind: "email"), make.field("contactPhone", kind: "tel"),
                ]),
            ], submitLabel: request.t("add"), readOnly: false),
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.commissioners, context, status: status)
    }

    static func createCommissioner(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        var form = FormFields(try request.content.decode([String: String].self))
        let name = form.text("name", missing: "commissionerNameMissing", maxLength: 200)
        let kind = CommissionerKind(rawValue: form.value("kind"))
        if kind == nil { form.problem("kind", "commissionerKindMissing") }
        let email = form.value("contactEmail")
        if !email.isEmpty, !(email.contains("@") && !email.contains(" ") && email.count <= 200) { form.problem("contactEmail", "clientEmailInvalid") }
        if form.value("contactName").count > 200 { form.problem("contactName", "formTooLong") }
        if form.value("contactPhone").count > 40 { form.problem("contactPhone", "formTooLong") }
        guard form.problems.isEmpty, let name, let kind else {
            return try await renderCommissioners(request, actor: actor, values: form.values, problems: form.problems, status: .unprocessableEntity)
        }
        let input = form
        try await request.change { db in
            let row = Commissioner()
            row.organisationID = actor.organisationID
            row.name = name
            row.kind = kind.rawValue
            row.contactName = input.value("contactName")
            row.contactEmail = email
            row.contactPhone = input.value("contactPhone")
            try await row.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, actor: actor.user.auditName, action: "commissioner.created",
                                                              subject: "commissioner:\(try row.requireID().uuidString)",
                                                              details: ["organisation": actor.organisationID.uuidString])
        }
        return request.redirect(to: SiteURL.commissioners.path)
    }
}
