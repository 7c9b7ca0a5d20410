import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Taking on a client, the client's page, the checklist, moves between phases, and (for the team
/// lead) assigning the client to a coach.
enum ClientController {
    // MARK: New client

    static func newPage(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        return try await renderNew(request, actor: actor, form: nil)
    }

    static func renderNew(_ request: Request, actor: PracticeActor, form: ClientForm?, status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let values = form?.posted.values ?? [:]
        let commissioners = try await Commissioner.query(on: request.db).filter(\.$organisationID == actor.organisationID).sort(\.$name).all()
        let coaches = actor.leadsTeam ? try await teamCoaches(actor, on: request.db) : []
        let organisation = try await Organisation.find(actor.organisationID, on: request.db)
        let version = ProcessFramework.version(organisation?.processFramework ?? ProcessFramework.defaultID, on: request.today, in: request.standard.frameworks)
        let errors = (form?.posted.problems ?? []).fieldErrors(request)
        let context = ClientNewContext(
            layout: Layout(request: request, title: request.t("clientNewTitle"), current: .caseload),
            csrfToken: request.csrfToken, formURL: SiteURL.clients.path, caseloadURL: SiteURL.caseload.path,
            values: values,
            places: PracticeOptions.places(request.standard.places, selected: values["place"] ?? "", language: language),
            commissioners: [ChoiceOption(value: "", label: request.t("clientNoCommissioner"), selected: (values["commissioner"] ?? "").isEmpty)]
                + commissioners.map { ChoiceOption(value: $0.id!.uuidString, label: $0.name, selected: values["commissioner"] == $0.id!.uuidString) },
            coaches: coaches.map { ChoiceOption(value: $0.id!.uuidString, label: $0.displayName, selected: values["coach"] == $0.id!.uuidString) },
            chooseCoach: actor.leadsTeam,
            framework: version.map { "\($0.title[language]) (\($0.version))" } ?? "",
            errors: errors, hasErrors: !errors.isEmpty, fieldErrors: errors.byField)
        return try await request.page(.clientNew, context, status: status)
    }

    /// The coaches of the team lead's team (the team lead included): who clients can be assigned to.
    static func teamCoaches(_ actor: PracticeActor, on database: any Database) async throws -> [User] {
        guard let teamID = actor.teamID else { return [] }
        let userIDs = try await Membership.query(on: database)
            .filter(\.$organisationID == actor.organisationID).filter(\.$teamID == teamID).all().map { $0.$user.id }
        guard !userIDs.isEmpty else { return [] }
        return try await User.query(on: database).filter(\.$id ~~ userIDs).filter(\.$isActive == true).sort(\.$displayName).all()
            .filter { $0.role.may(.workWithClients) }
    }

    static func create(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        var form = try request.content.decode(ClientForm.self)
        var commissionerKnown = true
        if let id = form.commissionerID {
            commissionerKnown = try await Commissioner.query(on: request.db).filter(\.$id == id)
                .filter(\.$organisationID == actor.organisationID).first() != nil
        }
        let coaches: [User]? = actor.leadsTeam ? try await teamCoaches(actor, on: request.db) : nil
        guard let input = form.validate(today: request.today, places: request.standard.places, commissionerKnown: commissionerKnown,
                                        teamCoaches: coaches, actorID: actor.userID),
              let organisation = try await Organisation.find(actor.organisationID, on: request.db) else {
            return try await renderNew(request, actor: actor, form: form, status: .unprocessableEntity)
        }
        let coachTeam = try await Membership.query(on: request.db).filter(\.$user.$id == input.coachID).first()?.teamID
        let now = request.clock.now()
        let client = try await request.change { db -> Client in
            let client = Client()
            client.organisationID = actor.organisationID
            client.teamID = coachTeam
            client.$coach.id = input.coachID
            input.apply(to: client)
            try await client.create(on: db)
            let trajectory = try await TrajectoryStarter.start(client: client, commissionerID: input.commissionerID, organisation: organisation,
                                                               at: now, standard: request.standard,
                                                               timeZone: request.application.configuration.timeZone, on: db)
            try await ClientAudit.record(on: db, request, actor, "client.created", client: client,
                                        details: ["trajectory": try trajectory.requireID().uuidString, "coach": input.coachID.uuidString,
                                                  "framework": "\(trajectory.frameworkID)@\(trajectory.frameworkVersion)"])
            return client
        }
        return request.redirect(to: SiteURL.client(.value(try client.requireID())).path)
    }

