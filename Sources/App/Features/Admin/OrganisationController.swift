import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The administrator sets up agencies, their teams, and who works where. Administrators see no
/// client data: these pages show only agencies, teams and accounts.
enum OrganisationController {
    static func list(_ request: Request) async throws -> Response {
        try await renderList(request, values: [:], problems: [])
    }

    static func renderList(_ request: Request, values: [String: String], problems: [FormProblem], status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let organisations = try await Organisation.query(on: request.db).sort(\.$name).all()
        var rows: [OrganisationsContext.Row] = []
        for organisation in organisations {
            let id = try organisation.requireID()
            rows.append(OrganisationsContext.Row(
                name: organisation.name, url: SiteURL.adminOrganisation(.value(id)).path,
                framework: request.standard.frameworks.versions(of: organisation.processFramework).last?.title[language] ?? organisation.processFramework,
                teams: try await Team.query(on: request.db).filter(\.$organisationID == id).count(),
                members: try await Membership.query(on: request.db).filter(\.$organisationID == id).count()))
        }
        let errors = problems.fieldErrors(request)
        let make = FormFieldMaker(request: request, values: values, errors: errors.byField)
        let frameworks = ProcessFramework.candidates(in: request.standard.frameworks).map { id in
            ChoiceOption(value: id, label: request.standard.frameworks.versions(of: id).last?.title[language] ?? id,
                         selected: (values["framework"] ?? ProcessFramework.defaultID) == id)
        }
        let context = OrganisationsContext(
            layout: Layout(request: request, title: request.t("organisationsTitle"), current: .adminOrganisations),
            rows: rows,
            form: FormView(id: "organisation-form", url: SiteURL.adminOrganisations.path, csrfToken: request.csrfToken, sections: [
                FormSectionView(legend: request.t("organisationAdd"), fields: [
                    make.field("name", labelKey: "organisationName", optional: false),
                    make.field("framework", labelKey: "organisationFramework", kind: "select", optional: false, options: frameworks),
                    make.field("kind", labelKey: "organisationKind", kind: "select", optional: false, options: [
                        ChoiceOption(value: Organisation.Kind.agency.rawValue, label: request.t("organisationKindAgency"),
                                     selected: values["kind"] != Organisation.Kind.trainingProvider.rawValue),
                        ChoiceOption(value: Organisation.Kind.trainingProvider.rawValue, label: request.t("organisationKindProvider"),
                                     selected: values["kind"] == Organisation.Kind.trainingProvider.rawValue),
                    ]),
                ]),
            ], submitLabel: request.t("add"), readOnly: false),
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.organisations, context, status: status)
    }

