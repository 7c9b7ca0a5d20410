import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The support page (task 6): a model that loads what the page shows, and a content that puts it in
/// the visitor's language as blocks (log, milestones, evaluations, appointments), each with its form.
enum SupportPage: ClientWorkPage {
    static let titleKey = "supportTitle"
    static let leadKey = "supportLead"
    static let auditAction = "support.viewed"

    struct Model: WorkPageModel {
        let file: ClientFile
        let coaching: CoachingFile
        let canWork: Bool
        /// The grant of coaching hours (input financing), if the trajectory has one.
        let grant: CoachingGrantRow?

        static func load(_ file: ClientFile, _ input: WorkPageInput) async throws -> Model {
            let grant = try await CoachingGrantRow.query(on: input.request.db).filter(\.$organisationID == file.client.organisationID)
                .filter(\.$trajectory.$id == file.trajectoryID).first()
            return Model(file: file, coaching: try await CoachingFile.load(file, on: input.request.db), canWork: input.actor.canWork(on: file.client),
                         grant: grant)
        }

        /// Goals not reached yet: each gets a progress field in the support form.
        var openGoals: [CoachingGoal] { coaching.goals.filter { $0.reachedOn == nil && $0.droppedOn == nil } }

        var totalMinutes: Int { coaching.support.reduce(0) { $0 + $1.minutes } }

        /// An entry's progress notes as "goal: note", in the order of the goals' ids; notes about a
        /// goal that no longer exists are left out.
        func progress(of entry: SupportEntry) -> [String] {
            let goalsByID = Dictionary(coaching.goals.compactMap { goal in goal.id.map { ($0, goal) } }, uniquingKeysWith: { first, _ in first })
            return entry.progressByGoal.sorted { $0.key < $1.key }.compactMap { goalID, text in
                UUID(uuidString: goalID).flatMap { goalsByID[$0] }.map { "\($0.what): \(text)" }
            }
        }
    }

    struct Content: WorkPageContent {
        let model: Model
        let input: WorkPageInput

        var blocks: [WorkBlock] {
            get throws { [log, grant, try milestones, evaluations, appointments] }
        }

        var log: WorkBlock {
            let coaching = model.coaching
            let table = TableView(
                id: "support-table", caption: request.t("supportCaption"),
                headers: [request.t("supportHeldOn"), request.t("supportMinutes"), request.t("supportWithWhom"), request.t("supportContactMode"),
                          request.t("supportLocation"), request.t("supportNotes"), request.t("supportProgress"), request.t("changeColumn")],
                rows: coaching.support.map { entry in
                    [.init(text: WorkPage.date(entry.heldOn, language)), .init(text: NumberText.format(entry.minutes, in: language)),
                     .init(text: SupportParty(rawValue: entry.withWhom)?.title[language] ?? entry.withWhom),
                     .init(text: ContactMode(rawValue: entry.contactMode)?.title[language] ?? entry.contactMode), .init(text: entry.location),
                     .init(text: entry.notes + (entry.clientSummary.isEmpty ? "" : "\n" + request.t("supportClientSummaryShown", ["text": entry.clientSummary]))),
                     .init(text: model.progress(of: entry).joined(separator: "\n")),
                     .init(text: request.t(model.canWork ? "changeLink" : "historyLink"),
                           url: entry.id.map { SiteURL.clientSupportEntry(.value(clientID), .value($0)).path })]
                }, empty: request.t("supportNone"))
            let withWhom = values[SupportEntryForm.Field.withWhom.rawValue] ?? ""
            let parties = SupportParty.allCases.map {
                ChoiceOption(value: $0.rawValue, label: $0.title[language], selected: withWhom == $0.rawValue)
            }
            let progressFields = model.openGoals.compactMap { goal -> FormFieldView? in
                guard let id = goal.id else { return nil }
                let field = SupportEntryForm.progressField(id)
                return FormFieldView(id: field, label: request.t("supportProgressFor", ["goal": goal.what]),
                                     value: values[field] ?? "", error: errors.byField[field], kind: "textarea")
            }
            let chooseOne = ChoiceOption(value: "", label: request.t("chooseOne"), selected: withWhom.isEmpty)
            let fields = [
                make.field(SupportEntryForm.Field.heldOn.rawValue, labelKey: "supportHeldOn", kind: "date", optional: false),
                make.field(SupportEntryForm.Field.minutes.rawValue, labelKey: "supportMinutes", optional: false, inputMode: "numeric"),
                make.field(SupportEntryForm.Field.withWhom.rawValue, labelKey: "supportWithWhom", kind: "select", optional: false,
                           options: [chooseOne] + parties),
                make.field(SupportEntryForm.Field.contactMode.rawValue, labelKey: "supportContactMode", kind: "select", optional: false,
                           options: SupportController.contactModes(values[SupportEntryForm.Field.contactMode.rawValue] ?? "", language)),
                make.field(SupportEntryForm.Field.location.rawValue, labelKey: "supportLocation"),
                make.field(SupportEntryForm.Field.notes.rawValue, labelKey: "supportNotes", kind: "textarea", optional: false),
                make.field(SupportEntryForm.Field.clientSummary.rawValue, labelKey: "supportClientSummary", hintKey: "supportClientSummaryHint",
                           kind: "textarea"),
            ] + progressFields
            return WorkBlock(id: "log", heading: request.t("supportHeading"),
                             text: request.t("supportTotal", [
                                 "hours": WorkPage.hours(model.totalMinutes, language),
                                 "count": String(coaching.support.count),
                             ]),
                             tables: [table],
                             forms: form("support-form", .clientSupport(.value(clientID)),
                                         [FormSectionView(legend: request.t("supportNew"), fields: fields)], submitKey: "supportAdd"))
        }

