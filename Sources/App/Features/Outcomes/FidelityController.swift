import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The agency's fidelity reviews against the IPS-25 scale, with the simpler EUSE review on the same
/// form: the history with a chart, a new review with scores proposed from the data, and one review.
enum FidelityController {
    static func list(_ request: Request) async throws -> Response {
        let viewer = try request.outcomeViewer
        let reviews = try await FidelityReview.query(on: request.db).filter(\.$organisationID == viewer.organisationID)
            .sort(\.$reviewedOn).all()
        try await viewer.audit(request, "fidelity.listed")
        let scale = request.standard.fidelity
        let language = request.language
        let points = reviews.enumerated().map { index, review in
            (x: Double(index), y: Double(review.total), low: Double?.none, high: Double?.none,
             title: "\(review.reviewedOn): \(review.total) (\(bandName(review.band, scale, language)))")
        }
        let chart = PlotView(
            id: "fidelity-chart", title: request.t("fidelityHistoryTitle"), summary: request.t("fidelityHistorySummary", ["count": String(reviews.count)]),
            series: [.init(label: request.t("fidelityTotal"), joined: true, points: points)],
            references: [(74, bandName("fair", scale, language) + " 74"), (100, bandName("good", scale, language) + " 100"),
                         (115, bandName("exemplary", scale, language) + " 115")],
            xLabels: reviews.map(\.reviewedOn), yRange: 25...125, yFormat: { String(Int($0)) })
        let table = TableView(
            id: "fidelity-table", caption: request.t("fidelityHistoryCaption"),
            headers: [request.t("fidelityReviewedOn"), request.t("fidelityKind"), request.t("fidelityTotal"), request.t("fidelityBand")],
            rows: reviews.map { review in
                [.init(text: review.reviewedOn, url: SiteURL.fidelityReview(.value(review.id!)).path),
                 .init(text: request.t(review.kind == "external" ? "fidelityKindExternal" : "fidelityKindSelf")),
                 .init(text: "\(review.total) / \(scale.maximumTotal)"), .init(text: bandName(review.band, scale, language))]
            }, empty: request.t("fidelityNone"))
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("fidelityTitle"), current: .outcomes),
            heading: request.t("fidelityTitle"), subtitle: "", lead: request.t("fidelityLead"),
            backURL: SiteURL.outcomes.path, backLabel: request.t("outcomesTitle"), notice: nil,
            blocks: [WorkBlock(id: "history", heading: request.t("fidelityHistoryTitle"), tables: [table], plots: reviews.isEmpty ? [] : [chart],
                               links: [LinkView(url: SiteURL.fidelityReviewNew.path, label: request.t("fidelityNew"))])],
            errors: [], hasErrors: false)
        return try await request.page(.work, context)
    }

    static func bandName(_ id: String, _ scale: FidelityScale, _ language: Language) -> String {
        scale.bands.first { $0.id == id }?.name[language] ?? id
    }

    /// Proposals from the agency's data: caseload, jobs, days to employer contact, follow-along.
    static func proposal(_ request: Request, viewer: OutcomeViewer) async throws -> FidelityProposal {
        let data = try await OutcomeData.load(organisationID: viewer.organisationID, timeZone: request.application.configuration.timeZone,
                                              on: request.db)
        let coachIDs = try await Membership.query(on: request.db).filter(\.$organisationID == viewer.organisationID).with(\.$user).all()
            .filter { $0.user.role == .jobCoach }.map { $0.$user.id }
        let policy = try await CaseloadPolicy.load(viewer.organisationID, coaches: coachIDs, on: request.db)
        let fte = coachIDs.reduce(0) { $0 + policy.hours(of: $1) / max(policy.policy.fullTimeHours, 1) }
        let trajectories = data.trajectories.map { trajectory in
            FidelityProposal.Trajectory(start: trajectory.start, active: trajectory.phase.isOpen && trajectory.phase != .intake,
                                        firstEmployerContact: trajectory.firstEmployerContact,
                                        jobs: trajectory.jobs.map { ($0.job, $0.employer, $0.title) }, lastContact: trajectory.lastContact,
                                        lastFollowUpMonths: trajectory.lastFollowUpMonths)
        }
        return FidelityProposal.propose(FidelityProposal.facts(trajectories, coachFullTimeEquivalents: fte, today: request.today))
    }

    static func newPage(_ request: Request) async throws -> Response {
        let viewer = try request.outcomeViewer
        let proposal = try await proposal(request, viewer: viewer)
        var values: [String: String] = ["reviewedOn": request.today.description, "kind": "self"]
        for item in proposal.items { values["score.\(item.item)"] = String(item.score) }
        try await viewer.audit(request, "fidelity.proposed")
        return try await render(request, proposal: proposal, values: values, errors: [])
    }

    static func render(_ request: Request, proposal: FidelityProposal, values: [String: String], errors: [FieldError],
                       status: HTTPStatus = .ok) async throws -> Response {
        let scale = request.standard.fidelity
        let language = request.language
        let byField = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let make = FormFieldMaker(request: request, values: values, errors: byField)
        func options(_ range: ClosedRange<Int>, selected: String?) -> [ChoiceOption] {
            [ChoiceOption(value: "", label: request.t("fidelityChoose"), selected: (selected ?? "").isEmpty)]
                + range.map { ChoiceOption(value: String($0), label: String($0), selected: selected == String($0)) }
        }
        var sections = [FormSectionView(legend: request.t("fidelityAbout"), fields: [
            make.field("reviewedOn", labelKey: "fidelityReviewedOn", kind: "date", optional: false),
            make.field("kind", labelKey: "fidelityKind", kind: "select", optional: false, options: [
                ChoiceOption(value: "self", label: request.t("fidelityKindSelf"), selected: values["kind"] != "external"),
                ChoiceOption(value: "external", label: request.t("fidelityKindExternal"), selected: values["kind"] == "external"),
            ]),
            make.field("reviewers", labelKey: "fidelityReviewers", hintKey: "fidelityReviewersHint"),
        ])]
        for section in scale.sections {
            let fields = scale.items(in: section.id).flatMap { item -> [FormFieldView] in
                let anchors = item.anchors.enumerated().map { "\($0.offset + 1): \($0.element[language])" }.joined(separator: " · ")
                var hint = item.question[language] + " " + anchors
                if let proposed = proposal.items.first(where: { $0.item == item.id }) {
                    hint = request.t("fidelityProposed", ["score": String(proposed.score), "figure": NumberText.format(proposed.figure, in: language),
                                                          "basis": String(proposed.basis)]) + " " + hint
                }
                let scoreID = "score.\(item.id)", evidenceID = "evidence.\(item.id)"
                return [
                    FormFieldView(id: scoreID, label: item.name[language], hint: hint, value: values[scoreID] ?? "", error: byField[scoreID],
                                  kind: "select", optional: false, options: options(1...5, selected: values[scoreID])),
                    FormFieldView(id: evidenceID, label: request.t("fidelityEvidence", ["item": item.name[language]]), value: values[evidenceID] ?? "",
                                  error: byField[evidenceID], kind: "textarea"),
                ]
            }
            sections.append(FormSectionView(legend: section.name[language], fields: fields))
        }
        // The simpler review on the same form: the EUSE stages, then the se-quality recommendations.
        let review = request.standard.qualityReview
        func qualityField(_ question: QualityReview.Question) -> FormFieldView {
            let id = "euse.\(question.id)"
            let selected = values[id]
            return FormFieldView(id: id, label: question.name[language], hint: question.question?[language] ?? "", value: selected ?? "",
                                 error: byField[id], kind: "select", optional: true,
                                 options: [ChoiceOption(value: "", label: request.t("fidelityChoose"), selected: (selected ?? "").isEmpty)]
                                     + review.scale.map { ChoiceOption(value: String($0.score), label: "\($0.score): \($0.words[language])",
                                                                       selected: selected == String($0.score)) })
        }
        sections.append(FormSectionView(legend: request.t("fidelityEuse"), hint: request.t("fidelityEuseHint"), fields: review.stages.map(qualityField)))
        sections.append(FormSectionView(legend: request.t("fidelityRecommendations"), hint: request.t("fidelityRecommendationsHint"),
                                        fields: review.recommendations.map(qualityField)))
        sections.append(FormSectionView(legend: request.t("fidelityPlan"), fields: [
            make.field("improvementPlan", labelKey: "fidelityPlan", hintKey: "fidelityPlanHint", kind: "textarea"),
        ]))
        let form = FormView(id: "fidelity-form", url: SiteURL.fidelityReviews.path, csrfToken: request.csrfToken,
                            sections: sections, submitLabel: request.t("fidelitySave"), readOnly: false)
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("fidelityNew"), current: .outcomes),
            heading: request.t("fidelityNew"), subtitle: "", lead: request.t("fidelityNewLead"),
            backURL: SiteURL.fidelityReviews.path, backLabel: request.t("fidelityTitle"), notice: nil,
            blocks: [WorkBlock(id: "review", heading: request.t("fidelityForm"), forms: [form])],
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.work, context, status: status)
    }

    static func create(_ request: Request) async throws -> Response {
        let viewer = try request.outcomeViewer
        let posted = try request.content.decode([String: String].self).filter { $0.key != "_csrf" }
            .mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let scale = request.standard.fidelity
        var errors: [FieldError] = []
        let reviewedOn = CalendarDate(posted["reviewedOn"] ?? "")
        if reviewedOn == nil { errors.append(FieldError(field: "reviewedOn", message: request.t("fidelityDateProblem"))) }
        if let day = reviewedOn, day > request.today { errors.append(FieldError(field: "reviewedOn", message: request.t("fidelityDateProblem"))) }
        let kind = FidelityReviewKind(rawValue: posted["kind"] ?? "") ?? .selfAssessment
        let reviewers = posted["reviewers"] ?? ""
        if !kind.accepts(reviewers: reviewers) {
            errors.append(FieldError(field: "reviewers", message: request.t("fidelityReviewersProblem")))
        }
        var scores: [String: Double] = [:]
        var evidence: [String: String] = [:]
        for item in scale.items {
            if let text = posted["score.\(item.id)"], let value = Double(text) { scores[item.id] = value }
            if let note = posted["evidence.\(item.id)"], !note.isEmpty {
                if note.count > 2_000 { errors.append(FieldError(field: "evidence.\(item.id)", message: request.t("formTooLong"))) }
                evidence[item.id] = note
            }
        }
        var result: FidelityResult?
        do {
            result = try FidelityResult.score(scores, on: scale)
        } catch {
            let id = String(error.field.dropFirst("scores.".count))
            let name = scale.items.first { $0.id == id }?.name[request.language] ?? id
            errors.append(FieldError(field: "score.\(id)", message: request.t("fidelityScoreProblem", ["item": name])))
        }
        let quality = request.standard.qualityReview.scores(Dictionary(uniqueKeysWithValues: request.standard.qualityReview.questions.map {
            ($0.id, posted["euse.\($0.id)"] ?? "")
        }))
        for id in quality.invalid { errors.append(FieldError(field: "euse.\(id)", message: request.t("fidelityEuseProblem"))) }
        let euse = quality.scores
        let plan = posted["improvementPlan"] ?? ""
        if plan.count > 10_000 { errors.append(FieldError(field: "improvementPlan", message: request.t("formTooLong"))) }
        guard errors.isEmpty, let result, let reviewedOn else {
            return try await render(request, proposal: try await proposal(request, viewer: viewer), values: posted, errors: errors,
                                    status: .unprocessableEntity)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let review = FidelityReview()
        review.organisationID = viewer.organisationID
        review.reviewedOn = reviewedOn.description
        review.kind = kind.rawValue
        review.reviewers = reviewers
        review.scores = String(decoding: try encoder.encode(scores.mapValues(Int.init)), as: UTF8.self)
        review.evidence = String(decoding: try encoder.encode(evidence), as: UTF8.self)
        review.euseScores = String(decoding: try encoder.encode(euse), as: UTF8.self)
        review.improvementPlan = plan
        review.total = result.total
        review.band = result.band
        review.createdBy = viewer.userID
        try await request.change { db in
            try await review.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(viewer.organisationID), actor: viewer.user.auditName, action: "fidelity.recorded",
                                                              subject: "fidelity-review:\(review.id!.uuidString)",
                                                              details: ["organisation": viewer.organisationID.uuidString, "total": String(result.total)])
        }
        return request.redirect(to: SiteURL.fidelityReview(.value(review.id!)).path)
    }

    static func show(_ request: Request) async throws -> Response {
        let viewer = try request.outcomeViewer
        guard let id = request.parameters.get("review", as: UUID.self),
              let review = try await FidelityReview.query(on: request.db).filter(\.$id == id)
                .filter(\.$organisationID == viewer.organisationID).first() else { throw Abort(.notFound) }
        try await viewer.audit(request, "fidelity.viewed", details: ["review": id.uuidString])
        let scale = request.standard.fidelity
        let language = request.language
        let scores = (try? JSONDecoder().decode([String: Int].self, from: Data(review.scores.utf8))) ?? [:]
        let evidence = (try? JSONDecoder().decode([String: String].self, from: Data(review.evidence.utf8))) ?? [:]
        let euse = (try? JSONDecoder().decode([String: Int].self, from: Data(review.euseScores.utf8))) ?? [:]
        let blocks = scale.sections.map { section in
            let items = scale.items(in: section.id)
            return WorkBlock(id: section.id, heading: "\(section.name[language]): \(items.reduce(0) { $0 + (scores[$1.id] ?? 0) }) / \(items.count * 5)",
                             tables: [TableView(id: "\(section.id)-table", caption: section.name[language],
                                                headers: [request.t("fidelityItem"), request.t("fidelityScore"), request.t("fidelityEvidenceHeader")],
                                                rows: items.map { item in
                                                    [.init(text: item.name[language]), .init(text: String(scores[item.id] ?? 0)),
                                                     .init(text: evidence[item.id] ?? "")]
                                                }, empty: "")])
        }
        let quality = request.standard.qualityReview
        let euseBlock = WorkBlock(id: "euse", heading: request.t("fidelityEuse"),
                                  tables: [TableView(id: "euse-table", caption: request.t("fidelityEuseCaption"),
                                                     headers: [request.t("fidelityItem"), request.t("fidelityScore")],
                                                     rows: quality.questions.map { question in
                                                         [.init(text: question.name[language]),
                                                          .init(text: euse[question.id].map { score in
                                                              "\(score): " + (quality.scale.first { $0.score == score }?.words[language] ?? "")
                                                          } ?? "–")]
                                                     }, empty: "")])
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("fidelityTitle"), current: .outcomes),
            heading: request.t("fidelityReviewHeading", ["date": review.reviewedOn]),
            subtitle: "\(review.total) / \(scale.maximumTotal): \(bandName(review.band, scale, language))",
            lead: request.t(review.kind == "external" ? "fidelityKindExternal" : "fidelityKindSelf") + (review.reviewers.isEmpty ? "" : ": \(review.reviewers)"),
            backURL: SiteURL.fidelityReviews.path, backLabel: request.t("fidelityTitle"), notice: nil,
            blocks: blocks + [euseBlock, WorkBlock(id: "plan", heading: request.t("fidelityPlan"),
                                                   text: review.improvementPlan.isEmpty ? request.t("fidelityNoPlan") : review.improvementPlan)],
            errors: [], hasErrors: false)
        return try await request.page(.work, context)
    }
}
