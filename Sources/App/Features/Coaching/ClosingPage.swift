import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The closing page (task 7): a model that loads the closing records and the follow-up schedule, and
/// a content that shows them as blocks (closing evaluation, closing, follow-ups), each with its form.
enum ClosingPage: ClientWorkPage {
    static let titleKey = "closingTitle"
    static let leadKey = "closingLead"
    static let auditAction = "closing.viewed"

    struct Model: WorkPageModel {
        let file: ClientFile
        let coaching: CoachingFile
        let canWork: Bool
        /// The follow-up checks from the placement's start; nil without a placement.
        let followUps: [FollowUpState]?
        let satisfaction: [SatisfactionRating]
        let careerSteps: [CareerStepRow]

        static func load(_ file: ClientFile, _ input: WorkPageInput) async throws -> Model {
            let actor = input.actor, today = input.request.today, database = input.request.db
            let coaching = try await CoachingFile.load(file, on: database)
            let placedOn = (file.activePlacement ?? file.placements.first).flatMap { CalendarDate($0.startOn) }
            let followUps = placedOn.map { FollowUpSchedule.states(placedOn: $0, done: Set(coaching.followUps.map(\.monthsAfter)), on: today) }
            let satisfaction = try await SatisfactionRating.query(on: database).filter(\.$organisationID == file.client.organisationID)
                .filter(\.$trajectory.$id == file.trajectoryID).all()
            let steps = try await CareerStepRow.query(on: database).filter(\.$organisationID == file.client.organisationID)
                .filter(\.$trajectory.$id == file.trajectoryID).all()
            return Model(file: file, coaching: coaching, canWork: actor.canWork(on: file.client), followUps: followUps,
                         satisfaction: satisfaction, careerSteps: steps)
        }

        var closingEvaluations: [Evaluation] { coaching.evaluations.filter { $0.kind == EvaluationKind.closing.rawValue } }

        /// The recorded check for a number of months after the placement.
        func check(monthsAfter months: Int) -> FollowUpCheck? { coaching.followUps.first { $0.monthsAfter == months } }

        /// The checks still to record, in months after the placement.
        var openFollowUps: [Int] { (followUps ?? []).filter { $0.kind != .done }.map(\.check.monthsAfter) }
    }

    struct Content: WorkPageContent {
        let model: Model
        let input: WorkPageInput

        var blocks: [WorkBlock] { [evaluation, closing, satisfaction, followUps] }

        /// Satisfaction at closing: one form for the client, in easy words, and one for the employer.
        var satisfaction: WorkBlock {
            let words = request.standard.outcomeWords.satisfaction
            let facts = SatisfactionRespondent.allCases.compactMap { respondent -> KeyValue? in
                guard let rating = model.satisfaction.first(where: { $0.respondent == respondent.rawValue }) else { return nil }
                let scoreWords = words[rating.score]?[language] ?? ""
                return KeyValue(key: request.t(respondent == .client ? "satisfactionClient" : "satisfactionEmployer"),
                                value: "\(rating.score): \(scoreWords)" + (rating.comment.isEmpty ? "" : "\n\(rating.comment)"))
            }
            func section(_ respondent: SatisfactionRespondent) -> [FormView] {
                let isClient = respondent == .client
                let scoreID = SatisfactionForm.Field.score(respondent).rawValue
                let chosen = values[scoreID] ?? ""
                let options = [ChoiceOption(value: "", label: request.t("chooseOne"), selected: chosen.isEmpty)]
                    + Satisfaction.scores.map { ChoiceOption(value: String($0), label: "\($0): \(words[$0]?[language] ?? "")", selected: chosen == String($0)) }
                let fields = [
                    make.field(scoreID, labelKey: isClient ? "satisfactionClientQuestion" : "satisfactionEmployerQuestion",
                               hintKey: isClient ? "satisfactionClientHint" : nil, kind: "select", optional: false, options: options),
                    make.field(SatisfactionForm.Field.comment(respondent).rawValue,
                               labelKey: isClient ? "satisfactionClientComment" : "satisfactionEmployerComment", kind: "textarea"),
                    make.field(SatisfactionForm.Field.givenOn(respondent).rawValue, labelKey: "satisfactionGivenOn", kind: "date", optional: false),
                ]
                return form("satisfaction-\(respondent.rawValue)-form", .clientSatisfaction(.value(clientID)),
                            [FormSectionView(legend: request.t(isClient ? "satisfactionClient" : "satisfactionEmployer"), fields: fields)],
                            submitKey: "save", hidden: [KeyValue(key: SatisfactionForm.Field.respondent.rawValue, value: respondent.rawValue)])
            }
            return WorkBlock(id: "satisfaction", heading: request.t("satisfactionHeading"), text: request.t("satisfactionLead"), facts: facts,
                             forms: section(.client) + section(.employer))
        }