    // MARK: The client's page

    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        return try await render(request, actor: actor, file: try await ClientFile.load(client, on: request))
    }

    static func render(_ request: Request, actor: PracticeActor, file: ClientFile, errors: [FieldError] = [],
                       values: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
        // Every showing of the record is a read, also when a refused change shows it again.
        try await ClientAudit.read(request, actor, "client.viewed", client: file.client)
        let shownPhase = (try? request.query.get(String.self, at: "phase")).flatMap(TrajectoryPhase.init(rawValue:))
            ?? values["phase"].flatMap(TrajectoryPhase.init(rawValue:)) ?? file.trajectory.phase
        let model = try await ClientPage.Model.load(file, actor: actor, checklistPhase: shownPhase, request: request)
        let context = try ClientPageContext(model, request: request, values: values, errors: errors)
        return try await request.page(.client, context, status: status)
    }

    // MARK: Checklist

    static func tick(_ request: Request) async throws -> Response {
        let (actor, client, file, form) = try await ClientWrite.begin(request, form: ChecklistTickForm.self)
        let errors = form.errors(indicators: PhaseChecklist.indicatorIDs(in: file.framework), request)
        guard errors.isEmpty else {
            return try await render(request, actor: actor, file: file, errors: errors, values: form.values, status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let indicator = form.indicator
        try await request.change { [form] db in
            let tick = try await ChecklistTick.query(on: db).filter(\.$trajectory.$id == trajectoryID).filter(\.$indicatorID == indicator).first()
                ?? ChecklistTick()
            tick.organisationID = actor.organisationID
            tick.$trajectory.id = trajectoryID
            form.apply(to: tick)
            tick.updatedBy = actor.userID
            try await tick.save(on: db)
            try await ClientAudit.record(on: db, request, actor, "checklist.updated", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "indicator": indicator, "done": String(form.isDone)])
        }
        var query: [(String, String)] = []
        if let phase = form.phase { query.append(("phase", phase.rawValue)) }
        return request.redirect(to: SiteURL.client(.value(try client.requireID())).path(query: query) + "#item-\(indicator)")
    }

    // MARK: Moves

    static func move(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: MoveForm.self)
        var form = posted
        let from = file.trajectory.phase
        guard let to = form.validate() else {
            return try await render(request, actor: actor, file: file, errors: form.posted.problems.fieldErrors(request),
                                    values: form.posted.values, status: .unprocessableEntity)
        }
        switch TrajectoryStateMachine.rule(from: from, to: to, reason: form.reason, facts: file.facts) {
        case .forbidden(let message):
            let error = FieldError(field: form.refusedField(from: from, to: to), message: message[request.language])
            return try await render(request, actor: actor, file: file, errors: [error], values: form.posted.values, status: .unprocessableEntity)
        case .allowed(let kind):
            try await recordMove(request, actor: actor, file: file, to: to, kind: kind, reason: form.reason)
            return request.redirect(to: SiteURL.client(.value(try client.requireID())).path)
        }
    }

    /// Records an allowed move and the trajectory's new phase in one change.
    static func recordMove(_ request: Request, actor: PracticeActor, file: ClientFile, to: TrajectoryPhase, kind: PhaseMoveKind,
                           reason: String) async throws {
        let now = request.clock.now()
        let client = file.client
        let trajectory = file.trajectory
        let trajectoryID = file.trajectoryID
        let from = trajectory.phase
        try await request.change { db in
            // The phase is checked again inside the transaction: two tabs cannot both move it.
            guard let fresh = try await Trajectory.find(trajectoryID, on: db), fresh.phase == from else {
                throw Abort(.conflict, reason: request.t("moveConflict"))
            }
            let row = TrajectoryMoveRow()
            row.organisationID = actor.organisationID
            row.$trajectory.id = trajectoryID
            row.fromPhase = from.rawValue
            row.toPhase = to.rawValue
            row.movedAt = now
            row.reason = reason
            row.movedBy = actor.userID
            try await row.create(on: db)
            trajectory.phase = to
            trajectory.phaseSince = now
            if to == .ended { trajectory.endedAt = now }
            try await trajectory.update(on: db)
            try await ClientAudit.record(on: db, request, actor, "trajectory.moved", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "from": from.rawValue, "to": to.rawValue, "kind": kind.rawValue])
        }
    }

    // MARK: Team lead: assign

    static func assign(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        guard actor.canAssign(client) else { throw Abort(.forbidden) }
        let form = FormFields(try request.content.decode([String: String].self))
        let coaches = try await teamCoaches(actor, on: request.db)
        guard let coachID = UUID(uuidString: form.value("coach")), coaches.contains(where: { $0.id == coachID }) else {
            return try await render(request, actor: actor, file: try await ClientFile.load(client, on: request),
                                    errors: [FieldError(field: "coach", message: request.t("clientCoachUnknown"))], status: .unprocessableEntity)
        }
        let previous = client.$coach.id
        try await request.change { db in
            client.$coach.id = coachID
            try await client.update(on: db)
            try await ClientAudit.record(on: db, request, actor, "client.assigned", client: client,
                                        details: ["from": previous.uuidString, "to": coachID.uuidString])
        }
        return request.redirect(to: SiteURL.client(.value(try client.requireID())).path)
    }

    // MARK: A new trajectory after an ended one

    static func restart(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        let file = try await ClientFile.load(client, on: request)
        guard !file.trajectory.phase.isOpen else {
            return try await render(request, actor: actor, file: file, errors: [FieldError(field: "restart", message: request.t("trajectoryStillOpen"))],
                                    status: .unprocessableEntity)
        }
        guard let organisation = try await Organisation.find(actor.organisationID, on: request.db) else { throw Abort(.notFound) }
        let now = request.clock.now()
        let old = file.trajectory
        try await request.change { db in
            old.isCurrent = false
            try await old.update(on: db)
            let trajectory = try await TrajectoryStarter.start(client: client, commissionerID: old.$commissioner.id, organisation: organisation,
                                                               at: now, standard: request.standard,
                                                               timeZone: request.application.configuration.timeZone, on: db)
            try await ClientAudit.record(on: db, request, actor, "trajectory.started", client: client,
                                        details: ["trajectory": try trajectory.requireID().uuidString, "previous": try old.requireID().uuidString])
        }
        return request.redirect(to: SiteURL.client(.value(try client.requireID())).path)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
