import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Matching: the stateless API for integrations, and on a client's page the same engine over the
/// agency's open workplaces, the coach's decision with the explanation for commissioner and
/// employer, and the placement with its agreements.
enum MatchingController {
    static let pageLimit = 20

    // MARK: API

    /// `POST /api/v1/matching/rank`.
    static func rank(_ request: Request) async throws -> Response {
        let body = try request.content.decode(MatchRequest.self)
        let prepared: MatchRequest.Prepared
        do {
            prepared = try body.prepare(vocabulary: request.standard.conditions, occupations: request.standard.occupations)
        } catch {
            throw APIProblem(status: .badRequest, message: "\(error.field): \(error.message)", parameter: error.field)
        }
        let engine = MatchingEngine(vocabulary: request.standard.conditions, skills: prepared.skills)
        let matches = engine.rank(prepared.candidate, prepared.workplaces, limit: prepared.limit)
        return try await APIController.json(RankResponse(matches: matches), request)
    }

    struct RankResponse: Encodable {
        var matches: [MatchResult]
    }

    /// `GET /api/v1/matching/conditions`: the vocabulary, for integrations and for people.
    static func conditionsAPI(_ request: Request) async throws -> Response {
        struct Body: Encodable {
            var needs: [ConditionTerm]
            var demands: [ConditionTerm]
        }
        let vocabulary = request.standard.conditions
        return try await APIController.json(Body(needs: vocabulary.terms(.need), demands: vocabulary.terms(.demand)), request)
    }