        var evaluation: WorkBlock {
            let table = TableView(
                id: "closing-evaluations-table", caption: request.t("evaluationsCaption"),
                headers: [request.t("evaluationHeldOn"), request.t("evaluationWith"), request.t("evaluationOutcome")],
                rows: model.closingEvaluations.map { evaluation in
                    [.init(text: WorkPage.date(evaluation.heldOn, language)), .init(text: SupportController.participants(evaluation, request)),
                     .init(text: evaluation.outcome)]
                }, empty: request.t("evaluationsNone"))
            let section = SupportController.evaluationSection(request, make: make, values: values, errors: errors, kind: .closing)
            return WorkBlock(id: "closing-evaluation", heading: request.t("closingEvaluationHeading"), text: request.t("closingEvaluationLead"),
                             tables: [table],
                             forms: form("closing-evaluation-form", .clientEvaluations(.value(clientID)), [section], submitKey: "evaluationAdd",
                                         hidden: [KeyValue(key: EvaluationForm.Field.kind.rawValue, value: EvaluationKind.closing.rawValue)]))
        }

        /// The form shows the stored closing until a posted one is shown again.
        private var closingValues: [String: String] {
            guard let closing = model.coaching.closing, values[ClosingForm.Field.outcome.rawValue] == nil else { return values }
            return values.merging(ClosingForm.values(closing)) { $1 }
        }

        var closing: WorkBlock {
            let values = closingValues
            var facts: [KeyValue] = []
            if let closing = model.coaching.closing {
                facts = [KeyValue(key: request.t("closingClosedOn"), value: WorkPage.date(closing.closedOn, language)),
                         KeyValue(key: request.t("closingOutcome"), value: ClosingOutcome(rawValue: closing.outcome)?.title[language] ?? closing.outcome),
                         KeyValue(key: request.t("closingSummary"), value: closing.summary),
                         KeyValue(key: request.t("closingAftercare"),
                                  value: closing.aftercareOffer.isEmpty ? request.t("notFilledIn") : closing.aftercareOffer)]
            }
            let outcome = values[ClosingForm.Field.outcome.rawValue] ?? ""
            let outcomes = [ChoiceOption(value: "", label: request.t("chooseOne"), selected: outcome.isEmpty)]
                + ClosingOutcome.allCases.map { ChoiceOption(value: $0.rawValue, label: $0.title[language], selected: outcome == $0.rawValue) }
            let make = FormFieldMaker(request: request, values: values, errors: errors.byField)
            let section = FormSectionView(legend: request.t("closingHeading"), fields: [
                make.field(ClosingForm.Field.closedOn.rawValue, labelKey: "closingClosedOn", kind: "date", optional: false),
                make.field(ClosingForm.Field.outcome.rawValue, labelKey: "closingOutcome", kind: "select", optional: false, options: outcomes),
                make.field(ClosingForm.Field.summary.rawValue, labelKey: "closingSummary", hintKey: "closingSummaryHint", kind: "textarea",
                           optional: false),
                make.field(ClosingForm.Field.aftercare.rawValue, labelKey: "closingAftercare", kind: "textarea"),
            ])
            return WorkBlock(id: "closing", heading: request.t("closingHeading"), facts: facts,
                             forms: form("closing-form", .clientClosing(.value(clientID)), [section], submitKey: "save"))
        }

