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
        let language = request.language
        let timeZone = request.application.configuration.timeZone
        let clientID = try file.client.requireID()
        let showAll = (try? request.query.get(String.self, at: "all")) == "1" || values["all"] == "1"
        let index = try await request.application.workplaceIndexes.index(organisationID: actor.organisationID, on: request.db,
                                                                           standard: request.standard)
        let engine = MatchingEngine(vocabulary: request.standard.conditions, skills: index.skills)
        var results: [MatchResult] = []
        if let profile = file.profile {
            let candidate = PracticeMapping.candidate(profile, skills: index.skills, standard: request.standard)
            results = engine.rank(candidate, index.workplaces, limit: showAll ? max(1, index.workplaces.count) : pageLimit)
        }
        let decisions = try await MatchDecision.query(on: request.db)
            .filter(\.$organisationID == actor.organisationID).filter(\.$trajectory.$id == file.trajectoryID)
            .with(\.$workplace).sort(\.$decidedAt, .descending).all()
        let latestDecision = Dictionary(decisions.map { ($0.$workplace.id.uuidString, $0) }, uniquingKeysWith: { first, _ in first })

        func reasons(_ list: [MatchReason]) -> [MatchingPageContext.Reason] {
            list.map { reason in
                MatchingPageContext.Reason(effect: reason.effect.rawValue, effectText: request.t("effect_\(reason.effect.rawValue)"),
                                           criterion: reason.criterion.title[language], text: reason.text[language])
            }
        }
        let rows = results.map { result -> MatchingPageContext.Result in
            let summary = index.summaries[result.workplace]
            let adjustments = result.adjustmentsNeeded.compactMap { request.standard.conditions.term($0)?.label[language] }
            return MatchingPageContext.Result(
                workplaceID: result.workplace, title: summary?.title ?? result.workplace,
                employer: summary?.employerName ?? "",
                employerURL: summary.map { SiteURL.employer(.value($0.employerID)).path } ?? "",
                workplaceURL: UUID(uuidString: result.workplace).map { SiteURL.workplace(.value($0)).path } ?? "",
                place: summary?.place ?? "",
                fit: result.fit.title[language], fitCode: result.fit.rawValue, score: result.score,
                distance: result.distanceKm.map { "\(NumberText.format(($0 * 10).rounded() / 10, in: language)) km" },
                adjustments: adjustments.isEmpty ? nil : adjustments.joined(separator: ", "),
                reasons: reasons(result.reasons),
                decision: latestDecision[result.workplace].flatMap { MatchDecisionKind(rawValue: $0.decision)?.title[language] },
                headingID: "w-\(result.workplace)",
                formOpen: values["workplace"] == result.workplace)
        }
        let decisionRows = decisions.map { decision in
            let stored = (try? JSONDecoder().decode([MatchReason].self, from: Data(decision.engineReasons.utf8))) ?? []
            return MatchingPageContext.DecisionRow(
                workplace: decision.workplace.title,
                decision: MatchDecisionKind(rawValue: decision.decision)?.title[language] ?? decision.decision,
                engine: "\(MatchFit(rawValue: decision.engineFit)?.title[language] ?? decision.engineFit), \(decision.engineScore)/100",
                forCommissioner: decision.forCommissioner, forEmployer: decision.forEmployer,
                date: PracticeOptions.dateTime(decision.decidedAt, timeZone: timeZone, language: language),
                reasons: reasons(stored))
        }
        var placeable: [ChoiceOption] = []
        var seen: Set<UUID> = []
        for decision in decisions where decision.decision == MatchDecisionKind.match.rawValue {
            let id = decision.$workplace.id
            guard seen.insert(id).inserted, latestDecision[id.uuidString]?.decision == MatchDecisionKind.match.rawValue else { continue }
            placeable.append(ChoiceOption(value: id.uuidString, label: decision.workplace.title, selected: values["workplace"] == id.uuidString))
        }
        let active: String? = try await file.activePlacement.asyncMap { placement in
            let workplace = try await placement.$workplace.get(on: request.db)
            let employer = try await workplace.$employer.get(on: request.db)
            return request.t("placementSummary")
                .replacingOccurrences(of: "{workplace}", with: workplace.title)
                .replacingOccurrences(of: "{employer}", with: employer.name)
                .replacingOccurrences(of: "{date}", with: CalendarDate(placement.startOn)?.text(in: language) ?? placement.startOn)
                .replacingOccurrences(of: "{hours}", with: NumberText.format(placement.hoursPerWeek, in: language))
        }
        let context = MatchingPageContext(
            layout: Layout(request: request, title: "\(request.t("matchingTitle")): \(file.client.name)", current: .caseload),
            csrfToken: request.csrfToken,
            clientName: file.client.name, clientURL: SiteURL.client(.value(clientID)).path,
            hasProfile: file.profile != nil, profileURL: SiteURL.clientProfile(.value(clientID)).path,
            criteria: ["matchingRuleDemands", "matchingRuleHours", "matchingRuleDistance", "matchingRuleScore"].map(request.t),
            results: rows,
            resultCount: request.t(showAll ? "matchingCountAll" : "matchingCountBest")
                .replacingOccurrences(of: "{shown}", with: NumberText.format(rows.count, in: language))
                .replacingOccurrences(of: "{total}", with: NumberText.format(index.workplaces.count, in: language)),
            showAll: showAll,
            showAllURL: SiteURL.clientMatching(.value(clientID)).path(query: [("all", "1")]),
            showBestURL: SiteURL.clientMatching(.value(clientID)).path,
            canWork: actor.canWork(on: file.client),
            decisionURL: SiteURL.clientDecisions(.value(clientID)).path,
            decisionOptions: MatchDecisionKind.allCases.map { ChoiceOption(value: $0.rawValue, label: $0.title[language], selected: values["decision"] == $0.rawValue) },
            decisions: decisionRows,
            placementURL: SiteURL.clientPlacement(.value(clientID)).path,
            placementOptions: placeable,
            contractOptions: ContractKind.allCases.map { ChoiceOption(value: $0.rawValue, label: $0.title[language], selected: values["contract"] == $0.rawValue) },
            activePlacement: active,
            values: values, errors: errors, hasErrors: !errors.isEmpty, fieldErrors: errors.byField)
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
        try await request.change { db in
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
            try await row.create(on: db)
            try await ClientAudit.record(on: db, request, actor, "match.decided", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "workplace": try workplace.requireID().uuidString,
                                                  "decision": decision.rawValue, "engine": verdict.fit.rawValue])
        }
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
