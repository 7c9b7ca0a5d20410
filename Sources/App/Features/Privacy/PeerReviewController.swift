import Fluent
import Foundation
import JobcoachCore
import Vapor

/// An anonymised case summary for peer review (003: the coach shares choices and considerations with
/// colleagues anonymously). It is made from the record, with every known identifier removed by the
/// core's `CaseAnonymiser`, and shown to the coach for review before it is shared. The shared copy
/// keeps no link to the client.
enum PeerReviewController {
    static func summary(_ request: Request, file: ClientFile) async throws -> String {
        let language = request.language
        let coaching = try await CoachingFile.load(file, on: request.db)
        let client = file.client
        var anonymiser = CaseAnonymiser(language: language)
        anonymiser.name(client.name)
        if let coach = try await User.find(client.$coach.id, on: request.db) { anonymiser.name(coach.displayName) }
        if let birth = client.dateOfBirth.flatMap(CalendarDate.init) { anonymiser.dateOfBirth(birth) }
        anonymiser.identifier(client.email, as: .email)
        anonymiser.identifier(client.phone, as: .phone)
        anonymiser.address(client.place)
        if let profile = file.profile { anonymiser.address(profile.homePlace) }
        if let colleague = coaching.plan?.employerColleague, !colleague.isEmpty { anonymiser.possibleName(colleague) }
        let workplaceIDs = file.placements.map { $0.$workplace.id }
        var position = ""
        if !workplaceIDs.isEmpty {
            for workplace in try await Workplace.query(on: request.db).filter(\.$id ~~ workplaceIDs).with(\.$employer).all() {
                anonymiser.employer(workplace.employer.name)
                anonymiser.address(workplace.place)
                anonymiser.address(workplace.employer.place)
                position = workplace.title
            }
        }
        func t(_ key: String, _ arguments: [String: String] = [:]) -> String { request.t(key, arguments) }
        var lines: [String] = []
        if let birth = client.dateOfBirth.flatMap(CalendarDate.init) {
            let band = CaseAnonymiser.ageBand(bornOn: birth, on: request.today)
            lines.append(t("peerAge", ["from": String(band.lowerBound), "to": String(band.upperBound)]))
        }
        lines.append("\(t("practicePhase")): \(file.trajectory.phase.title[language]) · \(PracticeOptions.days(file.timeline.totalDays(now: request.clock.now()), request))")
        if let intake = file.intake {
            lines.append("\n\(t("intakeQuestion")): \(intake.question)")
            lines.append("\(t("intakeMotivation")): \(intake.motivation)")
        }
        if let profile = file.profile {
            lines.append("\n\(t("profileMotivators")): \(profile.motivators)")
            lines.append("\(t("profilePossibilities")): \(profile.possibilities)")
            lines.append("\(t("profileAttentionPoints")): \(profile.attentionPoints)")
            lines.append("\(t("profileLastingParticipation")): \(profile.lastingParticipation)")
        }
        if let placement = file.activePlacement ?? file.placements.first {
            lines.append("\n\(t("peerJob")): \(position), \(NumberText.format(placement.hoursPerWeek, in: language)) \(t("peerHoursAWeek")), "
                         + (ContractKind(rawValue: placement.contract)?.title[language] ?? placement.contract))
        }
        if !coaching.goals.isEmpty {
            lines.append("\n\(t("goalsHeading")):")
            for goal in coaching.goals {
                lines.append("- \(goal.what) (\(NumberText.format(goal.target, in: language)) \(goal.unit); \(goal.reachedOn == nil ? t("goalOpen") : t("peerReached")))")
            }
        }
        if !coaching.support.isEmpty {
            let minutes = coaching.support.reduce(0) { $0 + $1.minutes }
            lines.append("\n" + t("supportTotal", ["hours": WorkPage.hours(minutes, language), "count": String(coaching.support.count)]))
        }
        if let comparison = coaching.fadingComparison {
            lines.append(t("peerFading", [
                "planned": NumberText.format(comparison.plannedTotal, in: language),
                "given": NumberText.format(comparison.givenTotal, in: language),
            ]))
        }
        for evaluation in coaching.evaluations.reversed() {
            let kind = EvaluationKind(rawValue: evaluation.kind)?.name(request) ?? evaluation.kind
            lines.append("\n\(t("evaluationOutcome")) (\(kind)): \(evaluation.outcome)")
            if !evaluation.planChanges.isEmpty { lines.append("\(t("evaluationPlanChanges")): \(evaluation.planChanges)") }
        }
        return anonymiser.anonymise(lines.joined(separator: "\n"))
    }

    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let file = try await ClientFile.load(try request.scopedClient, on: request)
        return try await render(request, actor: actor, file: file, values: [:], errors: [])
    }

    static func render(_ request: Request, actor: PracticeActor, file: ClientFile, values: [String: String], errors: [FieldError],
                       status: HTTPStatus = .ok) async throws -> Response {
        let clientID = try file.client.requireID()
        let text = try await summary(request, file: file)
        let make = FormFieldMaker(request: request, values: values, errors: errors.byField)
        let blocks = [
            WorkBlock(id: "summary", heading: request.t("peerSummary"), text: text),
            WorkBlock(id: "share", heading: request.t("peerShare"), text: request.t("peerShareLead"),
                      forms: WorkPage.form(request, actor: actor, client: file.client, id: "peer-form", url: .clientPeerReview(.value(clientID)), sections: [
                          FormSectionView(legend: request.t("peerShare"), fields: [make.field("peerQuestion", labelKey: "peerQuestion", kind: "textarea", optional: false)],
                                          singles: [CheckOption(name: "peerChecked", id: "peerChecked", label: request.t("peerChecked"), hint: "",
                                                                checked: values["peerChecked"] == "yes")]),
                      ], submitKey: "peerShareButton"),
                      links: [LinkView(url: SiteURL.peerReviews.path, label: request.t("peerReviewsTitle"))]),
        ]
        return try await WorkPage.render(request, actor: actor, file: file, titleKey: "peerReviewTitle", leadKey: "peerReviewLead",
                                         audit: "peer-review.viewed", blocks: blocks, errors: errors, status: status)
    }

    static func share(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request)
        var form = posted
        _ = form.text("peerQuestion", missing: "peerQuestionMissing", maxLength: 2_000)
        if form.value("peerChecked") != "yes" { form.problem("peerChecked", "peerCheckedMissing") }
        guard form.problems.isEmpty else {
            return try await render(request, actor: actor, file: file, values: form.values, errors: WorkPage.errors(request, form.problems),
                                    status: .unprocessableEntity)
        }
        // The summary is made again from the record, not taken from the form: what is shared is
        // exactly what the anonymiser produced. The question is anonymised the same way.
        let summary = try await summary(request, file: file)
        var anonymiser = CaseAnonymiser(language: request.language)
        anonymiser.name(client.name)
        let question = anonymiser.anonymise(form.value("peerQuestion"))
        let now = request.clock.now()
        let review = PeerReview()
        review.organisationID = actor.organisationID
        review.sharedBy = actor.userID
        review.sharedAt = now
        review.question = question
        review.summary = summary
        // The trail says a summary of this client was shared, not which summary: the shared copy
        // stays unlinked.
        try await ClientAudit.create(review, request, actor, "peer-review.shared", client: client)
        return request.redirect(to: SiteURL.peerReviews.path)
    }

    static func list(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let reviews = try await PeerReview.query(on: request.db).filter(\.$organisationID == actor.organisationID)
            .sort(\.$sharedAt, .descending).limit(100).all()
        let timeZone = request.application.configuration.timeZone
        let blocks = reviews.enumerated().map { index, review in
            WorkBlock(id: "review-\(index + 1)", heading: request.t("peerCase", ["number": String(reviews.count - index)])
                        + " · " + PracticeOptions.dateTime(review.sharedAt, timeZone: timeZone, language: request.language),
                      text: review.summary, facts: [KeyValue(key: request.t("peerQuestion"), value: review.question)])
        }
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("peerReviewsTitle"), current: .caseload),
            heading: request.t("peerReviewsTitle"), subtitle: "", lead: request.t("peerReviewsLead"),
            backURL: SiteURL.caseload.path, backLabel: request.t("caseloadTitle"), notice: nil,
            blocks: blocks.isEmpty ? [WorkBlock(id: "none", heading: request.t("peerReviewsTitle"), text: request.t("peerNone"))] : blocks,
            errors: [], hasErrors: false)
        return try await request.page(.work, context)
    }
}
