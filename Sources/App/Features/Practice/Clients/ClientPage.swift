import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The client's page: a model that loads what the page shows (the checklist's ticks, who moved the
/// trajectory, the commissioner, the placement, earlier trajectories, the team's coaches), and
/// `ClientPageContext.init(_:request:values:errors:)`, which puts it in the visitor's language.
enum ClientPage {
    struct Model: Sendable {
        let file: ClientFile
        let canWork: Bool
        let canAssign: Bool
        /// The phase whose checklist is shown (the current one unless another is asked for).
        let checklistPhase: TrajectoryPhase
        let ticks: [String: ChecklistTick]
        /// Display names of the coach and of everyone who moved the trajectory.
        let userNames: [UUID: String]
        let commissioner: Commissioner?
        let placementSummary: String?
        let pastTrajectories: [Trajectory]
        /// Whom the team lead can assign the client to.
        let coaches: [User]
        let attachments: [ClientAttachment]
        let now: Date

        static func load(_ file: ClientFile, actor: PracticeActor, checklistPhase: TrajectoryPhase, request: Request) async throws -> Model {
            let database = request.db
            let client = file.client
            let ticks = try await ChecklistTick.query(on: database)
                .filter(\.$organisationID == actor.organisationID).filter(\.$trajectory.$id == file.trajectoryID).all()
            var userNames: [UUID: String] = [:]
            let userIDs = Set(file.moves.map(\.movedBy) + [client.$coach.id])
            for user in try await User.query(on: database).filter(\.$id ~~ userIDs).all() {
                if let id = user.id { userNames[id] = user.displayName }
            }
            let clientID = try client.requireID()
            let past = try await Trajectory.query(on: database)
                .filter(\.$organisationID == actor.organisationID).filter(\.$client.$id == clientID)
                .filter(\.$isCurrent == false).sort(\.$startedAt, .descending).all()
            let canAssign = actor.canAssign(client)
            return Model(
                file: file, canWork: actor.canWork(on: client), canAssign: canAssign, checklistPhase: checklistPhase,
                ticks: Dictionary(ticks.map { ($0.indicatorID, $0) }, uniquingKeysWith: { first, _ in first }),
                userNames: userNames, commissioner: try await file.trajectory.$commissioner.get(on: database),
                placementSummary: try await file.placementSummary(request), pastTrajectories: past,
                coaches: canAssign ? try await ClientController.teamCoaches(actor, on: database) : [],
                attachments: try await AttachmentController.attachments(of: client, on: database),
                now: request.clock.now())
        }

        var coachName: String { userNames[file.client.$coach.id] ?? "" }
    }
}