        /// The grant: its years with the hours logged against them (a year past its hours warns), the
        /// report for the commissioner, and the form.
        var grant: WorkBlock {
            let regimes = request.standard.grantRegimes
            var formValues = values
            if let row = model.grant, values[GrantForm.Field.regime.rawValue] == nil {
                formValues[GrantForm.Field.regime.rawValue] = row.regime
                formValues[GrantForm.Field.start.rawValue] = row.startsOn
                formValues[GrantForm.Field.contractHours.rawValue] = NumberText.format(row.contractHours, in: language)
            }
            let make = FormFieldMaker(request: request, values: formValues, errors: errors.byField)
            let chosen = formValues[GrantForm.Field.regime.rawValue] ?? ""
            let section = FormSectionView(legend: request.t(model.grant == nil ? "grantNew" : "grantChange"), fields: [
                make.field(GrantForm.Field.regime.rawValue, labelKey: "grantRegime", kind: "select", optional: false,
                           options: [ChoiceOption(value: "", label: request.t("chooseOne"), selected: chosen.isEmpty)]
                               + regimes.map { ChoiceOption(value: $0.id, label: $0.name[language], selected: chosen == $0.id) }),
                make.field(GrantForm.Field.start.rawValue, labelKey: "grantStart", kind: "date", optional: false),
                make.field(GrantForm.Field.contractHours.rawValue, labelKey: "grantContractHours", hintKey: "grantContractHoursHint",
                           optional: false, inputMode: "decimal"),
            ])
            let forms = form("grant-form", .clientGrant(.value(clientID)), [section], submitKey: "save")
            guard let row = model.grant, let status = GrantController.status(row, support: model.coaching.support, regimes: regimes) else {
                return WorkBlock(id: "grant", heading: request.t("grantHeading"), text: request.t("grantNoneText"), forms: forms)
            }
            var block = GrantController.yearsBlock(status.years, outside: status.outside, request: request, forms: forms)
            block.links = [LinkView(url: SiteURL.clientGrantReport(.value(clientID)).path, label: request.t("grantReportTitle"))]
            return block
        }

        var milestones: WorkBlock {
            get throws {
                let table = TableView(
                    id: "milestones-table", caption: request.t("milestonesCaption"),
                    headers: [request.t("milestoneTitle"), request.t("milestoneReachedOn"), request.t("milestoneCelebrated"), request.t("changeColumn")],
                    rows: try model.coaching.milestones.map { milestone in
                        let link = TableView.Cell(text: request.t(model.canWork && milestone.takenBackOn == nil ? "milestoneTakeBackLink" : "historyLink"),
                                                  url: SiteURL.clientMilestone(.value(clientID), .value(try milestone.requireID())).path)
                        if let takenBack = milestone.takenBackOn {
                            return [.init(text: milestone.title), .init(text: WorkPage.date(milestone.reachedOn, language)),
                                    .init(text: request.t("milestoneTakenBackOn", ["date": WorkPage.date(takenBack, language)])), link]
                        }
                        return [.init(text: milestone.title), .init(text: WorkPage.date(milestone.reachedOn, language)), try celebration(milestone), link]
                    }, empty: request.t("milestonesNone"))
                let celebrated = MilestoneForm.Field.celebrated.rawValue
                let section = FormSectionView(
                    legend: request.t("milestoneNew"),
                    fields: [make.field(MilestoneForm.Field.title.rawValue, labelKey: "milestoneTitle", optional: false),
                             make.field(MilestoneForm.Field.reachedOn.rawValue, labelKey: "milestoneReachedOn", kind: "date", optional: false)],
                    singles: [CheckOption(name: celebrated, id: celebrated, label: request.t("milestoneCelebratedNow"),
                                          hint: "", checked: values[celebrated] == "yes")])
                return WorkBlock(id: "milestones", heading: request.t("milestonesHeading"), text: request.t("milestonesLead"), tables: [table],
                                 forms: form("milestone-form", .clientMilestones(.value(clientID)), [section], submitKey: "milestoneAdd"))
            }
        }