    // MARK: A client's matching page

    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let client = try request.scopedClient
        return try await render(request, actor: actor, file: try await ClientFile.load(client, on: request))
    }

    static func render(_ request: Request, actor: PracticeActor, file: ClientFile, values: [String: String] = [:],
                       errors: [FieldError] = [], status: HTTPStatus = .ok) async throws -> Response {
        // Every showing of the record is a read, also when a refused change shows it again.
        try await ClientAudit.read(request, actor, "matching.viewed", client: file.client)
        let showAll = (try? request.query.get(String.self, at: "all")) == "1" || values["all"] == "1"
        let model = try await MatchingPage.Model.load(file, actor: actor, showAll: showAll, request: request)
        let context = try MatchingPageContext(model, request: request, values: values, errors: errors)
        return try await request.page(.matching, context, status: status)
    }

    // MARK: Decision

    static func decide(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: MatchDecisionForm.self)
        var form = posted
        var workplace: Workplace?
        if let id = form.workplaceID {
            workplace = try await Workplace.query(on: request.db).filter(\.$id == id).filter(\.$organisationID == actor.organisationID)
                .with(\.$employer).first()
        }
        guard let valid = form.validate(workplace: workplace, profile: file.profile) else {
            return try await render(request, actor: actor, file: file, values: form.posted.values, errors: form.errors(request),
                                    status: .unprocessableEntity)
        }
        let row = try decisionRow(valid, actor: actor, file: file, request)
        try await ClientAudit.create(row, request, actor, "match.decided", client: client,
                                     details: ["trajectory": file.trajectoryID.uuidString, "workplace": try valid.workplace.requireID().uuidString,
                                               "decision": valid.decision.rawValue, "engine": row.engineFit])
        return request.redirect(to: SiteURL.clientMatching(.value(try client.requireID())).path + "#decisions")
    }

    /// The decision's row, with the engine's verdict on the workplace now kept beside it.
    static func decisionRow(_ valid: MatchDecisionForm.Valid, actor: PracticeActor, file: ClientFile, _ request: Request) throws -> MatchDecision {
        var skills = SkillIndex()
        let employer = valid.workplace.$employer.value
        let target = PracticeMapping.workplace(valid.workplace, carvesJobs: employer.map { $0.jobCarving || $0.newJob } ?? false,
                                               skills: &skills, standard: request.standard)
        let candidate = PracticeMapping.candidate(valid.profile, skills: skills, standard: request.standard)
        let verdict = MatchingEngine(vocabulary: request.standard.conditions, skills: skills).explain(candidate, target)
        let row = MatchDecision()
        row.organisationID = actor.organisationID
        row.$trajectory.id = file.trajectoryID
        row.$workplace.id = try valid.workplace.requireID()
        row.decision = valid.decision.rawValue
        row.engineFit = verdict.fit.rawValue
        row.engineScore = verdict.score
        row.engineReasons = String(decoding: try JSONEncoder().encode(verdict.reasons), as: UTF8.self)
        row.forCommissioner = valid.forCommissioner
        row.forEmployer = valid.forEmployer
        row.decidedAt = request.clock.now()
        row.decidedBy = actor.userID
        return row
    }

    // MARK: Placement

    static func place(_ request: Request) async throws -> Response {
        let (actor, client, file, ending) = try await ClientWrite.begin(request, form: PlacementEndForm.self)
        if ending.isPosted { return try await endPlacement(request, actor: actor, file: file, form: ending) }
        var form = try request.content.decode(PlacementForm.self)
        var workplace: Workplace?
        if let id = form.workplaceID { workplace = try await matchedWorkplace(id, actor: actor, file: file, request) }
        guard let valid = form.validate(workplace: workplace, hasActivePlacement: file.activePlacement != nil) else {
            return try await render(request, actor: actor, file: file, values: form.posted.values,
                                    errors: form.posted.problems.fieldErrors(request), status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        let employer = try await valid.workplace.$employer.get(on: request.db)
        try await request.change { db in
            let placement = Placement()
            placement.organisationID = actor.organisationID
            placement.$trajectory.id = trajectoryID
            try valid.apply(to: placement)
            try await placement.create(on: db)
            // The job the placement starts, for the outcome measures; it ends with the placement.
            let spell = JobSpell()
            spell.organisationID = actor.organisationID
            spell.$trajectory.id = trajectoryID
            try valid.apply(to: spell, placementID: try placement.requireID(), employer: employer)
            try await spell.create(on: db)
            valid.workplace.status = "filled"
            try await valid.workplace.update(on: db)
            try await WorkplaceIndexCache.touch(organisationID: actor.organisationID, on: db)
            try await ClientAudit.record(on: db, request, actor, "placement.recorded", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "workplace": try valid.workplace.requireID().uuidString,
                                                  "contract": valid.contract.rawValue])
        }
        return request.redirect(to: SiteURL.client(.value(try client.requireID())).path)
    }

    /// The agency's workplace of `id`, when the latest decision on it in this trajectory is a match.
    static func matchedWorkplace(_ id: UUID, actor: PracticeActor, file: ClientFile, _ request: Request) async throws -> Workplace? {
        let decided = try await MatchDecision.query(on: request.db)
            .filter(\.$organisationID == actor.organisationID).filter(\.$trajectory.$id == file.trajectoryID)
            .filter(\.$workplace.$id == id).sort(\.$decidedAt, .descending).first()
        guard decided?.decision == MatchDecisionKind.match.rawValue else { return nil }
        return try await Workplace.query(on: request.db).filter(\.$id == id).filter(\.$organisationID == actor.organisationID)
            .with(\.$employer).first()
    }

    static func endPlacement(_ request: Request, actor: PracticeActor, file: ClientFile, form posted: PlacementEndForm) async throws -> Response {
        var form = posted
        guard let valid = form.validate(placement: file.activePlacement) else {
            return try await render(request, actor: actor, file: file, values: form.posted.values,
                                    errors: form.posted.problems.fieldErrors(request), status: .unprocessableEntity)
        }
        let client = file.client
        let placement = valid.placement
        try await request.change { db in
            placement.endedOn = valid.endedOn.description
            placement.endReason = valid.reason
            try await placement.update(on: db)
            // The job the placement started ends with it (unless a follow-up closed it already).
            let placementID: UUID? = try placement.requireID()
            let spells = try await JobSpell.query(on: db).filter(\.$organisationID == actor.organisationID)
                .filter(\.$placementID == placementID).filter(\.$endOn == nil).all()
            for spell in spells {
                spell.endOn = valid.endedOn.description
                spell.endReason = valid.reason
                try await spell.update(on: db)
            }
            try await ClientAudit.record(on: db, request, actor, "placement.ended", client: client,
                                        details: ["placement": try placement.requireID().uuidString])
        }
        return request.redirect(to: SiteURL.clientMatching(.value(try client.requireID())).path)
    }
}