extension ClientPageContext {
    init(_ model: ClientPage.Model, request: Request, values: [String: String], errors: [FieldError]) throws {
        let language = request.language
        let file = model.file
        let client = file.client
        let clientID = try client.requireID()
        let current = file.trajectory.phase
        let timeline = file.timeline
        let timeZone = request.application.configuration.timeZone
        let url = ClientURLs(clientID)
        self.init(
            layout: Layout(request: request, title: client.name, current: .caseload),
            csrfToken: request.csrfToken,
            name: client.name, details: Self.details(model, request),
            phase: current.title[language], ended: !current.isOpen,
            daysInPhase: PracticeOptions.days(TrajectoryTimeline.daysInPhase(since: file.trajectory.phaseSince, now: model.now), request),
            totalDays: PracticeOptions.days(timeline.totalDays(now: model.now), request),
            framework: "\(file.framework.title[language]) (\(file.framework.version))",
            frameworkURL: SiteURL.frameworkVersion(.value(file.framework.id), .value(file.framework.version)).path,
            steps: Self.steps(current, request),
            checklistPhase: model.checklistPhase.title[language],
            checklistPhaseCode: model.checklistPhase.rawValue,
            checklistPhases: TrajectoryPhase.sequence.map { phase in
                ChoiceOption(value: SiteURL.client(.value(clientID)).path(query: [("phase", phase.rawValue)]) + "#checklist",
                             label: phase.title[language], selected: phase == model.checklistPhase)
            },
            checklist: Self.checklist(model, request),
            checklistURL: url.checklist,
            canWork: model.canWork,
            moveURL: url.move,
            moveOptions: Self.moveOptions(current, selected: values["to"], request),
            moveReason: values["reason"] ?? "",
            moves: file.moves.reversed().map { row in
                MoveRow(date: PracticeOptions.dateTime(row.movedAt, timeZone: timeZone, language: language),
                        from: TrajectoryPhase(rawValue: row.fromPhase)?.title[language] ?? row.fromPhase,
                        to: TrajectoryPhase(rawValue: row.toPhase)?.title[language] ?? row.toPhase,
                        reason: row.reason, by: model.userNames[row.movedBy] ?? "")
            },
            leadTimes: timeline.leadTimes(now: model.now).map { time in
                LeadTimeRow(phase: time.phase.title[language], days: PracticeOptions.days(time.days, request),
                            visits: time.visits, current: time.isCurrent && current.isOpen)
            },
            intakeURL: url.intake,
            intakeStatus: Self.intakeStatus(file, request),
            profileURL: url.profile,
            profileStatus: Self.profileStatus(file, request),
            matchingURL: url.matching,
            placement: model.placementSummary,
            workLinks: url.workLinks(request),
            canAssign: model.canAssign, coachURL: url.coach,
            coaches: model.coaches.map { ChoiceOption(value: $0.id!.uuidString, label: $0.displayName, selected: $0.id == client.$coach.id) },
            past: model.pastTrajectories.map { old in
                PastTrajectory(started: CalendarDate(old.startedAt, in: timeZone).text(in: language),
                               ended: old.endedAt.map { CalendarDate($0, in: timeZone).text(in: language) } ?? "",
                               framework: "\(old.frameworkID) \(old.frameworkVersion)")
            },
            newTrajectoryURL: url.trajectories,
            attachments: model.attachments.map { attachment in
                AttachmentLink(url: SiteURL.clientAttachment(.value(clientID), .value(attachment.id!)).path, title: attachment.title,
                               description: AttachmentController.description(attachment, request))
            },
            attachmentsURL: SiteURL.clientAttachments(.value(clientID)).path,
            errors: errors, hasErrors: !errors.isEmpty, fieldErrors: errors.byField)
    }

    /// The links of a client's page, by the client's id.
    private struct ClientURLs {
        let id: UUID
        init(_ id: UUID) { self.id = id }
        var checklist: String { SiteURL.clientChecklist(.value(id)).path }
        var move: String { SiteURL.clientMove(.value(id)).path }
        var intake: String { SiteURL.clientIntake(.value(id)).path }
        var profile: String { SiteURL.clientProfile(.value(id)).path }
        var matching: String { SiteURL.clientMatching(.value(id)).path }
        var coach: String { SiteURL.clientCoach(.value(id)).path }
        var trajectories: String { SiteURL.clientTrajectories(.value(id)).path }
        func workLinks(_ request: Request) -> [LinkView] {
            let links: [(SiteURL, String)] = [
                (.clientPlan(.value(id)), request.t("planTitle")), (.clientSupport(.value(id)), request.t("supportTitle")),
                (.clientFading(.value(id)), request.t("fadingTitle")), (.clientClosing(.value(id)), request.t("closingTitle")),
                (.clientReports(.value(id)), request.t("reportsTitle")), (.clientAccount(.value(id)), request.t("accountTitle")),
                (.clientExport(.value(id)), request.t("exportTitle")), (.clientPrivacy(.value(id)), request.t("privacyTitle")),
                (.clientPeerReview(.value(id)), request.t("peerReviewTitle")),
            ]
            return links.map { LinkView(url: $0.0.path, label: $0.1) }
        }
    }