        /// "Celebrated", or "not yet" with the button to mark it for whoever works on the client.
        private func celebration(_ milestone: Milestone) throws -> TableView.Cell {
            if milestone.celebrated { return .init(text: request.t("milestoneCelebratedYes")) }
            let action = model.canWork ? InlineAction(
                url: SiteURL.clientMilestoneCelebrated(.value(clientID), .value(try milestone.requireID())).path,
                csrfToken: request.csrfToken, label: request.t("milestoneMarkCelebrated")) : nil
            return .init(text: request.t("milestoneCelebratedNo"), action: action)
        }

        var evaluations: WorkBlock {
            let table = TableView(
                id: "evaluations-table", caption: request.t("evaluationsCaption"),
                headers: [request.t("evaluationHeldOn"), request.t("evaluationKind"), request.t("evaluationWith"), request.t("evaluationOutcome"),
                          request.t("evaluationPlanChanges"), request.t("changeColumn")],
                rows: model.coaching.evaluations.map { evaluation in
                    [.init(text: WorkPage.date(evaluation.heldOn, language)),
                     .init(text: EvaluationKind(rawValue: evaluation.kind)?.name(request) ?? evaluation.kind),
                     .init(text: SupportController.participants(evaluation, request)), .init(text: evaluation.outcome),
                     .init(text: evaluation.planChanges),
                     .init(text: request.t(model.canWork ? "changeLink" : "historyLink"),
                           url: evaluation.id.map { SiteURL.clientEvaluation(.value(clientID), .value($0)).path })]
                }, empty: request.t("evaluationsNone"))
            let section = SupportController.evaluationSection(request, make: make, values: values, errors: errors, kind: .interim)
            return WorkBlock(id: "evaluations", heading: request.t("evaluationsHeading"), text: request.t("evaluationsLead"), tables: [table],
                             forms: form("evaluation-form", .clientEvaluations(.value(clientID)), [section], submitKey: "evaluationAdd"))
        }

        var appointments: WorkBlock {
            let timeZone = request.application.configuration.timeZone
            let table = TableView(
                id: "appointments-table", caption: request.t("appointmentsCaption"),
                headers: [request.t("appointmentWhen"), request.t("appointmentKind"), request.t("appointmentMinutes"), request.t("appointmentLocation"),
                          request.t("appointmentTopic"), request.t("changeColumn")],
                rows: model.coaching.appointments.map { appointment in
                    let cancelled = appointment.status == AppointmentStatus.cancelled.rawValue
                    let kind = (AppointmentKind(rawValue: appointment.kind) ?? .other).title[language]
                    return [.init(text: PracticeOptions.dateTime(appointment.startsAt, timeZone: timeZone, language: language)),
                            .init(text: cancelled ? request.t("appointmentCancelledKind", ["kind": kind, "reason": appointment.cancelReason]) : kind),
                            .init(text: NumberText.format(appointment.minutes, in: language)), .init(text: appointment.location),
                            .init(text: appointment.topic),
                            .init(text: request.t(model.canWork && !cancelled ? "appointmentChangeLink" : "historyLink"),
                                  url: appointment.id.map { SiteURL.clientAppointment(.value(clientID), .value($0)).path })]
                }, empty: request.t("appointmentsNone"))
            let section = FormSectionView(legend: request.t("appointmentNew"), fields: [
                make.field(AppointmentForm.Field.kind.rawValue, labelKey: "appointmentKind", kind: "select", optional: false,
                           options: AppointmentKind.allCases.map { kind in
                               ChoiceOption(value: kind.rawValue, label: kind.title[language],
                                            selected: (values[AppointmentForm.Field.kind.rawValue] ?? AppointmentKind.conversation.rawValue) == kind.rawValue)
                           }),
                make.field(AppointmentForm.Field.date.rawValue, labelKey: "appointmentDate", kind: "date", optional: false),
                make.field(AppointmentForm.Field.time.rawValue, labelKey: "appointmentTime", kind: "time", optional: false),
                make.field(AppointmentForm.Field.minutes.rawValue, labelKey: "appointmentMinutes", optional: false, inputMode: "numeric"),
                make.field(AppointmentForm.Field.location.rawValue, labelKey: "appointmentLocation", optional: false),
                make.field(AppointmentForm.Field.topic.rawValue, labelKey: "appointmentTopic", optional: false),
            ])
            return WorkBlock(id: "appointments", heading: request.t("appointmentsHeading"), text: request.t("appointmentsLead"), tables: [table],
                             forms: form("appointment-form", .clientAppointments(.value(clientID)), [section], submitKey: "appointmentAdd"))
        }
    }
}
