@testable import App
import Fluent
import Foundation
import JobcoachCore
import SQLKit
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// Coaching after the placement through the pages: the coaching plan, support with fading, closing and follow-ups,
    /// reports with consent, the caseload with its limit, the client's own page, and privacy rights.
    @Suite struct CoachingFlowTests {
        @Test func aGoalMustBeSmartAndEachMissingPartIsNamed() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (path, client) = try await app.placedClient("Sanne Bakker", browser: browser, employer: "Bakkerij Korenaar")
                let bad = try await browser.submit(path + "/plan", to: path + "/goals",
                                                   form: ["goalWhat": "Werken", "goalWhy": "", "goalTarget": "nul", "goalUnit": "",
                                                          "goalDueOn": app.today.adding(months: 14).description])
                #expect(bad.status == .unprocessableEntity)
                for field in ["goalWhat", "goalWhy", "goalTarget", "goalUnit", "goalDueOn", "goalAgreed"] {
                    #expect(bad.body.string.contains("href=\"#\(field)\""), "\(field) not in the error summary")
                }
                #expect(bad.body.string.contains("Maak het doel concreet"))
                #expect(try await CoachingGoal.query(on: app.db).count() == 0)
                let good = try await browser.submit(path + "/plan", to: path + "/goals", form: TestBrowser.goal(app.today))
                #expect(good.status == .seeOther)
                let goal = try #require(try await CoachingGoal.query(on: app.db).first())
                #expect(goal.stepList == ["Samen oefenen", "Zelf doen"] && goal.agreedWithClient && goal.reachedOn == nil)
                // Marking it reached, and an unknown goal is a 404.
                #expect(try await browser.submit(path + "/plan", to: path + "/goals/\(goal.id!)/reached", form: [:]).status == .seeOther)
                #expect(try await CoachingGoal.find(goal.id, on: app.db)?.reachedOn == app.today.description)
                #expect(try await browser.submit(path + "/plan", to: path + "/goals/\(UUID())/reached", form: [:]).status == .notFound)
                #expect(try await app.auditActions().contains("goal.reached"))
                _ = client
            }
        }

        @Test func theFadingPlanIsShownAgainstTheSupportGiven() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (path, _) = try await app.placedClient("Sanne Bakker", browser: browser, employer: "Bakkerij Korenaar")
                let start = app.today.adding(days: -14)
                let rising = try await browser.submit(path + "/fading", form: [
                    "mode": "weeks", "fadingWeeks": "\(start) 4\n\(start.adding(days: 7)) 6", "fadingTakeoverOn": start.adding(days: 14).description,
                ])
                #expect(rising.status == .unprocessableEntity && rising.body.string.contains("Week 2 heeft meer uren"))
                let made = try await browser.submit(path + "/fading", form: [
                    "mode": "linear", "fadingStart": start.description, "fadingFirstHours": "4", "fadingWeeksCount": "4",
                ])
                #expect(made.status == .seeOther)
                let row = try #require(try await FadingPlanRow.query(on: app.db).first())
                #expect(row.core?.weeks.map(\.plannedHours) == [4, 3, 2, 1, 0] && row.takeoverOn == start.adding(days: 28).description)
                // 90 minutes in the first week, 45 in the second: given against planned in the table.
                for (day, minutes) in [(start.adding(days: 1), "90"), (start.adding(days: 8), "45")] {
                    let logged = try await browser.submit(path + "/support", form: [
                        "supportHeldOn": day.description, "supportMinutes": minutes, "supportWithWhom": "client", "supportNotes": "Geoefend met inpakken",
                    ])
                    #expect(logged.status == .seeOther)
                }
                let page = try await browser.get(path + "/fading")
                #expect(page.body.string.contains("<svg role=\"img\""))
                #expect(page.body.string.contains("<td>4</td><td>1,5</td><td>-2,5</td>"))
                #expect(page.body.string.contains("<td>3</td><td>0,75</td><td>-2,25</td>"))
                // Support with nobody and no minutes is refused, naming the fields.
                let empty = try await browser.submit(path + "/support", form: ["supportHeldOn": "", "supportMinutes": "-5"])
                #expect(empty.status == .unprocessableEntity)
                for field in ["supportHeldOn", "supportMinutes", "supportWithWhom", "supportNotes"] {
                    #expect(empty.body.string.contains("href=\"#\(field)\""), "\(field)")
                }
                #expect(try await SupportEntry.query(on: app.db).count() == 2)
            }
        }

        @Test func closingNeedsAllThreePartiesAndFollowUpsAreDueAfterThePlacement() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (path, _) = try await app.placedClient("Sanne Bakker", browser: browser, employer: "Bakkerij Korenaar")
                let partial = try await browser.submit(path + "/closing", to: path + "/evaluations", form: [
                    "kind": "closing", "evaluationHeldOn": app.today.description, "evaluationOutcome": "Doelen bereikt",
                    "evaluationWithClient": "yes", "evaluationWithEmployer": "yes",
                ])
                #expect(partial.status == .unprocessableEntity && partial.body.string.contains("href=\"#evaluationWith\""))
                #expect(try await browser.submit(path + "/closing", to: path + "/evaluations", form: [
                    "kind": "closing", "evaluationHeldOn": app.today.description, "evaluationOutcome": "Doelen bereikt",
                    "evaluationWithClient": "yes", "evaluationWithEmployer": "yes", "evaluationWithCommissioner": "yes",
                ]).status == .seeOther)
                #expect(try await browser.submit(path + "/closing", form: [
                    "closingClosedOn": app.today.description, "closingOutcome": "paid-job", "closingSummary": "Werkt zelfstandig",
                ]).status == .seeOther)
                // The placement started 30 days ago: the 3-month check is not due yet, but can be recorded.
                let page = try await browser.get(path + "/closing")
                #expect(page.body.string.contains(app.today.adding(days: -30).adding(months: 3).text(in: .nl)))
                let missing = try await browser.submit(path + "/closing", to: path + "/follow-ups", form: [
                    "followUpMonths": "3", "followUpHeldOn": app.today.description, "followUpEmployed": "yes",
                ])
                #expect(missing.status == .unprocessableEntity)
                for field in ["followUpHours", "followUpSameEmployer", "followUpSupportNeeded"] {
                    #expect(missing.body.string.contains("href=\"#\(field)\""), "\(field)")
                }
                let check: [String: String] = ["followUpMonths": "3", "followUpHeldOn": app.today.description, "followUpEmployed": "yes",
                                               "followUpHours": "16", "followUpSameEmployer": "yes", "followUpSupportNeeded": "no"]
                #expect(try await browser.submit(path + "/closing", to: path + "/follow-ups", form: check).status == .seeOther)
                let twice = try await browser.submit(path + "/closing", to: path + "/follow-ups", form: check)
                #expect(twice.status == .unprocessableEntity && twice.body.string.contains("al vastgelegd"))
                #expect(try await FollowUpCheck.query(on: app.db).count() == 1)
            }
        }

        @Test func aReportHoldsOnlyWhatTheCommissionerNeedsAndIsSentOnlyWithConsent() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let commissioner = Commissioner()
                commissioner.organisationID = agency.id
                commissioner.name = "UWV Midden"
                commissioner.kind = CommissionerKind.benefitsAgency.rawValue
                commissioner.contactName = ""
                commissioner.contactEmail = ""
                commissioner.contactPhone = ""
                try await commissioner.create(on: app.db)
                let (path, _) = try await app.placedClient(
                    "Sanne Bakker", browser: browser, employer: "Bakkerij Korenaar",
                    extra: ["email": "sanne.secret@example.org", "phone": "0612345678", "commissioner": commissioner.id!.uuidString],
                    intake: ["lifeWorld": "LIFEWORLD-SECRET woont bij haar moeder", "socialNetwork": "NETWORK-SECRET"],
                    profile: ["limitations": "LIMITATION-SECRET autisme", "attentionPoints": "ATTENTION-SECRET"])
                try await browser.submit(path + "/plan", to: path + "/goals", form: TestBrowser.goal(app.today))
                try await browser.submit(path + "/plan", form: ["planColleague": "COLLEAGUE-SECRET Piet"])
                try await browser.submit(path + "/support", form: ["supportHeldOn": app.today.description, "supportMinutes": "60",
                                                                  "supportWithWhom": "both", "supportNotes": "NOTES-SECRET had een paniekaanval"])
                for kind in ReportKind.allCases {
                    let report = try await browser.get(path + "/reports/\(kind.rawValue)")
                    #expect(report.status == .ok)
                    let html = report.body.string
                    #expect(html.contains("Sanne Bakker") && html.contains("UWV Midden"))
                    for secret in ["sanne.secret@example.org", "0612345678", "LIFEWORLD-SECRET", "NETWORK-SECRET", "LIMITATION-SECRET",
                                   "ATTENTION-SECRET", "COLLEAGUE-SECRET", "NOTES-SECRET"] {
                        #expect(!html.contains(secret), "\(kind): \(secret)")
                    }
                    if kind != .closing { #expect(html.contains("Zelfstandig de werkdag beginnen")) }
                }
                #expect(try await browser.get(path + "/reports/nonsense").status == .notFound)

                // No consent: refused, nothing recorded as sent.
                let refused = try await browser.submit(path + "/reports", to: path + "/reports/progress/send", form: ["send-progress": "nl"])
                #expect(refused.status == .unprocessableEntity && refused.body.string.contains("geen toestemming"))
                try await browser.submit(path + "/reports", to: path + "/reports/progress/consent", form: ["consent-progress": "no"])
                #expect(try await browser.submit(path + "/reports", to: path + "/reports/progress/send", form: ["send-progress": "nl"]).status
                        == .unprocessableEntity)
                #expect(try await ReportSending.query(on: app.db).count() == 0)
                try await browser.submit(path + "/reports", to: path + "/reports/progress/consent", form: ["consent-progress": "yes"])
                #expect(try await browser.submit(path + "/reports", to: path + "/reports/progress/send", form: ["send-progress": "en"]).status
                        == .seeOther)
                let sent = try #require(try await ReportSending.query(on: app.db).first())
                #expect(sent.reportKind == "progress" && sent.language == "en" && sent.content.contains("Progress report"))
                #expect(!sent.content.contains("NOTES-SECRET") && sent.contentSHA256.count == 64)
                let actions = try await app.auditActions()
                #expect(actions.contains("consent.refused") && actions.contains("consent.given") && actions.contains("report.sent"))
                #expect(actions.contains("report.viewed"))
            }
        }

        @Test func thePDFComesFromTheRendererOrANamedPackageIsMissing() async throws {
            struct NoRenderer: PDFRenderer {
                func pdf(html: String) async throws -> Data { throw PDFRendererError.unavailable("chromium") }
            }
            struct FakeRenderer: PDFRenderer {
                func pdf(html: String) async throws -> Data {
                    #expect(html.contains("<style>") && html.contains("Plan van aanpak"))
                    return Data("%PDF-1.4 fake".utf8)
                }
            }
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (path, _) = try await app.placedClient("Sanne Bakker", browser: browser, employer: "Bakkerij Korenaar")
                app.pdfRenderer = FakeRenderer()
                let pdf = try await browser.get(path + "/reports/plan/pdf")
                #expect(pdf.status == .ok && pdf.headers.contentType?.subType == "pdf" && pdf.body.string.hasPrefix("%PDF"))
                app.pdfRenderer = NoRenderer()
                let missing = try await browser.get(path + "/reports/plan/pdf")
                #expect(missing.status == .serviceUnavailable && missing.body.string.contains("apt-get install chromium"))
            }
        }

        @Test func theCaseloadShowsTheLoadAgainstTheLimitAndTheTeamLeadSeesEveryCoach() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (coach, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (leadUser, lead) = try await app.member("lead@example.org", role: .teamLead, of: agency, team: agency.north)
                let (path, _) = try await app.placedClient("=HYPERLINK Sanne", browser: browser, employer: "Bakkerij Korenaar")
                try await browser.newClient("Noah de Wit")
                // A goal due in a week: on the coach's list.
                try await browser.submit(path + "/plan", to: path + "/goals", form: TestBrowser.goal(app.today).merging([
                    "goalDueOn": app.today.adding(days: 7).description]) { $1 })
                let start = try await browser.get("/caseload")
                #expect(start.body.string.contains("2 van 20 cliënten (10%)"))
                #expect(start.body.string.contains("Doel: Zelfstandig de werkdag beginnen"))
                // The team lead sets the coach at 18 hours: the limit halves.
                let settings = try await lead.submit("/caseload/settings", form: [
                    "caseloadPerFullTime": "20", "fullTimeHours": "36", "retentionMonths": "24", "hours.\(coach.id!.uuidString)": "18",
                    "hours.\(leadUser.id!.uuidString)": "36",
                ])
                #expect(settings.status == .ok && settings.body.string.contains("opgeslagen"))
                #expect(try await browser.get("/caseload").body.string.contains("2 van 10 cliënten (20%)"))
                let bad = try await lead.submit("/caseload/settings", form: ["caseloadPerFullTime": "0", "fullTimeHours": "", "retentionMonths": "x"])
                #expect(bad.status == .unprocessableEntity)
                for field in ["caseloadPerFullTime", "fullTimeHours", "retentionMonths"] { #expect(bad.body.string.contains("href=\"#\(field)\"")) }
                let team = try await lead.get("/caseload/team")
                let teamPage = team.body.string
                #expect(team.status == .ok && teamPage.contains("<figure class=\"row-chart\" id=\"team-chart\"") && teamPage.contains("id=\"team-table\""))
                // One bar per coach, the whole name and the figures in words beside it, a legend for every mark.
                #expect(teamPage.contains("<span class=\"row-chart-figures\">2 van 10</span>"))
                let legend = teamPage.components(separatedBy: "row-chart-legend").dropFirst().first ?? ""
                #expect(legend.contains("Cliënten") && legend.contains("Grens") && legend.contains("boven de grens"))
                #expect(try await browser.get("/caseload/team").status == .forbidden)
                #expect(try await browser.get("/caseload/settings").status == .forbidden)
                let csv = try await browser.get("/caseload/export.csv")
                #expect(csv.headers.contentType?.subType == "csv")
                #expect(csv.body.string.contains("\"'=HYPERLINK Sanne\""))
                #expect(try await app.auditActions().contains("caseload.exported"))
            }
        }

        @Test func aClientSeesOnlyTheirOwnPageAndChoosesConsent() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (path, client) = try await app.placedClient("Sanne Bakker", browser: browser, employer: "Bakkerij Korenaar")
                let (otherPath, _) = try await app.placedClient("Noah de Wit", browser: browser, employer: "Hotel De Wachttoren")
                try await browser.submit(path + "/plan", to: path + "/goals", form: TestBrowser.goal(app.today))
                try await browser.submit(otherPath + "/plan", to: otherPath + "/goals", form: TestBrowser.goal(app.today, what: "Noah zijn eigen doel hier"))
                for target in [path, otherPath] {
                    try await browser.submit(target + "/support", to: target + "/appointments", form: [
                        "appointmentDate": app.today.adding(days: 3).description, "appointmentTime": "10:30", "appointmentMinutes": "60",
                        "appointmentLocation": "Op het werk", "appointmentTopic": target == path ? "Sanne haar afspraak" : "Noah zijn afspraak",
                    ])
                }
                let invite = try await browser.submit(path + "/account", form: ["action": "invite", "accountEmail": "sanne@example.org"])
                let invitation = try AppTests.MailTests.linkPath(in: invite.body.string)
                let taken = try await browser.submit(otherPath + "/account", form: ["action": "invite", "accountEmail": "sanne@example.org"])
                #expect(taken.status == .unprocessableEntity)

                let sanne = TestBrowser(app)
                try await sanne.submit(invitation, form: ["new": "a long new password 2026", "confirm": "a long new password 2026"])
                #expect(try await sanne.login("sanne@example.org", "a long new password 2026").location == "/me")
                let me = try await sanne.get("/me")
                #expect(me.status == .ok)
                let html = me.body.string
                #expect(html.contains("Sanne Bakker") && html.contains("Zelfstandig de werkdag beginnen") && html.contains("Sanne haar afspraak"))
                #expect(!html.contains("Noah"))
                let ics = try await sanne.get("/me/appointments.ics")
                #expect(ics.body.string.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.body.string.contains("Sanne haar afspraak"))
                #expect(!ics.body.string.contains("Noah"))
                // The coach's pages are closed to a client.
                #expect(try await sanne.get(path).status == .forbidden)
                #expect(try await sanne.get(otherPath + "/export.json").status == .forbidden)
                #expect(try await sanne.get("/caseload").status == .forbidden)
                // Her consent, recorded as hers.
                #expect(try await sanne.submit("/me", to: "/me/consent", form: ["consent-progress": "yes"]).status == .ok)
                let consent = try #require(try await ReportConsent.query(on: app.db).first())
                #expect(consent.given && consent.byClient && consent.reportKind == "progress")
                #expect(try await app.auditActions().contains("my.viewed"))
                // Ending the account signs her out and frees the address for another invitation.
                #expect(try await browser.submit(path + "/account", form: ["action": "end"]).status == .ok)
                #expect(try await sanne.get("/me").status != .ok)
                #expect(try await User.query(on: app.db).filter(\.$email == "sanne@example.org").count() == 0)
                #expect(try await browser.submit(otherPath + "/account", form: ["action": "invite", "accountEmail": "sanne@example.org"]).status == .ok)
                _ = client
            }
        }

        @Test func theExportHoldsEveryRecordOfTheClientAndNothingOfAnother() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                var clients: [(String, App.Client)] = []
                for (name, employer) in [("Sanne Bakker", "Bakkerij Korenaar"), ("Noah de Wit", "Hotel De Wachttoren")] {
                    let (path, client) = try await app.placedClient(name, browser: browser, employer: employer)
                    try await browser.submit(path + "/plan", to: path + "/goals", form: TestBrowser.goal(app.today, what: "Doel van \(name) zelf"))
                    try await browser.submit(path + "/support", form: ["supportHeldOn": app.today.description, "supportMinutes": "30",
                                                                      "supportWithWhom": "client", "supportNotes": "Notitie over \(name)"])
                    try await browser.submit(path + "/support", to: path + "/milestones", form: ["milestoneTitle": "Mijlpaal \(name)",
                                                                                              "milestoneReachedOn": app.today.description])
                    clients.append((path, client))
                }
                let (path, client) = clients[0]
                let export = try await browser.get(path + "/export.json")
                #expect(export.status == .ok)
                let text = export.body.string
                #expect(!text.contains("Noah") && text.contains("Notitie over Sanne Bakker") && text.contains("Mijlpaal Sanne Bakker"))
                // Every row of every table that hangs from her trajectories is in it, by id.
                let trajectoryIDs = try await Trajectory.query(on: app.db).filter(\.$client.$id == client.id!).all().map { $0.id! }
                var expected: [UUID] = [client.id!] + trajectoryIDs
                expected += try await Intake.query(on: app.db).filter(\.$trajectory.$id ~~ trajectoryIDs).all().map { $0.id! }
                expected += try await EmployeeProfile.query(on: app.db).filter(\.$trajectory.$id ~~ trajectoryIDs).all().map { $0.id! }
                expected += try await Placement.query(on: app.db).filter(\.$trajectory.$id ~~ trajectoryIDs).all().map { $0.id! }
                expected += try await CoachingGoal.query(on: app.db).filter(\.$trajectory.$id ~~ trajectoryIDs).all().map { $0.id! }
                expected += try await SupportEntry.query(on: app.db).filter(\.$trajectory.$id ~~ trajectoryIDs).all().map { $0.id! }
                expected += try await Milestone.query(on: app.db).filter(\.$trajectory.$id ~~ trajectoryIDs).all().map { $0.id! }
                expected += try await TrajectoryMoveRow.query(on: app.db).filter(\.$trajectory.$id ~~ trajectoryIDs).all().map { $0.id! }
                #expect(expected.count >= 8)
                for id in expected { #expect(text.contains(id.uuidString), "\(id) missing") }
                let records = try await ClientRecords.load(client, at: app.clock.now(), on: app.db)
                #expect(Set(records.ids).isSuperset(of: expected))
                // Nothing of the other client: none of his ids.
                let other = try await ClientRecords.load(clients[1].1, at: app.clock.now(), on: app.db)
                for id in other.ids { #expect(!text.contains(id.uuidString)) }
                let page = try await browser.get(path + "/export")
                #expect(page.status == .ok && page.body.string.contains("Notitie over Sanne Bakker") && !page.body.string.contains("Noah"))
                let actions = try await app.auditActions()
                #expect(actions.contains("client.exported") && actions.contains("client.export.viewed"))
            }
        }

        @Test func thePeerReviewSummaryHoldsNoIdentifierOfTheSource() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (path, _) = try await app.placedClient(
                    "Sanne van der Bakker", browser: browser, employer: "Bakkerij Korenaar",
                    extra: ["dateOfBirth": "1994-03-12", "email": "sanne@example.org", "phone": "06-12345678", "place": "Utrecht"],
                    intake: ["question": "Sanne wil werk; bel 06-12345678 of mail sanne@example.org", "motivation": "Geboren 12-03-1994 in Utrecht"],
                    profile: ["motivators": "Werkt graag bij Bakkerij Korenaar met Sanne haar collega's", "possibilities": "Woont in utrecht, 3511 AB"])
                try await browser.submit(path + "/support", to: path + "/evaluations", form: [
                    "evaluationHeldOn": app.today.description, "evaluationOutcome": "Van der Bakker doet het goed bij Korenaar", "evaluationWithClient": "yes",
                ])
                let page = try await browser.get(path + "/peer-review")
                #expect(page.status == .ok)
                let summary = try #require(page.body.string.firstMatch(of: /id="summary"[\s\S]*?<\/section>/)).0
                for identifying in ["Sanne", "Bakker", "1994", "12-03", "Utrecht", "utrecht", "Korenaar", "sanne@example.org", "12345678", "3511 AB"] {
                    #expect(!summary.contains(identifying), "\(identifying)")
                }
                #expect(summary.contains("Leeftijd") && summary.contains("[werkgever]"))
                let unchecked = try await browser.submit(path + "/peer-review", form: ["peerQuestion": "Hoe bouw ik af bij Sanne?"])
                #expect(unchecked.status == .unprocessableEntity && unchecked.body.string.contains("href=\"#peerChecked\""))
                #expect(try await browser.submit(path + "/peer-review", form: ["peerQuestion": "Hoe bouw ik af bij Sanne?", "peerChecked": "yes"]).status
                        == .seeOther)
                let shared = try #require(try await PeerReview.query(on: app.db).first())
                #expect(!shared.question.contains("Sanne") && !shared.summary.contains("Korenaar"))
            }
        }

        @Test func thePurgeErasesClosedTrajectoriesAndKeepsOnlyCounts() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (path, client) = try await app.placedClient("Sanne Bakker", browser: browser, employer: "Bakkerij Korenaar",
                                                                extra: ["email": "sanne@example.org", "phone": "0611223344", "dateOfBirth": "1994-03-12"],
                                                                intake: ["lifeWorld": "Woont bij haar moeder in Lombok"])
                let (keptPath, _) = try await app.placedClient("Noah de Wit", browser: browser, employer: "Hotel De Wachttoren")
                try await browser.submit(path + "/plan", to: path + "/goals", form: TestBrowser.goal(app.today))
                try await browser.submit(path + "/support", form: ["supportHeldOn": app.today.description, "supportMinutes": "30",
                                                                  "supportWithWhom": "client", "supportNotes": "Notitie over Sanne"])
                try await browser.submit(path + "/closing", form: ["closingClosedOn": app.today.description, "closingOutcome": "paid-job",
                                                                  "closingSummary": "Werkt zelfstandig"])
                try await browser.submit(path + "/account", form: ["action": "invite", "accountEmail": "sanne@example.org.test"])
                // Ended three years ago (the default retention is 24 months); Noah's is still open.
                let trajectory = try await app.trajectory(of: client)
                trajectory.phase = .ended
                trajectory.endedAt = app.clock.now().addingTimeInterval(-3 * 365 * 86_400)
                try await trajectory.update(on: app.db)
                let check = FollowUpCheck()
                check.organisationID = agency.id
                check.$trajectory.id = trajectory.id!
                check.monthsAfter = 12
                check.heldOn = app.today.description
                check.stillEmployed = true
                check.hoursPerWeek = 16
                check.sameEmployer = true
                check.supportNeeded = false
                check.note = ""
                check.createdBy = UUID()
                try await check.create(on: app.db)

                let purge = PrivacyPurge(application: app)
                let dry = try await purge.run(execute: false) { _, _ in }
                #expect(dry.clientsErased == 1 && dry.trajectoriesErased == 1)
                #expect(try await App.Client.query(on: app.db).count() == 2)
                #expect(try await OutcomeCount.query(on: app.db).count() == 0)

                let done = try await purge.run(execute: true) { _, _ in }
                #expect(done.clientsErased == 1 && done.outcomes["paid-job"] == 1 && done.outcomes["employed-after-12-months"] == 1)
                #expect(try await App.Client.query(on: app.db).all().map(\.name) == ["Noah de Wit"])
                let counts = try await OutcomeCount.query(on: app.db).all()
                #expect(Set(counts.map(\.outcome)) == ["paid-job", "employed-after-12-months"] && counts.allSatisfy { $0.count == 1 })
                // No table holds anything of hers any more (the audit trail names her by id only).
                guard let sql = app.db as? any SQLDatabase else { return }
                let tables: [String]
                if TestApp.database.kind == "postgres" {
                    tables = try await sql.raw("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'").all()
                        .map { try $0.decode(column: "name", as: String.self) }
                } else {
                    tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all().map { try $0.decode(column: "name", as: String.self) }
                }
                for table in tables where !table.hasPrefix("sqlite_") && table != "_fluent_migrations" {
                    let rows = try await sql.raw("SELECT * FROM \(ident: table)").all()
                    for row in rows {
                        for column in row.allColumns {
                            guard let value = try? row.decode(column: column, as: String.self) else { continue }
                            for personal in ["Sanne", "sanne@example.org", "0611223344", "1994-03-12", "Lombok", "Notitie over"] {
                                #expect(!value.contains(personal), "\(table).\(column) still holds \(personal)")
                            }
                        }
                    }
                }
                #expect(try await app.auditActions().contains("client.purged"))
                #expect(try await browser.get(path).status == .notFound)
                #expect(try await browser.get(keptPath).status == .ok)
            }
        }
    }
}
