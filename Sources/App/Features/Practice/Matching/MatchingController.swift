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
        let (actor, client, file, posted) = try await ClientWrite.begin(request)
        var form = posted
        let decision = MatchDecisionKind(rawValue: form.value("decision"))
        if decision == nil { form.problem("decision", "decisionMissing") }
        let forCommissioner = form.text("forCommissioner", missing: "decisionCommissionerMissing", maxLength: 5_000)
        let forEmployer = form.text("forEmployer", missing: "decisionEmployerMissing", maxLength: 5_000)
        var workplace: Workplace?
        if let id = UUID(uuidString: form.value("workplace")) {
            workplace = try await Workplace.query(on: request.db).filter(\.$id == id).filter(\.$organisationID == actor.organisationID).first()
        }
        if workplace == nil { form.problem("workplace", "decisionWorkplaceUnknown") }
        if file.profile == nil { form.problem("workplace", "matchingNeedsProfile") }
        guard form.problems.isEmpty, let decision, let forCommissioner, let forEmployer, let workplace, let profile = file.profile else {
            // Each result has its own decision form: point the messages at the inputs of the one sent.
            let suffix = "-" + form.value("workplace")
            let errors = form.problems.map { problem in
                let field = switch problem.field {
                case "decision", "workplace": "decision-match" + suffix
                default: problem.field + suffix
                }
                return FieldError(field: field, message: request.t(problem.messageKey))
            }
            return try await render(request, actor: actor, file: file, values: form.values, errors: errors, status: .unprocessableEntity)
        }
        // The engine's verdict on this workplace now, kept with the decision.
        var skills = SkillIndex()
        let target = PracticeMapping.workplace(workplace, skills: &skills, standard: request.standard)
        let candidate = PracticeMapping.candidate(profile, skills: skills, standard: request.standard)
        let verdict = MatchingEngine(vocabulary: request.standard.conditions, skills: skills).explain(candidate, target)
        let reasons = String(decoding: try JSONEncoder().encode(verdict.reasons), as: UTF8.self)
        let now = request.clock.now()
        let trajectoryID = file.trajectoryID
        let row = MatchDecision()
        row.organisationID = actor.organisationID
        row.$trajectory.id = trajectoryID
        row.$workplace.id = try workplace.requireID()
        row.decision = decision.rawValue
        row.engineFit = verdict.fit.rawValue
        row.engineScore = verdict.score
        row.engineReasons = reasons
        row.forCommissioner = forCommissioner
        row.forEmployer = forEmployer
        row.decidedAt = now
        row.decidedBy = actor.userID
        try await ClientAudit.create(row, request, actor, "match.decided", client: client,
                                     details: ["trajectory": trajectoryID.uuidString, "workplace": try workplace.requireID().uuidString,
                                               "decision": decision.rawValue, "engine": verdict.fit.rawValue])
        return request.redirect(to: SiteURL.clientMatching(.value(try client.requireID())).path + "#decisions")
    }

    // MARK: Placement

    static func place(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request)
        var form = posted
        if form.value("action") == "end" { return try await endPlacement(request, actor: actor, file: file, form: &form) }
        let start = form.date("startOn", required: true)
        let hours = form.amount("hoursPerWeek")
        if hours == nil, form.value("hoursPerWeek").isEmpty { form.problem("hoursPerWeek", "placementHoursMissing") }
        if let hours, !(hours > 0 && hours <= 60) { form.problem("hoursPerWeek", "placementHoursRange") }
        let contract = ContractKind(rawValue: form.value("contract"))
        if contract == nil { form.problem("contract", "placementContractMissing") }
        let agreements = form.value("agreements")
        if agreements.count > 10_000 { form.problem("agreements", "formTooLong") }
        if file.activePlacement != nil { form.problem("workplace", "placementAlreadyActive") }
        var workplace: Workplace?
        if let id = UUID(uuidString: form.value("workplace")) {
            let decided = try await MatchDecision.query(on: request.db)
                .filter(\.$organisationID == actor.organisationID).filter(\.$trajectory.$id == file.trajectoryID)
                .filter(\.$workplace.$id == id).sort(\.$decidedAt, .descending).first()
            if decided?.decision == MatchDecisionKind.match.rawValue {
                workplace = try await Workplace.query(on: request.db).filter(\.$id == id).filter(\.$organisationID == actor.organisationID).first()
            }
        }
        if workplace == nil, file.activePlacement == nil { form.problem("workplace", "placementNeedsMatch") }
        guard form.problems.isEmpty, let start, let hours, let contract, let workplace else {
            let errors = form.problems.fieldErrors(request)
            return try await render(request, actor: actor, file: file, values: form.values, errors: errors, status: .unprocessableEntity)
        }
        let trajectoryID = file.trajectoryID
        try await request.change { db in
            let placement = Placement()
            placement.organisationID = actor.organisationID
            placement.$trajectory.id = trajectoryID
            placement.$workplace.id = try workplace.requireID()
            placement.startOn = start.description
            placement.hoursPerWeek = hours
            placement.contract = contract.rawValue
            placement.agreements = agreements
            placement.endReason = ""
            try await placement.create(on: db)
            workplace.status = "filled"
            try await workplace.update(on: db)
            try await WorkplaceIndexCache.touch(organisationID: actor.organisationID, on: db)
            try await ClientAudit.record(on: db, request, actor, "placement.recorded", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "workplace": try workplace.requireID().uuidString,
                                                  "contract": contract.rawValue])
        }
        return request.redirect(to: SiteURL.client(.value(try client.requireID())).path)
    }

    static func endPlacement(_ request: Request, actor: PracticeActor, file: ClientFile, form: inout FormFields) async throws -> Response {
        let ended = form.date("endedOn", required: true)
        let reason = form.text("endReason", missing: "placementEndReasonMissing", maxLength: 2_000)
        guard let placement = file.activePlacement else {
            form.problem("endedOn", "placementNoneActive")
            let errors = form.problems.fieldErrors(request)
            return try await render(request, actor: actor, file: file, values: form.values, errors: errors, status: .unprocessableEntity)
        }
        if let ended, let start = CalendarDate(placement.startOn), ended < start { form.problem("endedOn", "placementEndBeforeStart") }
        guard form.problems.isEmpty, let ended, let reason else {
            let errors = form.problems.fieldErrors(request)
            return try await render(request, actor: actor, file: file, values: form.values, errors: errors, status: .unprocessableEntity)
        }
        let client = file.client
        try await request.change { db in
            placement.endedOn = ended.description
            placement.endReason = reason
            try await placement.update(on: db)
            try await ClientAudit.record(on: db, request, actor, "placement.ended", client: client,
                                        details: ["placement": try placement.requireID().uuidString])
        }
        return request.redirect(to: SiteURL.clientMatching(.value(try client.requireID())).path)
    }
}
