@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// Page models checked for what they load for a fixture, not by the words on the page.
    @Suite struct PageModelTests {
        /// A request as a handler sees it, with the practice actor resolved.
        static func request(_ app: Application, actor user: User) async throws -> Request {
            let request = Request(application: app, on: app.eventLoopGroup.next())
            request.auth.login(user)
            _ = try await ScopeMiddleware<PracticeScope>().respond(to: request, chainingTo: NoResponder())
            return request
        }

        /// A work page's input for a client, as `WorkPage.show` makes it.
        static func input(_ request: Request, _ client: App.Client) throws -> WorkPageInput {
            WorkPageInput(request: request, actor: try request.practiceActor, client: client, values: [:], errors: [])
        }

        struct NoResponder: AsyncResponder {
            func respond(to request: Request) async throws -> Response { Response(status: .noContent) }
        }

        @Test func theSupportPageLoadsTheLogProgressByGoalAndOnlyOpenGoals() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (coach, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (lead, _) = try await app.member("lead@example.org", role: .teamLead, of: agency, team: agency.north)
                let (path, client) = try await app.placedClient("Sanne Bakker", browser: browser, employer: "Bakkerij Korenaar")
                try await browser.submit(path + "/plan", to: path + "/goals", form: TestBrowser.goal(app.today, what: "Op tijd beginnen"))
                try await browser.submit(path + "/plan", to: path + "/goals", form: TestBrowser.goal(app.today, what: "Zelf pauze nemen"))
                let goals = try await CoachingGoal.query(on: app.db).sort(\.$createdAt).all()
                #expect(goals.count == 2)
                let reached = try #require(goals.first { $0.what == "Zelf pauze nemen" })
                try await browser.submit(path + "/plan", to: path + "/goals/\(reached.id!)/reached", form: [:])
                let open = try #require(goals.first { $0.what == "Op tijd beginnen" })
                for minutes in ["90", "45"] {
                    try await browser.submit(path + "/support", form: [
                        "supportHeldOn": app.today.description, "supportMinutes": minutes, "supportWithWhom": "client",
                        "supportNotes": "Geoefend", "progress.\(open.id!.uuidString)": "Twee keer op tijd",
                    ])
                }

                let request = try await Self.request(app, actor: coach)
                let file = try await ClientFile.load(client, on: request)
                let model = try await SupportPage.Model.load(file, try Self.input(request, client))
                #expect(model.canWork)
                #expect(model.totalMinutes == 135)
                #expect(model.coaching.support.count == 2)
                #expect(model.openGoals.map(\.what) == ["Op tijd beginnen"])
                #expect(model.coaching.support.map { model.progress(of: $0) } == [["Op tijd beginnen: Twee keer op tijd"], ["Op tijd beginnen: Twee keer op tijd"]])

                let leadRequest = try await Self.request(app, actor: lead)
                let seenByLead = try await SupportPage.Model.load(file, try Self.input(leadRequest, client))
                #expect(!seenByLead.canWork, "the team lead sees the page without its forms")
                let content = SupportPage.Content(model: seenByLead, input: try Self.input(leadRequest, client))
                #expect(try content.blocks.allSatisfy { $0.forms.isEmpty })
                #expect(try content.blocks.map(\.id) == ["log", "grant", "milestones", "evaluations", "appointments"])
            }
        }

        @Test func theClosingPageLoadsTheFollowUpScheduleFromThePlacement() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (coach, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (path, client) = try await app.placedClient("Sanne Bakker", browser: browser, employer: "Bakkerij Korenaar")
                let unplaced = try await browser.newClient("Daan Jansen")
                try await browser.submit(path + "/closing", to: path + "/follow-ups", form: [
                    "followUpMonths": "3", "followUpHeldOn": app.today.description, "followUpEmployed": "yes",
                    "followUpHours": "16", "followUpSameEmployer": "yes", "followUpSupportNeeded": "no",
                ])
                let request = try await Self.request(app, actor: coach)
                let model = try await ClosingPage.Model.load(try await ClientFile.load(client, on: request), try Self.input(request, client))
                #expect(model.followUps?.map(\.check.monthsAfter) == [3, 6, 12])
                #expect(model.openFollowUps == [6, 12])
                #expect(model.check(monthsAfter: 3)?.stillEmployed == true)
                #expect(model.closingEvaluations.isEmpty)

                let other = try await app.clientRecord(named: "Daan Jansen")
                #expect(unplaced == "/clients/\(other.id!)")
                let none = try await ClosingPage.Model.load(try await ClientFile.load(other, on: request), try Self.input(request, other))
                #expect(none.followUps == nil && none.openFollowUps.isEmpty, "no schedule without a placement")
            }
        }

        @Test func theCaseloadPageLoadsThePageTheLoadAndTheDueActions() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (coach, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (lead, _) = try await app.member("lead@example.org", role: .teamLead, of: agency, team: agency.north)
                for name in ["Anna de Vries", "Bram Smit", "Cor Mulder"] { try await browser.newClient(name) }
                let (path, _) = try await app.placedClient("Sanne Bakker", browser: browser, employer: "Bakkerij Korenaar")
                var goal = TestBrowser.goal(app.today, what: "Op tijd beginnen elke dag")
                goal["goalDueOn"] = app.today.adding(days: 3).description
                try await browser.submit(path + "/plan", to: path + "/goals", form: goal)

                let actor = try await Self.request(app, actor: coach).practiceActor
                let model = try await CaseloadPage.Model.load(actor, phase: nil, page: 1, today: app.today, timeZone: app.configuration.timeZone, on: app.db)
                #expect(model.total == 4 && model.clients.count == 4 && model.pages == 1)
                #expect(model.coachNames.isEmpty, "a coach's own list names no coach")
                #expect(model.load.clients == 4)
                #expect(model.agenda.days.flatMap(\.items).map(\.what) == [.goal("Op tijd beginnen elke dag")])
                #expect(model.agenda.days.map(\.day) == [app.today.adding(days: 3)] && model.agenda.overdue.isEmpty)
                let onTheJob = try await CaseloadPage.Model.load(actor, phase: .onTheJob, page: 1, today: app.today, timeZone: app.configuration.timeZone, on: app.db)
                #expect(onTheJob.clients.map(\.name) == ["Sanne Bakker"] && onTheJob.total == 1)

                let leadActor = try await Self.request(app, actor: lead).practiceActor
                let team = try await CaseloadPage.Model.load(leadActor, phase: nil, page: 1, today: app.today, timeZone: app.configuration.timeZone, on: app.db)
                #expect(Set(team.coachNames.values) == [coach.displayName], "the team lead's list names each client's coach")
            }
        }
    }
}