        var followUps: WorkBlock {
            var block = WorkBlock(id: "follow-ups", heading: request.t("followUpsHeading"), text: request.t("followUpsLead"))
            guard let states = model.followUps else {
                block.text = request.t("followUpsNoPlacement")
                return block
            }
            block.tables = [TableView(
                id: "follow-ups-table", caption: request.t("followUpsCaption"),
                headers: [request.t("followUpCheck"), request.t("followUpDueOn"), request.t("followUpState"), request.t("followUpFound")],
                rows: states.map { state in
                    let done = model.check(monthsAfter: state.check.monthsAfter)
                    return [.init(text: after(state.check.monthsAfter)), .init(text: state.check.dueOn.text(in: language)),
                            .init(text: stateText(state, done: done)), .init(text: done.map(found) ?? "")]
                }, empty: "")]
            if !model.openFollowUps.isEmpty {
                block.forms = form("follow-up-form", .clientFollowUps(.value(clientID)), [followUpSection], submitKey: "followUpAdd")
            }
            return block
        }

        private func after(_ months: Int) -> String {
            request.t("followUpAfter", ["months": String(months)])
        }

        private func stateText(_ state: FollowUpState, done: FollowUpCheck?) -> String {
            switch state.kind {
            case .done: request.t("followUpDone", ["date": WorkPage.date(done?.heldOn ?? "", language)])
            case .overdue(let days): request.t("followUpOverdue", ["days": String(days)])
            case .dueSoon(let days): request.t("followUpDueSoon", ["days": String(days)])
            case .later: request.t("followUpLater")
            }
        }

        private var followUpSection: FormSectionView {
            func answer(_ field: FollowUpForm.Field, labelKey: String) -> FormFieldView {
                let id = field.rawValue
                let answers = [("", request.t("chooseOne")), ("yes", request.t("yes")), ("no", request.t("no"))]
                return make.field(id, labelKey: labelKey, kind: "select", optional: false, options: answers.map {
                    ChoiceOption(value: $0.0, label: $0.1, selected: (values[id] ?? "") == $0.0)
                })
            }
            let chosen = values[FollowUpForm.Field.months.rawValue]
            let months = model.openFollowUps.map { ChoiceOption(value: String($0), label: after($0), selected: chosen == String($0)) }
            return FormSectionView(legend: request.t("followUpNew"), fields: [
                make.field(FollowUpForm.Field.months.rawValue, labelKey: "followUpMonths", kind: "select", optional: false, options: months),
                make.field(FollowUpForm.Field.heldOn.rawValue, labelKey: "followUpHeldOn", kind: "date", optional: false),
                answer(.employed, labelKey: "followUpEmployed"),
                make.field(FollowUpForm.Field.hours.rawValue, labelKey: "followUpHours", inputMode: "decimal"),
                answer(.sameEmployer, labelKey: "followUpSameEmployer"),
                answer(.supportNeeded, labelKey: "followUpSupportNeeded"),
                make.field(FollowUpForm.Field.careerStep.rawValue, labelKey: "followUpCareerStep", hintKey: "followUpCareerStepHint",
                           kind: "select", options: careerSteps),
                make.field(FollowUpForm.Field.note.rawValue, labelKey: "followUpNote", kind: "textarea"),
            ])
        }

        private var careerSteps: [ChoiceOption] {
            let chosen = values[FollowUpForm.Field.careerStep.rawValue] ?? ""
            let words = request.standard.outcomeWords.careerSteps
            return [ChoiceOption(value: "", label: request.t("notFilledIn"), selected: chosen.isEmpty)]
                + CareerStep.allCases.map { ChoiceOption(value: $0.rawValue, label: words[$0]?[language] ?? $0.rawValue, selected: chosen == $0.rawValue) }
        }

        /// What a follow-up check found, in one line.
        func found(_ check: FollowUpCheck) -> String {
            var parts = [request.t(check.stillEmployed ? "followUpStillEmployed" : "followUpNotEmployed")]
            if let hours = check.hoursPerWeek {
                parts.append(request.t("followUpHoursText", ["hours": NumberText.format(hours, in: language)]))
            }
            if check.stillEmployed { parts.append(request.t(check.sameEmployer ? "followUpSameEmployerText" : "followUpOtherEmployerText")) }
            parts.append(request.t(check.supportNeeded ? "followUpSupportNeededText" : "followUpNoSupportText"))
            if let step = model.careerSteps.first(where: { $0.monthsAfter == check.monthsAfter }),
               let words = CareerStep(rawValue: step.step).flatMap({ request.standard.outcomeWords.careerSteps[$0]?[language] }) {
                parts.append(request.t("followUpCareerStepText", ["step": words]))
            }
            if !check.note.isEmpty { parts.append(check.note) }
            return parts.joined(separator: "; ")
        }
    }
}
