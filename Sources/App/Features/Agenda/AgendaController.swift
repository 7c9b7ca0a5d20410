import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The coach's agenda by week, and their calendar feed: a secret URL a calendar program subscribes
/// to, holding the appointments of their own clients with initials and the kind of appointment only.
enum AgendaController {
    /// How far the feed reaches back and ahead.
    static let feedPastDays = 30
    static let feedFutureDays = 183

    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let today = request.today
        let asked = (try? request.query.get(String.self, at: "week")).flatMap(CalendarDate.init) ?? today
        let monday = asked.startOfWeek
        let sunday = monday.adding(days: 6)
        let timeZone = request.application.configuration.timeZone
        let overview = try await CaseloadOverview.load(actor, today: today, on: request.db)
        let data = try await AgendaData.load(actor, overview: overview, first: monday, last: sunday, timeZone: timeZone, on: request.db)
        try await ClientAudit.readList(request, actor, "agenda.viewed", count: Set(data.appointments.map(\.clientID)).count,
                                       details: ["week": monday.description])
        // Due goals and checks are shown on their own day; overdue ones on the start page.
        let week = Agenda.week(of: monday, appointments: data.items(timeZone: timeZone), actions: data.actions)
        var coachNames: [UUID: String] = [:]
        if actor.leadsTeam {
            let ids = Set(data.appointments.map(\.coachID)).union(data.clients.values.map(\.coachID))
            if !ids.isEmpty {
                for user in try await User.query(on: request.db).filter(\.$id ~~ ids).all() { coachNames[try user.requireID()] = user.displayName }
            }
        }
        let language = request.language
        var blocks = week.map { day -> WorkBlock in
            let rows = AgendaRow.rows(day.items, data: data, today: today, coachNames: coachNames, showDay: false, request)
            let heading = request.t("agendaDay", ["weekday": request.t(weekdayKey(day.day.weekday)), "date": day.day.text(in: language)])
                + (day.day == today ? " · " + request.t("agendaToday") : "")
            return WorkBlock(id: "day-\(day.day.description)", heading: heading, tables: [
                TableView(id: "agenda-\(day.day.description)", caption: request.t("agendaDayCaption", ["date": day.day.text(in: language)]),
                          headers: [request.t("agendaTime"), request.t("clientName"), request.t("caseloadActionWhat")]
                            + (actor.leadsTeam ? [request.t("clientCoach")] : []),
                          rows: rows.map { row in
                              [TableView.Cell(text: row.when.isEmpty ? request.t("agendaWholeDay") : row.when),
                               TableView.Cell(text: row.client, url: row.clientURL), TableView.Cell(text: row.what, url: row.url)]
                                + (actor.leadsTeam ? [TableView.Cell(text: row.coach)] : [])
                          },
                          empty: request.t("agendaNothing")),
            ])
        }
        blocks.append(try await feedBlock(request, actor))
        let (year, number) = monday.isoWeek
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("agendaTitle"), current: .agenda),
            heading: request.t("agendaTitle"),
            subtitle: request.t("agendaWeek", ["week": String(number), "year": String(year)]),
            lead: request.t("agendaLead", ["from": monday.text(in: language), "until": sunday.text(in: language)]),
            backURL: SiteURL.caseload.path, backLabel: request.t("navCaseload"), notice: nil,
            blocks: [WorkBlock(id: "weeks", heading: request.t("agendaOtherWeeks"), links: [
                LinkView(url: SiteURL.agenda.path(query: [("week", monday.adding(days: -7).description)]), label: request.t("agendaPreviousWeek")),
                LinkView(url: SiteURL.agenda.path, label: request.t("agendaThisWeek")),
                LinkView(url: SiteURL.agenda.path(query: [("week", monday.adding(days: 7).description)]), label: request.t("agendaNextWeek")),
            ])] + blocks,
            errors: [], hasErrors: false)
        return try await request.page(.work, context)
    }

    static func weekdayKey(_ weekday: Int) -> String {
        switch weekday {
        case 1: "weekdayMonday"
        case 2: "weekdayTuesday"
        case 3: "weekdayWednesday"
        case 4: "weekdayThursday"
        case 5: "weekdayFriday"
        case 6: "weekdaySaturday"
        default: "weekdaySunday"
        }
    }

    /// The feed's block: the URL once, right after it was made or renewed; otherwise whether there is
    /// one, and the button that makes a new one (the old URL stops working).
    static func feedBlock(_ request: Request, _ actor: PracticeActor) async throws -> WorkBlock {
        let hasFeed = try await CalendarFeed.query(on: request.db).filter(\.$userID == actor.userID).first() != nil
        var block = WorkBlock(id: "feed", heading: request.t("agendaFeedHeading"), text: request.t("agendaFeedLead"))
        if let token = request.session.data["calendarFeed"] {
            request.session.data["calendarFeed"] = nil
            let url = request.application.configuration.publicURL + SiteURL.agendaFeed(.value(token)).path
            block.facts = [KeyValue(key: request.t("agendaFeedURL"), value: url)]
            block.links = [LinkView(url: url, label: request.t("agendaFeedOpen"))]
            block.text = request.t("agendaFeedShownOnce")
        } else if hasFeed {
            block.facts = [KeyValue(key: request.t("agendaFeedURL"), value: request.t("agendaFeedHidden"))]
        }
        block.forms = [FormView(id: "feed-form", url: SiteURL.agendaFeedRenew.path, csrfToken: request.csrfToken, sections: [],
                                submitLabel: request.t(hasFeed ? "agendaFeedRenew" : "agendaFeedMake"), readOnly: false)]
        return block
    }

    /// Makes a new secret (and with it a new URL); the old one stops working in the same change.
    static func renewFeed(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let token = SecureToken.random()
        let userID = actor.userID
        try await request.change { db in
            try await CalendarFeed.query(on: db).filter(\.$userID == userID).delete()
            let feed = CalendarFeed()
            feed.userID = userID
            feed.tokenHash = SecureToken.sha256(token)
            try await feed.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(actor.organisationID), actor: actor.user.auditName, action: "agenda.feed.renewed",
                                                              subject: actor.user.auditName,
                                                              details: ["organisation": actor.organisationID.uuidString])
        }
        request.session.data["calendarFeed"] = token
        return request.redirect(to: SiteURL.agenda.path + "#feed")
    }

    /// The feed itself: no session, the secret is the key. An unknown secret is a 404 like any unknown
    /// page, and the attempt is in the audit trail.
    static func feed(_ request: Request) async throws -> Response {
        let token = request.parameters.get("token") ?? ""
        let hash = SecureToken.sha256(token)
        guard token.count >= 32, let feed = try await CalendarFeed.query(on: request.db).filter(\.$tokenHash == hash).first(),
              let user = try await User.find(feed.userID, on: request.db), user.isActive,
              let actor = try await PracticeActor.of(user, on: request.db) else {
            _ = try await request.change { db in
                try await AuditTrail(clock: request.clock).record(on: db, chain: .administration, actor: "anonymous", action: "agenda.feed.refused",
                                                                  details: ["address": request.clientAddress])
            }
            throw Abort(.notFound)
        }
        let now = request.clock.now()
        let bookings = try await AgendaData.appointments(actor, ownOnly: true, from: now.addingTimeInterval(-Double(feedPastDays) * 86_400),
                                                         until: now.addingTimeInterval(Double(feedFutureDays) * 86_400), on: request.db)
        try await ClientAudit.readList(request, actor, "agenda.feed.read", count: Set(bookings.map(\.clientID)).count)
        let language = user.language
        let calendar = ICalendar(
            name: "Jobcoach: " + user.displayName,
            events: bookings.map { booking in
                ICalendar.Event(uid: "\(booking.id.uuidString)@jobcoach", start: booking.startsAt, minutes: booking.minutes,
                                summary: "\(Initials.of(booking.clientName)) · \(booking.kind.title[language])", location: "", description: "")
            },
            stamp: now)
        let response = Response(status: .ok, body: .init(string: calendar.text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
