import Fluent
import Foundation
import JobcoachCore
import Vapor

/// A client's matching page: a model that loads the agency's workplace index, ranks it for the
/// client's employee profile and reads the decisions made, and
/// `MatchingPageContext.init(_:request:values:errors:)`, which puts it in the visitor's language.
enum MatchingPage {
    struct Model: Sendable {
        let file: ClientFile
        let canWork: Bool
        let showAll: Bool
        let index: WorkplaceIndex
        /// The engine's ranking; empty without an employee profile.
        let results: [MatchResult]
        /// Newest first.
        let decisions: [MatchDecision]
        let placementSummary: String?

        static func load(_ file: ClientFile, actor: PracticeActor, showAll: Bool, request: Request) async throws -> Model {
            let standard = request.standard
            let index = try await request.application.workplaceIndexes.index(organisationID: actor.organisationID, on: request.db,
                                                                               standard: standard)
            var results: [MatchResult] = []
            if let profile = file.profile {
                let engine = MatchingEngine(vocabulary: standard.conditions, skills: index.skills)
                let candidate = PracticeMapping.candidate(profile, skills: index.skills, standard: standard)
                results = engine.rank(candidate, index.workplaces,
                                      limit: showAll ? max(1, index.workplaces.count) : MatchingController.pageLimit)
            }
            let decisions = try await MatchDecision.query(on: request.db)
                .filter(\.$organisationID == actor.organisationID).filter(\.$trajectory.$id == file.trajectoryID)
                .with(\.$workplace).sort(\.$decidedAt, .descending).all()
            return Model(file: file, canWork: actor.canWork(on: file.client), showAll: showAll, index: index, results: results,
                         decisions: decisions, placementSummary: try await file.placementSummary(request))
        }

        /// The latest decision per workplace id.
        var latestDecision: [String: MatchDecision] {
            Dictionary(decisions.map { ($0.$workplace.id.uuidString, $0) }, uniquingKeysWith: { first, _ in first })
        }

        /// Workplaces whose latest decision is "match": those the client can be placed in, newest first.
        var placeable: [MatchDecision] {
            let latest = latestDecision
            var seen: Set<UUID> = []
            return decisions.filter { decision in
                let id = decision.$workplace.id
                return decision.decision == MatchDecisionKind.match.rawValue
                    && latest[id.uuidString]?.decision == MatchDecisionKind.match.rawValue && seen.insert(id).inserted
            }
        }
    }
}

extension MatchingPageContext {
    init(_ model: MatchingPage.Model, request: Request, values: [String: String], errors: [FieldError]) throws {
        let language = request.language
        let file = model.file
        let clientID = try file.client.requireID()
        let latest = model.latestDecision
        let rows = model.results.map { result in
            Self.result(result, summary: model.index.summaries[result.workplace], decision: latest[result.workplace],
                        open: values["workplace"] == result.workplace, request)
        }
        self.init(
            layout: Layout(request: request, title: "\(request.t("matchingTitle")): \(file.client.name)", current: .caseload),
            csrfToken: request.csrfToken,
            clientName: file.client.name, clientURL: SiteURL.client(.value(clientID)).path,
            hasProfile: file.profile != nil, profileURL: SiteURL.clientProfile(.value(clientID)).path,
            criteria: [request.t("matchingRuleDemands"), request.t("matchingRuleHours"), request.t("matchingRuleDistance"),
                       request.t("matchingRuleScore")],
            results: rows,
            groups: [MatchFit.match, .matchWithAdjustments, .noMatch].compactMap { fit in
                let members = rows.filter { $0.fitCode == fit.rawValue }
                return members.isEmpty ? nil : ResultGroup(id: "fit-\(fit.rawValue)", heading: request.t(Self.groupKey(fit)),
                                                           count: NumberText.format(members.count, in: language), results: members)
            },
            resultCount: request.t(model.showAll ? "matchingCountAll" : "matchingCountBest", [
                "shown": NumberText.format(rows.count, in: language),
                "total": NumberText.format(model.index.workplaces.count, in: language),
            ]),
            showAll: model.showAll,
            showAllURL: SiteURL.clientMatching(.value(clientID)).path(query: [("all", "1")]),
            showBestURL: SiteURL.clientMatching(.value(clientID)).path,
            canWork: model.canWork,
            decisionURL: SiteURL.clientDecisions(.value(clientID)).path,
            decisionOptions: MatchDecisionKind.allCases.map {
                ChoiceOption(value: $0.rawValue, label: $0.title[language], selected: values["decision"] == $0.rawValue)
            },
            decisions: model.decisions.map { Self.decisionRow($0, request) },
            placementURL: SiteURL.clientPlacement(.value(clientID)).path,
            placementOptions: model.placeable.map { decision in
                let id = decision.$workplace.id.uuidString
                return ChoiceOption(value: id, label: decision.workplace.title, selected: values["workplace"] == id)
            },
            contractOptions: ContractKind.allCases.map {
                ChoiceOption(value: $0.rawValue, label: $0.title[language], selected: values["contract"] == $0.rawValue)
            },
            jobKindOptions: [
                ChoiceOption(value: PlacementForm.regularJob, label: request.t("placementJobKindRegular"),
                             selected: values["jobKind"] != PlacementForm.shelteredJob),
                ChoiceOption(value: PlacementForm.shelteredJob, label: request.t("placementJobKindSheltered"),
                             selected: values["jobKind"] == PlacementForm.shelteredJob),
            ],
            activePlacement: model.placementSummary,
            values: values, errors: errors, hasErrors: !errors.isEmpty, fieldErrors: errors.byField)
    }

