import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The caseload page: a model that loads one scan of the caseload (counts, the page of clients,
/// the load against the agency's limit, the due actions, lead times), and
/// `CaseloadContext.init(_:request:)`, which puts it in the visitor's language.
enum CaseloadPage {
    static let pageSize = CaseloadController.pageSize

    struct Model: Sendable {
        let actor: PracticeActor
        let overview: CaseloadOverview
        let phase: TrajectoryPhase?
        let pageNumber: Int
        /// This page's clients.
        let clients: [CaseloadOverview.Item]
        /// Coaches' names, for the team lead's list.
        let coachNames: [UUID: String]
        let policy: CaseloadPolicy
        let load: CaseloadLoad
        /// Every due action of the caseload, soonest first.
        let due: [(item: CaseloadOverview.Item, action: DueAction)]

        static func load(_ actor: PracticeActor, phase: TrajectoryPhase?, page: Int, today: CalendarDate,
                         on database: any Database) async throws -> Model {
            // One scan of the caseload in narrow rows gives the counts, the page of clients, the load and
            // the lead times; the due actions read only those trajectories' records.
            let overview = try await CaseloadOverview.load(actor, today: today, on: database)
            let clients = Array(overview.items.filter { phase == nil || $0.phase == phase }.dropFirst((page - 1) * pageSize).prefix(pageSize))
            var coachNames: [UUID: String] = [:]
            let ids = Set(clients.map(\.coachID))
            if actor.leadsTeam, !ids.isEmpty {
                for user in try await User.query(on: database).filter(\.$id ~~ ids).all() {
                    if let id = user.id { coachNames[id] = user.displayName }
                }
            }
            let policy = try await CaseloadPolicy.load(actor.organisationID, coaches: [actor.userID], on: database)
            let own = overview.items.filter { $0.coachID == actor.userID && $0.phase.countsTowardsCaseload }.count
            let due = overview.items.flatMap { item in (overview.actions[item.trajectoryID] ?? []).map { (item: item, action: $0) } }
                .sorted { ($0.action.dueOn, $0.item.name) < ($1.action.dueOn, $1.item.name) }
            return Model(actor: actor, overview: overview, phase: phase, pageNumber: page, clients: clients, coachNames: coachNames,
                         policy: policy, load: policy.load(of: actor.userID, clients: own), due: due)
        }

        var counts: [TrajectoryPhase: Int] { overview.phaseCounts }

        /// Clients in the chosen phase (or all).
        var total: Int { phase.map { counts[$0] ?? 0 } ?? counts.values.reduce(0, +) }

        var pages: Int { max(1, (total + pageSize - 1) / pageSize) }
    }
}

extension CaseloadContext {
    init(_ model: CaseloadPage.Model, request: Request) {
        let language = request.language
        let now = request.clock.now()
        let today = request.today
        let leadsTeam = model.actor.leadsTeam
        let pageSize = CaseloadPage.pageSize
        func link(_ number: Int) -> String {
            SiteURL.caseload.path(query: (model.phase.map { [("phase", $0.rawValue)] } ?? []) + [("page", String(number))])
        }
        self.init(
            layout: Layout(request: request, title: request.t(leadsTeam ? "caseloadTeamTitle" : "caseloadTitle"), current: .caseload),
            load: CaseloadPolicy.text(model.load, request), loadPercentage: min(model.load.percentage, 200), loadOver: model.load.isOver,
            loadNote: request.t(model.load.isOver ? "caseloadOver" : "caseloadPlacesLeft", [
                "places": String(model.load.placesLeft),
                "hours": NumberText.format(model.policy.hours(of: model.actor.userID), in: language),
                "perFullTime": String(model.policy.policy.caseloadPerFullTime),
            ]),
            actions: model.due.prefix(pageSize).map { Self.actionRow($0.item, $0.action, today: today, request) },
            actionsMore: model.due.count > pageSize
                ? request.t("caseloadActionsMore", ["count": String(model.due.count - pageSize)]) : "",
            leadTimes: model.overview.leadTimes(now: now).map { time in
                LeadTimeRow(phase: time.phase.title[language], clients: time.clients,
                            average: PracticeOptions.days(time.averageDays, request), longest: PracticeOptions.days(time.longestDays, request))
            },
            teamURL: leadsTeam ? SiteURL.teamCaseload.path : nil,
            csvURL: SiteURL.caseloadCSV.path,
            settingsURL: leadsTeam ? SiteURL.caseloadSettings.path : nil,
            heading: request.t(leadsTeam ? "caseloadTeamTitle" : "caseloadTitle"),
            lead: request.t(leadsTeam ? "caseloadTeamLead" : "caseloadLead"),
            rows: model.clients.map { client in
                Row(name: client.name, url: SiteURL.client(.value(client.clientID)).path,
                    phase: client.phase.title[language],
                    daysInPhase: PracticeOptions.days(TrajectoryTimeline.daysInPhase(since: client.phaseSince, now: now), request),
                    started: CalendarDate(client.startedAt, in: request.application.configuration.timeZone).text(in: language),
                    coach: model.coachNames[client.coachID] ?? "")
            },
            showCoach: leadsTeam, phases: Self.filters(model, request), total: model.total,
            newClientURL: SiteURL.clientNew.path, employersURL: SiteURL.employers.path, commissionersURL: SiteURL.commissioners.path,
            previousURL: model.pageNumber > 1 ? link(model.pageNumber - 1) : nil,
            nextURL: model.pageNumber < model.pages ? link(model.pageNumber + 1) : nil,
            pageText: request.t("pageOf", ["page": String(model.pageNumber), "pages": String(model.pages)]))
    }

    private static func actionRow(_ item: CaseloadOverview.Item, _ action: DueAction, today: CalendarDate, _ request: Request) -> ActionRow {
        let isGoal = action.kind == .goal
        return ActionRow(
            client: item.name,
            clientURL: SiteURL.client(.value(item.clientID)).path,
            url: (isGoal ? SiteURL.clientPlan(.value(item.clientID)) : SiteURL.clientClosing(.value(item.clientID))).path
                + (isGoal ? "#goals" : "#follow-ups"),
            what: isGoal ? request.t("caseloadActionGoal", ["goal": action.subject])
                : request.t("caseloadActionFollowUp", ["months": action.subject]),
            due: action.dueOn.text(in: request.language),
            state: action.isOverdue(on: today)
                ? request.t("followUpOverdue", ["days": String(today.days(since: action.dueOn))])
                : request.t("followUpDueSoon", ["days": String(action.dueOn.days(since: today))]),
            overdue: action.isOverdue(on: today))
    }

    private static func filters(_ model: CaseloadPage.Model, _ request: Request) -> [PhaseFilter] {
        let counts = model.counts
        return [PhaseFilter(label: request.t("practiceAllPhases"), count: counts.values.reduce(0, +),
                            url: SiteURL.caseload.path, current: model.phase == nil)]
            + TrajectoryPhase.allCases.map { candidate in
                PhaseFilter(label: candidate.title[request.language], count: counts[candidate] ?? 0,
                            url: SiteURL.caseload.path(query: [("phase", candidate.rawValue)]), current: candidate == model.phase)
            }
    }
}