    static func create(_ request: Request) async throws -> Response {
        let admin = try request.auth.require(User.self)
        var form = FormFields(try request.content.decode([String: String].self))
        let name = form.text("name", missing: "organisationNameMissing", maxLength: 200)
        let framework = form.value("framework")
        if !ProcessFramework.candidates(in: request.standard.frameworks).contains(framework) { form.problem("framework", "organisationFrameworkInvalid") }
        let kind = Organisation.Kind(rawValue: form.value("kind").isEmpty ? Organisation.Kind.agency.rawValue : form.value("kind"))
        if kind == nil { form.problem("kind", "organisationKindInvalid") }
        guard form.problems.isEmpty, let name, let kind else {
            return try await renderList(request, values: form.values, problems: form.problems, status: .unprocessableEntity)
        }
        let organisation = try await request.change { db -> Organisation in
            let organisation = Organisation(name: name, processFramework: framework, kind: kind)
            try await organisation.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: admin.auditName, action: "organisation.created",
                                                              subject: "organisation:\(try organisation.requireID().uuidString)")
            return organisation
        }
        return request.redirect(to: SiteURL.adminOrganisation(.value(try organisation.requireID())).path)
    }

    static func page(_ request: Request) async throws -> Response {
        try await render(request, organisation: try request.scope(OrganisationScope.self), values: [:], problems: [])
    }

    static func render(_ request: Request, organisation: Organisation, values: [String: String], problems: [FormProblem],
                       notice: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let id = try organisation.requireID()
        let teams = try await Team.query(on: request.db).filter(\.$organisationID == id).sort(\.$name).all()
        let teamNames = Dictionary(teams.map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        let memberships = try await Membership.query(on: request.db).filter(\.$organisationID == id).with(\.$user).all()
        let errors = problems.fieldErrors(request)
        let make = FormFieldMaker(request: request, values: values, errors: errors.byField)
        let teamOptions = [ChoiceOption(value: "", label: request.t("organisationNoTeam"), selected: (values["team"] ?? "").isEmpty)]
            + teams.map { ChoiceOption(value: $0.id!.uuidString, label: $0.name, selected: values["team"] == $0.id!.uuidString) }
        let context = OrganisationContext(
            layout: Layout(request: request, title: organisation.name, current: .adminOrganisations),
            name: organisation.name,
            framework: request.standard.frameworks.versions(of: organisation.processFramework).last?.title[language] ?? organisation.processFramework,
            listURL: SiteURL.adminOrganisations.path, csrfToken: request.csrfToken,
            teams: teams.map(\.name),
            teamForm: FormView(id: "team-form", url: SiteURL.adminOrganisation(.value(id)).path, csrfToken: request.csrfToken, sections: [
                FormSectionView(legend: request.t("organisationTeamAdd"), fields: [make.field("teamName", labelKey: "organisationTeamName", optional: false)]),
            ], submitLabel: request.t("add"), readOnly: false),
            members: memberships.sorted { $0.user.displayName < $1.user.displayName }.map { membership in
                OrganisationContext.Member(
                    name: membership.user.displayName, email: membership.user.email, role: membership.user.role.title[language],
                    team: membership.teamID.flatMap { teamNames[$0] } ?? "",
                    removeURL: SiteURL.adminUserMembership(.value(membership.$user.id)).path, userID: membership.$user.id.uuidString)
            },
            form: FormView(id: "member-form", url: SiteURL.adminOrganisation(.value(id)).path, csrfToken: request.csrfToken, sections: [
                FormSectionView(legend: request.t("organisationMemberAdd"), hint: request.t("organisationMemberAddHint"), fields: [
                    make.field("email", labelKey: "organisationEmail", kind: "email", optional: false),
                    make.field("team", labelKey: "organisationTeam", kind: "select", options: teamOptions),
                ]),
            ], submitLabel: request.t("save"), readOnly: false),
            isAgency: organisation.kind == .agency, requireTwoFactor: organisation.requireTwoFactor,
            twoFactorURL: SiteURL.adminOrganisationTwoFactor(.value(id)).path, notice: notice,
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.organisation, context, status: status)
    }

    /// Whether everyone of the agency who reads client data must log in with a second factor.
    static func setTwoFactor(_ request: Request) async throws -> Response {
        let admin = try request.auth.require(User.self)
        let organisation = try request.scope(OrganisationScope.self)
        var form = FormFields(try request.content.decode([String: String].self))
        let value = form.value("requireTwoFactor")
        if !["", "on"].contains(value) { form.problem("requireTwoFactor", "formChoiceInvalid") }
        guard form.problems.isEmpty else {
            return try await render(request, organisation: organisation, values: form.values, problems: form.problems, status: .unprocessableEntity)
        }
        let required = value == "on"
        try await request.change { db in
            organisation.requireTwoFactor = required
            try await organisation.update(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: admin.auditName, action: "organisation.two-factor",
                                                              subject: "organisation:\(try organisation.requireID().uuidString)",
                                                              details: ["required": String(required)])
        }
        return try await render(request, organisation: organisation, values: [:], problems: [], notice: request.t("organisationTwoFactorSaved"))
    }

    /// Adds a team (`teamName`) or puts a user into the agency and a team (`email`, `team`).
    static func update(_ request: Request) async throws -> Response {
        let organisation = try request.scope(OrganisationScope.self)
        let form = FormFields(try request.content.decode([String: String].self))
        if form.values["teamName"] != nil { return try await addTeam(request, organisation, form) }
        return try await setMember(request, organisation, form)
    }

    private static func addTeam(_ request: Request, _ organisation: Organisation, _ posted: FormFields) async throws -> Response {
        let admin = try request.auth.require(User.self)
        let organisationID = try organisation.requireID()
        var form = posted
        guard let name = form.text("teamName", missing: "organisationTeamNameMissing", maxLength: 200) else {
            return try await render(request, organisation: organisation, values: form.values, problems: form.problems, status: .unprocessableEntity)
        }
        try await request.change { db in
            let team = Team(organisationID: organisationID, name: name)
            try await team.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: admin.auditName, action: "team.created",
                                                              subject: "organisation:\(organisationID.uuidString)",
                                                              details: ["team": try team.requireID().uuidString])
        }
        return request.redirect(to: SiteURL.adminOrganisation(.value(organisationID)).path)
    }

    /// Puts a practice user into the agency and, optionally, one of its teams.
    private static func setMember(_ request: Request, _ organisation: Organisation, _ posted: FormFields) async throws -> Response {
        let admin = try request.auth.require(User.self)
        let organisationID = try organisation.requireID()
        var form = posted
        let email = User.normalize(email: form.value("email"))
        let user = email.isEmpty ? nil : try await User.query(on: request.db).filter(\.$email == email).first()
        if email.isEmpty { form.problem("email", "organisationEmailMissing") } else if user == nil { form.problem("email", "organisationUserUnknown") }
        if let user, !user.role.may(.workWithClients) { form.problem("email", "organisationRoleNotPractice") }
        let (teamID, teamProblem) = try await team(form, of: organisationID, on: request.db)
        if let teamProblem { form.problem(teamProblem.field, teamProblem.messageKey) }
        guard form.problems.isEmpty, let user else {
            return try await render(request, organisation: organisation, values: form.values, problems: form.problems, status: .unprocessableEntity)
        }
        let userID = try user.requireID()
        let chosenTeam = teamID
        if let existing = try await Membership.query(on: request.db).filter(\.$user.$id == userID).first(), existing.organisationID != organisationID,
           try await Client.query(on: request.db).filter(\.$coach.$id == userID).count() > 0 {
            form.problem("email", "organisationUserHasClients")
            return try await render(request, organisation: organisation, values: form.values, problems: form.problems, status: .unprocessableEntity)
        }
        try await request.change { db in
            let membership = try await Membership.query(on: db).filter(\.$user.$id == userID).first()
                ?? Membership(userID: userID, organisationID: organisationID, teamID: chosenTeam)
            membership.organisationID = organisationID
            membership.teamID = chosenTeam
            try await membership.save(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: admin.auditName, action: "membership.set",
                                                              subject: user.auditName,
                                                              details: ["organisation": organisationID.uuidString, "team": chosenTeam?.uuidString ?? ""])
        }
        return request.redirect(to: SiteURL.adminOrganisation(.value(organisationID)).path)
    }

    /// The team chosen in the form (none when left empty); a team of another agency is a problem.
    private static func team(_ form: FormFields, of organisationID: UUID, on database: any Database) async throws -> (UUID?, FormProblem?) {
        guard !form.value("team").isEmpty else { return (nil, nil) }
        let teamID = UUID(uuidString: form.value("team"))
        var team: Team?
        if let teamID {
            team = try await Team.query(on: database).filter(\.$id == teamID).filter(\.$organisationID == organisationID).first()
        }
        return (teamID, team == nil ? FormProblem(field: "team", messageKey: "organisationTeamUnknown") : nil)
    }

    /// Takes a user out of their agency, unless clients are still assigned to them.
    static func removeMember(_ request: Request) async throws -> Response {
        let admin = try request.auth.require(User.self)
        guard let userID = request.parameters.get("user", as: UUID.self),
              let membership = try await Membership.query(on: request.db).filter(\.$user.$id == userID).first(),
              let organisation = try await Organisation.find(membership.organisationID, on: request.db)
        else { throw Abort(.notFound) }
        if try await Client.query(on: request.db).filter(\.$coach.$id == userID).count() > 0 {
            return try await render(request, organisation: organisation, values: [:],
                                    problems: [FormProblem(field: "email", messageKey: "organisationUserHasClients")], status: .unprocessableEntity)
        }
        try await request.change { db in
            try await membership.delete(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: admin.auditName, action: "membership.removed",
                                                              subject: "user:\(userID.uuidString)",
                                                              details: ["organisation": membership.organisationID.uuidString])
        }
        return request.redirect(to: SiteURL.adminOrganisation(.value(membership.organisationID)).path)
    }
}
