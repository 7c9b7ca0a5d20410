@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// The working day: each role's start page and menu, the coach's agenda and calendar feed, and
    /// searching the caseload, with who may see what.
    @Suite struct DailyWorkTests {
        static func appointment(_ app: Application, _ browser: TestBrowser, _ path: String, inDays days: Int, topic: String,
                                kind: AppointmentKind = .workplaceVisit) async throws {
            let response = try await browser.submit(path + "/support", to: path + "/appointments", form: [
                "appointmentKind": kind.rawValue, "appointmentDate": app.today.adding(days: days).description, "appointmentTime": "10:30",
                "appointmentMinutes": "60", "appointmentLocation": "Op het werk", "appointmentTopic": topic,
            ])
            #expect(response.status == .seeOther, "\(response.body.string.prefix(300))")
        }

        @Test func eachRoleLandsOnItsOwnWorkAfterLogin() async throws {
            try await withApp { app async throws in
                let expected: [Role: String] = [.jobCoach: "/caseload", .teamLead: "/caseload/team", .registerOfficer: "/office",
                                                .assessor: "/assessments", .trainer: "/training", .admin: "/admin/users",
                                                .agencyManager: "/outcomes"]
                for (role, path) in expected {
                    let email = "\(role.rawValue)@example.org"
                    let (_, _) = try await app.signedIn(email, role: role)
                    let response = try await TestBrowser(app).login(email)
                    #expect(response.location == path, "\(role)")
                }
            }
        }

        @Test func theMenuHoldsTheRolesWorkAndThePublicPagesSitApart() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let html = try await coach.get("/caseload").body.string
                let header = String(html[html.range(of: "<header")!.lowerBound..<html.range(of: "</header>")!.upperBound])
                let wide = String(header[header.range(of: "<nav class=\"main-nav wide\"")!.lowerBound..<header.range(of: "</nav>")!.upperBound])
                for link in ["/caseload", "/agenda", "/employers", "/outcomes", "/portfolio", "/peer-groups"] {
                    #expect(wide.contains("href=\"\(link)\""), "\(link) in the coach's menu")
                }
                #expect(!wide.contains("href=\"/frameworks\"") && !wide.contains("href=\"/office\""), "the public pages and others' work are not in it")
                #expect(header.contains("aria-label=\"Het beroep en het register\"") && header.contains("href=\"/frameworks\""),
                        "the public pages in the secondary menu")
                #expect(header.contains("<details class=\"menu narrow\">"))
            }
        }

        @Test func theStartPageShowsTheAgendaWithWhatIsLateFirst() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (path, _) = try await app.placedClient("Lotte Visser", browser: coach, employer: "Distributiecentrum Lekdal")
                try await Self.appointment(app, coach, path, inDays: 5, topic: "Voortgang bespreken")
                try await Self.appointment(app, coach, path, inDays: 20, topic: "Ver weg")
                var late = TestBrowser.goal(app.today, what: "Het rooster zelf lezen")
                late["goalDueOn"] = app.today.adding(days: 1).description
                try await coach.submit(path + "/plan", to: path + "/goals", form: late)
                let goal = try #require(try await CoachingGoal.query(on: app.db).filter(\.$what == "Het rooster zelf lezen").first())
                goal.dueOn = app.today.adding(days: -3).description
                try await goal.update(on: app.db)

                let html = try await coach.get("/caseload").body.string
                let agenda = String(html[html.range(of: "id=\"agenda-table\"")!.lowerBound..<html.range(of: "</table>")!.upperBound])
                #expect(agenda.contains("Bezoek op het werk (60 min), Op het werk"))
                #expect(agenda.contains(app.today.adding(days: 5).text(in: .nl) + ", 10:30"))
                #expect(!agenda.contains(app.today.adding(days: 20).text(in: .nl)), "only the next 14 days")
                let lateAt = try #require(agenda.range(of: "Te laat: ")), visitAt = try #require(agenda.range(of: "Bezoek op het werk"))
                #expect(lateAt.lowerBound < visitAt.lowerBound, "what is late comes first")
                #expect(agenda.contains("Controle na plaatsing") || !agenda.contains("Nazorgcontrole"), "on the job, checks are not yet aftercare")
            }
        }

        @Test func theWeekPageListsEachDayAndAnotherCoachsClientsNever() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (_, other) = try await app.member("other@example.org", of: agency, team: agency.south)
                let (path, _) = try await app.placedClient("Lotte Visser", browser: coach, employer: "Distributiecentrum Lekdal")
                let (otherPath, _) = try await app.placedClient("Noah de Wit", browser: other, employer: "Hotel De Wachttoren")
                try await Self.appointment(app, coach, path, inDays: 1, topic: "Lotte haar afspraak")
                try await Self.appointment(app, other, otherPath, inDays: 1, topic: "Noah zijn afspraak")
                let day = app.today.adding(days: 1)
                let page = try await coach.get("/agenda?week=\(day.description)")
                #expect(page.status == .ok)
                let html = page.body.string
                #expect(html.contains("Lotte Visser") && !html.contains("Noah"))
                #expect(html.contains("id=\"day-\(day.startOfWeek.description)\"") && html.contains("id=\"day-\(day.startOfWeek.adding(days: 6).description)\""))
                #expect(html.contains("week \(day.isoWeek.week), \(day.isoWeek.year)"))
                #expect(try await app.auditActions().contains("agenda.viewed"))
                #expect(try await coach.get("/agenda?week=not-a-date").status == .ok, "an odd week is this week")
            }
        }

        @Test func theCalendarFeedHoldsInitialsOnlyAndItsURLCanBeRenewed() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (_, other) = try await app.member("other@example.org", of: agency, team: agency.south)
                let (path, _) = try await app.placedClient("Lotte de Vries", browser: coach, employer: "Distributiecentrum Lekdal")
                let (otherPath, _) = try await app.placedClient("Noah Jansen", browser: other, employer: "Hotel De Wachttoren")
                try await Self.appointment(app, coach, path, inDays: 2, topic: "Lotte haar afspraak")
                try await Self.appointment(app, other, otherPath, inDays: 2, topic: "Noah zijn afspraak", kind: .conversation)

                func feedURL(_ browser: TestBrowser) async throws -> String {
                    let made = try await browser.submit("/agenda", to: "/agenda/feed", form: [:])
                    #expect(made.status == .seeOther)
                    let html = try await browser.get("/agenda").body.string
                    let match = try #require(html.firstMatch(of: /\/agenda\/feed\/([A-Za-z0-9_-]{32,})/))
                    #expect(!(try await browser.get("/agenda").body.string.contains(String(match.1))), "shown once")
                    return "/agenda/feed/" + match.1
                }
                let coachFeed = try await feedURL(coach)
                let otherFeed = try await feedURL(other)
                let anonymous = TestBrowser(app)
                let feed = try await anonymous.get(coachFeed)
                #expect(feed.status == .ok && feed.headers.contentType?.subType == "calendar")
                let text = feed.body.string
                #expect(text.contains("SUMMARY:L.d.V. · Bezoek op het werk"))
                #expect(!text.contains("Lotte") && !text.contains("Vries") && !text.contains("afspraak") && !text.contains("Op het werk"),
                        "no name, topic or place in the feed")
                #expect(!text.contains("N.J."), "another coach's appointments are not in it")
                #expect(try await anonymous.get(otherFeed).body.string.contains("N.J. · Gesprek"))

                let renewed = try await feedURL(coach)
                #expect(renewed != coachFeed)
                #expect(try await anonymous.get(coachFeed).status == .notFound, "the old URL stops working")
                #expect(try await anonymous.get(renewed).status == .ok)
                #expect(try await anonymous.get("/agenda/feed/" + String(repeating: "a", count: 43)).status == .notFound)
                let actions = try await app.auditActions()
                #expect(actions.contains("agenda.feed.renewed") && actions.contains("agenda.feed.read") && actions.contains("agenda.feed.refused"))
            }
        }

        @Test func searchFindsByNameNumberEmployerAndPlaceWithinReachOnly() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (_, other) = try await app.member("other@example.org", of: agency, team: agency.south)
                let (_, lead) = try await app.member("lead@example.org", role: .teamLead, of: agency, team: agency.south)
                let (path, client) = try await app.placedClient("Lotte Visser", browser: coach, employer: "Distributiecentrum Lekdal")
                client.reference = "WP-20931"
                try await client.update(on: app.db)
                try await Self.appointment(app, coach, path, inDays: 3, topic: "Voortgang")
                try await other.newClient("Lotte Bakker", extra: ["place": "Zeist"])

                for query in ["lotte", "WP-209", "lekdal", "utrecht"] {
                    let html = try await coach.get("/clients?q=\(query)").body.string
                    #expect(html.contains("Lotte Visser"), "\(query)")
                    #expect(!html.contains("Lotte Bakker"), "\(query): not another coach's client")
                }
                let found = try await coach.get("/clients?q=lotte").body.string
                #expect(found.contains("Begeleiding op de werkplek") && found.contains("Distributiecentrum Lekdal") && found.contains("Bezoek op het werk: "),
                        "phase, employer and the next action")
                #expect(try await lead.get("/clients?q=lotte").body.string.contains("Lotte Bakker"), "a team lead searches the team")
                #expect(!(try await lead.get("/clients?q=lotte").body.string.contains("Lotte Visser")), "not another team")
                #expect(try await coach.get("/clients?q=nobody-here").body.string.contains("Geen cliënten gevonden"))
                #expect(try await coach.get("/clients").status == .ok)
                let entry = try #require(try await AuditEventRow.query(on: app.db).filter(\.$action == "clients.searched").first())
                #expect(!entry.details.contains("lotte"), "the trail holds no search words (they may be names)")
            }
        }

        @Test func aGoalIsRewordedPostponedAndDroppedWithItsHistory() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (_, lead) = try await app.member("lead@example.org", role: .teamLead, of: agency, team: agency.north)
                let (path, _) = try await app.placedClient("Lotte Visser", browser: coach, employer: "Distributiecentrum Lekdal")
                try await coach.submit(path + "/plan", to: path + "/goals", form: TestBrowser.goal(app.today, what: "Zelf het rooster lezen"))
                let goal = try #require(try await CoachingGoal.query(on: app.db).filter(\.$what == "Zelf het rooster lezen").first())
                let goalPath = path + "/goals/\(goal.id!.uuidString)"
                #expect(try await coach.get(path + "/plan").body.string.contains("href=\"\(goalPath)\""), "the plan links each goal")

                let reworded = try await coach.submit(goalPath, form: ["action": "edit", "goalWhat": "Zelf het weekrooster lezen", "goalWhy": goal.why,
                                                                        "goalTarget": "5", "goalUnit": goal.unit, "goalSteps": goal.steps, "editReason": "Preciezer"])
                #expect(reworded.status == .seeOther)
                let unchanged = try await coach.submit(goalPath, form: ["action": "edit", "goalWhat": "Zelf het weekrooster lezen", "goalWhy": goal.why,
                                                                         "goalTarget": "5", "goalUnit": goal.unit, "goalSteps": goal.steps])
                #expect(unchanged.status == .unprocessableEntity && unchanged.body.string.contains("Er is niets veranderd."))
                let notLater = try await coach.submit(goalPath, form: ["action": "postpone", "postponeDueOn": app.today.description, "postponeReason": "Ziek"])
                #expect(notLater.status == .unprocessableEntity && notLater.body.string.contains("Kies een datum na de huidige einddatum."))
                let noReason = try await coach.submit(goalPath, form: ["action": "postpone", "postponeDueOn": app.today.adding(months: 5).description])
                #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("Vul de reden in."))
                let newDue = app.today.adding(months: 5)
                #expect(try await coach.submit(goalPath, form: ["action": "postpone", "postponeDueOn": newDue.description,
                                                                "postponeReason": "Twee weken ziek geweest"]).status == .seeOther)
                #expect(try await lead.post(goalPath, form: ["action": "drop", "dropReason": "x"]).status == .forbidden,
                        "a team lead reads, only the own coach changes")

                let html = try await coach.get(goalPath).body.string
                #expect(html.contains("Gewijzigd op \(app.today.text(in: .nl)) door "))
                #expect(html.contains("was: ") && html.contains(": Zelf het rooster lezen (reden: Preciezer)"), "the old wording and the reason")
                #expect(html.contains("Uitgesteld op \(app.today.text(in: .nl))") && html.contains("Twee weken ziek geweest"))
                #expect(html.contains(app.today.adding(months: 3).text(in: .nl)), "the due date it was")

                #expect(try await coach.submit(goalPath, form: ["action": "drop", "dropReason": "Past niet meer bij het werk"]).status == .seeOther)
                let dropped = try #require(try await CoachingGoal.find(goal.id, on: app.db))
                #expect(dropped.droppedOn == app.today.description && dropped.dueOn == newDue.description && dropped.what == "Zelf het weekrooster lezen")
                #expect(try await coach.get(path + "/plan").body.string.contains("losgelaten op"))
                #expect(try await coach.submit(goalPath, form: ["action": "drop", "dropReason": "nog eens"]).status == .unprocessableEntity)
                #expect(try await RecordChange.query(on: app.db).count() == 3)
                let audit = try #require(try await AuditEventRow.query(on: app.db).filter(\.$action == "goal.postponed").first())
                #expect(audit.details.contains(app.today.adding(months: 3).description) && audit.details.contains(newDue.description),
                        "the trail holds the old and the new value")
            }
        }

        @Test func appointmentsMoveAndCancelAndEntriesAreCorrectedNeverDeleted() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (path, client) = try await app.placedClient("Lotte Visser", browser: coach, employer: "Distributiecentrum Lekdal")
                try await Self.appointment(app, coach, path, inDays: 3, topic: "Voortgang")
                let appointment = try #require(try await Appointment.query(on: app.db).first())
                let appointmentPath = path + "/appointments/\(appointment.id!.uuidString)"
                #expect(try await coach.submit(appointmentPath, form: [
                    "action": "move", "appointmentDate": app.today.adding(days: 4).description, "appointmentTime": "14:00",
                    "appointmentMinutes": "45", "appointmentLocation": "Kantine", "moveReason": "Collega is vrij",
                ]).status == .seeOther)
                var html = try await coach.get(appointmentPath).body.string
                #expect(html.contains("Verzet op") && html.contains("10:30") && html.contains("Collega is vrij"))
                #expect(try await coach.submit(appointmentPath, form: ["action": "cancel"]).status == .unprocessableEntity)
                #expect(try await coach.submit(appointmentPath, form: ["action": "cancel", "cancelReason": "Lotte is ziek"]).status == .seeOther)
                html = try await coach.get(path + "/support").body.string
                #expect(html.contains("afgezegd (Lotte is ziek)"), "the cancelled appointment stays in the file")
                #expect(try await Appointment.query(on: app.db).count() == 1)
                #expect(try await coach.get("/caseload").body.string.contains("Kantine") == false, "not in the agenda")
                #expect(try await coach.submit(appointmentPath, form: ["action": "move", "appointmentDate": app.today.adding(days: 5).description,
                                                                       "appointmentTime": "10:00", "appointmentMinutes": "30",
                                                                       "appointmentLocation": "x"]).status == .unprocessableEntity)

                try await coach.submit(path + "/support", to: path + "/support", form: [
                    "supportHeldOn": app.today.description, "supportMinutes": "60", "supportWithWhom": "client", "supportContactMode": "phone",
                    "supportNotes": "Gebeld over het rooster", "supportClientSummary": "Je belt maandag zelf je leidinggevende.",
                ])
                let entry = try #require(try await SupportEntry.query(on: app.db).filter(\.$trajectory.$id == (try await app.trajectory(of: client)).id!).first())
                #expect(entry.contactMode == "phone" && entry.clientSummary == "Je belt maandag zelf je leidinggevende.")
                let entryPath = path + "/support/\(entry.id!.uuidString)"
                #expect(try await coach.submit(entryPath, form: [
                    "supportHeldOn": app.today.description, "supportMinutes": "45", "supportWithWhom": "client", "supportContactMode": "online",
                    "supportNotes": "Gebeld over het rooster", "changeReason": "Het was een videogesprek",
                ]).status == .seeOther)
                html = try await coach.get(entryPath).body.string
                #expect(html.contains("Telefoon") && html.contains("60") && html.contains("Het was een videogesprek"))

                try await coach.submit(path + "/support", to: path + "/milestones", form: ["milestoneTitle": "Eerste week", "milestoneReachedOn": app.today.description])
                let milestone = try #require(try await Milestone.query(on: app.db).first())
                let milestonePath = path + "/milestones/\(milestone.id!.uuidString)"
                #expect(try await coach.submit(milestonePath, form: ["action": "take-back"]).status == .unprocessableEntity)
                #expect(try await coach.submit(milestonePath, form: ["action": "take-back", "takeBackReason": "Dubbel ingevoerd"]).status == .seeOther)
                #expect(try await coach.get(path + "/support").body.string.contains("teruggenomen op"))
                #expect(try await Milestone.query(on: app.db).count() == 1)
                #expect(try await coach.get(path + "/milestones/\(UUID().uuidString)").status == .notFound)
                let actions = try await app.auditActions()
                for action in ["appointment.moved", "appointment.cancelled", "support-entry.edited", "milestone.taken-back"] {
                    #expect(actions.contains(action), "\(action)")
                }
            }
        }
            @Test func theClientsPagesShowOnlyWhatIsWrittenForThemWithTheirOwnMenu() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (coachUser, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                coachUser.phone = "030 123 4567"
                try await coachUser.update(on: app.db)
                let (path, _) = try await app.placedClient("Lotte Visser", browser: coach, employer: "Distributiecentrum Lekdal")
                try await coach.submit(path + "/plan", to: path + "/goals", form: TestBrowser.goal(app.today, what: "Zelf pauzes nemen"))
                try await Self.appointment(app, coach, path, inDays: 5, topic: "Je rooster bespreken")
                #expect(try await coach.submit(path + "/support", form: [
                    "supportHeldOn": app.today.description, "supportMinutes": "60", "supportWithWhom": "client", "supportContactMode": "face-to-face",
                    "supportNotes": "Beperkt belastbaar bij tijdsdruk", "supportClientSummary": "Je neemt om 12 uur pauze.",
                ]).status == .seeOther)
                let invite = try await coach.submit(path + "/account", form: ["action": "invite", "accountEmail": "lotte@example.org"])
                let invitation = try AppTests.MailTests.linkPath(in: invite.body.string)
                let lotte = TestBrowser(app)
                try await lotte.submit(invitation, form: ["new": "a long new password 2026", "confirm": "a long new password 2026"])
                _ = try await lotte.login("lotte@example.org", "a long new password 2026")

                let me = try await lotte.get("/me").body.string
                #expect(me.contains("Wat komt er nu?") && me.contains("Zelf pauzes nemen") && me.contains("Je neemt om 12 uur pauze."))
                #expect(me.contains("Je coach komt op je werk") && me.contains("Je rooster bespreken"), "the kind in plain words, and the topic")
                #expect(!me.contains("Beperkt belastbaar"), "the coach's own note is not on the client's page")
                #expect(me.range(of: "Je volgende afspraak")!.lowerBound < me.range(of: "Mijn doelen")!.lowerBound, "what happens next comes first")
                #expect(!me.contains("&#"), "no emoji or symbols")
                // Every link leads to the client's own pages (or mail, phone, the language and the skip link).
                let links = me.matches(of: /href="([^"]*)"/).map { String($0.1) }
                #expect(links.allSatisfy { $0.hasPrefix("/me") || $0.hasPrefix("#") || $0.hasPrefix("/css") || $0.hasPrefix("/favicon") || $0.hasPrefix("/me?lang") || $0 == "/logout" } ,
                        "\(links.filter { !$0.hasPrefix("/me") })")
                #expect(me.contains("href=\"/me/appointments\"") && me.contains("href=\"/me/coach\""))
                let appointments = try await lotte.get("/me/appointments")
                #expect(appointments.status == .ok && appointments.body.string.contains("Van 10:30 tot 11:30 uur"))
                let coachPage = try await lotte.get("/me/coach").body.string
                #expect(coachPage.contains("href=\"tel:0301234567\"") && coachPage.contains("mailto:coach@example.org") && coachPage.contains(">C</text>"))
                let actions = try await app.auditActions()
                #expect(actions.contains("my.appointments.viewed") && actions.contains("my.coach.viewed"))
                // A coach has no such pages.
                #expect(try await coach.get("/me/coach").status == .forbidden)
            }
        }
    }
}
