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
        /// Appointments, goals and checks of today and the next days, what is late first.
        let agenda: Agenda
        let agendaData: AgendaData

        static func load(_ actor: PracticeActor, phase: TrajectoryPhase?, page: Int, today: CalendarDate, timeZone: TimeZone,
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
            let last = today.adding(days: Agenda.horizonDays)
            let data = try await AgendaData.load(actor, overview: overview, first: today, last: last, timeZone: timeZone, on: database)
            let agenda = Agenda(appointments: data.items(timeZone: timeZone), actions: data.actions, today: today, through: last)
            if actor.leadsTeam {
                let missing = Set(data.appointments.map(\.coachID)).subtracting(coachNames.keys)
                if !missing.isEmpty {
                    for user in try await User.query(on: database).filter(\.$id ~~ missing).all() {
                        if let id = user.id { coachNames[id] = user.displayName }
                    }
                }
            }
            return Model(actor: actor, overview: overview, phase: phase, pageNumber: page, clients: clients, coachNames: coachNames,
                         policy: policy, load: policy.load(of: actor.userID, clients: own), agenda: agenda, agendaData: data)
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
            // Only the rows shown are put into words: a team lead's agenda holds thousands.
            agenda: AgendaRow.rows(Array((model.agenda.overdue + model.agenda.days.flatMap(\.items)).prefix(pageSize)), data: model.agendaData,
                                   today: today, coachNames: model.coachNames, showDay: true, request),
            agendaMore: model.agenda.overdue.count + model.agenda.days.reduce(0) { $0 + $1.items.count } > pageSize
                ? request.t("caseloadActionsMore", ["count": String(model.agenda.overdue.count + model.agenda.days.reduce(0) { $0 + $1.items.count } - pageSize)]) : "",
            agendaURL: SiteURL.agenda.path, searchURL: SiteURL.clients.path,
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
                    coach: model.coachNames[client.coachID] ?? "", restricted: client.restricted)
            },
            showCoach: leadsTeam, phases: Self.filters(model, request), total: model.total,
            newClientURL: SiteURL.clientNew.path, employersURL: SiteURL.employers.path, commissionersURL: SiteURL.commissioners.path,
            previousURL: model.pageNumber > 1 ? link(model.pageNumber - 1) : nil,
            nextURL: model.pageNumber < model.pages ? link(model.pageNumber + 1) : nil,
            pageText: request.t("pageOf", ["page": String(model.pageNumber), "pages": String(model.pages)]))
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