    private static func details(_ model: ClientPage.Model, _ request: Request) -> [KeyValue] {
        let client = model.file.client
        var details = [KeyValue(key: request.t("clientCoach"), value: model.coachName)]
        if let commissioner = model.commissioner { details.append(KeyValue(key: request.t("clientCommissioner"), value: commissioner.name)) }
        if !client.place.isEmpty { details.append(KeyValue(key: request.t("practicePlace"), value: client.place)) }
        if let birth = client.dateOfBirth.flatMap(CalendarDate.init) {
            details.append(KeyValue(key: request.t("clientDateOfBirth"), value: birth.text(in: request.language)))
        }
        if !client.email.isEmpty { details.append(KeyValue(key: request.t("clientEmail"), value: client.email)) }
        if !client.phone.isEmpty { details.append(KeyValue(key: request.t("clientPhone"), value: client.phone)) }
        return details
    }

    private static func steps(_ current: TrajectoryPhase, _ request: Request) -> [Step] {
        TrajectoryPhase.sequence.map { phase in
            let state: StepState = !current.isOpen || phase < current ? .done : phase == current ? .current : .todo
            return Step(label: phase.title[request.language], state: state.rawValue, stateText: state.text(request),
                        current: phase == current)
        }
    }

    /// Where a phase is in the trajectory; the raw value styles the step.
    private enum StepState: String {
        case done, current, todo

        func text(_ request: Request) -> String {
            switch self {
            case .done: request.t("step_done")
            case .current: request.t("step_current")
            case .todo: request.t("step_todo")
            }
        }
    }

    private static func moveOptions(_ current: TrajectoryPhase, selected: String?, _ request: Request) -> [ChoiceOption] {
        TrajectoryStateMachine.moves(from: current).map { move in
            ChoiceOption(value: move.to.rawValue,
                         label: moveLabel(move.kind, to: move.to.title[request.language], request),
                         selected: selected == move.to.rawValue)
        }
    }

    private static func moveLabel(_ kind: PhaseMoveKind, to phase: String, _ request: Request) -> String {
        let arguments = ["phase": phase]
        return switch kind {
        case .forward: request.t("move_forward", arguments)
        case .back: request.t("move_back", arguments)
        case .stop: request.t("move_stop", arguments)
        case .finish: request.t("move_finish", arguments)
        }
    }

    private static func checklist(_ model: ClientPage.Model, _ request: Request) -> [ChecklistSection] {
        let language = request.language
        return PhaseChecklist.sections(for: model.checklistPhase, in: model.file.framework).map { section in
            let items = section.items.map { item in
                ChecklistItem(id: item.id, number: PracticeOptions.indicatorNumber(item.id), text: item.text[language],
                              done: model.ticks[item.id]?.done ?? false, note: model.ticks[item.id]?.note ?? "")
            }
            let done = items.filter(\.done).count
            return ChecklistSection(
                id: section.taskID,
                heading: "\(request.t("practiceTask")) \(section.taskNumber): \(section.title[language])",
                description: section.description?[language] ?? "",
                throughout: section.isThroughout, items: items,
                doneText: request.t("checklistDone", ["done": String(done), "total": String(items.count)]))
        }
    }

    private static func intakeStatus(_ file: ClientFile, _ request: Request) -> String {
        guard let intake = file.intake else { return request.t("notYetRecorded") }
        return request.t("intakeStatusHeld", ["date": CalendarDate(intake.heldOn)?.text(in: request.language) ?? intake.heldOn])
    }

    private static func profileStatus(_ file: ClientFile, _ request: Request) -> String {
        guard let profile = file.profile else { return request.t("notYetRecorded") }
        guard let agreed = profile.agreedOn.flatMap(CalendarDate.init) else { return request.t("profileNotAgreed") }
        return request.t("profileStatusAgreed", ["date": agreed.text(in: request.language)])
    }
}