    private static func reasons(_ list: [MatchReason], _ request: Request) -> [Reason] {
        list.map { reason in
            Reason(effect: reason.effect.rawValue, effectText: effectText(reason.effect, request),
                   criterion: reason.criterion.title[request.language], text: reason.text[request.language])
        }
    }

    private static func effectText(_ effect: MatchEffect, _ request: Request) -> String {
        switch effect {
        case .plus: request.t("effect_plus")
        case .minus: request.t("effect_minus")
        case .blocks: request.t("effect_blocks")
        }
    }

    private static func result(_ result: MatchResult, summary: WorkplaceIndex.Summary?, decision: MatchDecision?, open: Bool,
                               _ request: Request) -> Result {
        let language = request.language
        let adjustments = result.adjustmentsNeeded.compactMap { request.standard.conditions.term($0)?.label[language] }
        return Result(
            workplaceID: result.workplace, title: summary?.title ?? result.workplace,
            employer: summary?.employerName ?? "",
            employerURL: summary.map { SiteURL.employer(.value($0.employerID)).path } ?? "",
            workplaceURL: UUID(uuidString: result.workplace).map { SiteURL.workplace(.value($0)).path } ?? "",
            place: summary?.place ?? "",
            fit: result.fit.title[language], fitCode: result.fit.rawValue, score: result.score,
            distance: result.distanceKm.map { "\(NumberText.format(($0 * 10).rounded() / 10, in: language)) km" },
            adjustments: adjustments.isEmpty ? nil : adjustments.joined(separator: ", "),
            reasons: reasons(result.reasons, request),
            decision: decision.flatMap { MatchDecisionKind(rawValue: $0.decision)?.title[language] },
            headingID: "w-\(result.workplace)",
            formOpen: open)
    }

    private static func decisionRow(_ decision: MatchDecision, _ request: Request) -> DecisionRow {
        let language = request.language
        let stored = (try? JSONDecoder().decode([MatchReason].self, from: Data(decision.engineReasons.utf8))) ?? []
        return DecisionRow(
            workplace: decision.workplace.title,
            decision: MatchDecisionKind(rawValue: decision.decision)?.title[language] ?? decision.decision,
            engine: "\(MatchFit(rawValue: decision.engineFit)?.title[language] ?? decision.engineFit), \(decision.engineScore)/100",
            forCommissioner: decision.forCommissioner, forEmployer: decision.forEmployer,
            date: PracticeOptions.dateTime(decision.decidedAt, timeZone: request.application.configuration.timeZone, language: language),
            reasons: reasons(stored, request))
    }
}

extension MatchingPageContext {
    struct ResultGroup: Encodable {
        var id: String
        var heading: String
        var count: String
        var results: [Result]
    }

    static func groupKey(_ fit: MatchFit) -> String {
        switch fit {
        case .match: "matchingGroupMatch"
        case .matchWithAdjustments: "matchingGroupAdjustments"
        case .noMatch: "matchingGroupNoMatch"
        }
    }
}
