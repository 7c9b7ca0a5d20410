@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// A client's trajectory through the pages: start, checklist, moves with their rules, lead times.
    @Suite struct TrajectoryFlowTests {
        @Test func aNewClientStartsInTheIntakeUnderTheFrameworkVersionInForce() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (coach, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let path = try await browser.newClient("Noah de Wit", extra: ["dateOfBirth": "1998-04-02"])
                let client = try await app.clientRecord(named: "Noah de Wit")
                #expect(client.$coach.id == coach.id && client.teamID == agency.north.id && client.organisationID == agency.id)
                let trajectory = try await app.trajectory(of: client)
                let inForce = try #require(ProcessFramework.version(on: CalendarDate(app.clock.now(), in: app.configuration.timeZone), in: app.standard.frameworks))
                #expect(trajectory.phase == .intake && trajectory.frameworkID == "register-jobcoach" && trajectory.frameworkVersion == inForce.version)
                let page = try await browser.get(path)
                #expect(page.status == .ok)
                // The checklist is task 1's indicators and task 0's, from the data.
                for item in inForce.task(number: 1)!.indicators + inForce.task(number: 0)!.indicators {
                    #expect(page.body.string.contains("value=\"\(item.id)\""), "\(item.id)")
                }
                #expect(!page.body.string.contains("value=\"task-2-1\""))
                let other = try await browser.get(path + "?phase=matching")
                #expect(other.body.string.contains("value=\"task-4-11\""))
            }
        }

        @Test func badClientInputNamesTheFieldAndWritesNothing() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let response = try await browser.submit("/clients/new", to: "/clients",
                                                        form: ["name": "", "dateOfBirth": "2999-01-01", "email": "no at sign", "place": "Atlantis"])
                #expect(response.status == .unprocessableEntity)
                for field in ["#name", "#dateOfBirth", "#email", "#place"] { #expect(response.body.string.contains("href=\"\(field)\""), "\(field)") }
                #expect(try await App.Client.query(on: app.db).count() == 0)
                #expect(try await Trajectory.query(on: app.db).count() == 0)
            }
        }

        @Test func movesFollowTheRulesAndAreRecordedWithTheirReasons() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let path = try await browser.newClient("Sanne Bakker")
                let client = try await app.clientRecord(named: "Sanne Bakker")

                let early = try await browser.move(path, to: .employeeProfile)
                #expect(early.status == .unprocessableEntity)
                #expect(early.body.string.contains("Leg eerst de intake vast."))
                let skip = try await browser.move(path, to: .matching)
                #expect(skip.status == .unprocessableEntity)
                #expect(skip.body.string.contains("Fasen worden op volgorde doorlopen"))

                #expect(try await browser.submit(path + "/intake", form: TestBrowser.intake).status == .seeOther)
                #expect(try await browser.move(path, to: .employeeProfile).status == .seeOther)
                #expect(try await browser.submit(path + "/profile", form: TestBrowser.agreedProfile).status == .seeOther)
                #expect(try await browser.move(path, to: .workplaceProfile).status == .seeOther)
                #expect(try await browser.move(path, to: .matching).status == .seeOther)

                let noReason = try await browser.move(path, to: .employeeProfile)
                #expect(noReason.status == .unprocessableEntity)
                #expect(noReason.body.string.contains("href=\"#reason\""))
                #expect(try await browser.move(path, to: .employeeProfile, reason: "Wants quieter work after trial days").status == .seeOther)
                let noPlacement = try await browser.move(path, to: .coachingPlan)
                #expect(noPlacement.status == .unprocessableEntity)

                let moves = try await TrajectoryMoveRow.query(on: app.db).sort(\.$movedAt).all()
                #expect(moves.map(\.toPhase) == ["employee-profile", "workplace-profile", "matching", "employee-profile"])
                #expect(moves.last?.reason == "Wants quieter work after trial days")
                #expect(try await app.trajectory(of: client).phase == .employeeProfile)
                let page = try await browser.get(path).body.string
                #expect(page.contains("Wants quieter work after trial days"))
                #expect(page.contains("Doorlooptijd per fase"))

                #expect(try await browser.move(path, to: .ended).status == .unprocessableEntity, "ending needs a reason")
                #expect(try await browser.move(path, to: .ended, reason: "Moved to another region").status == .seeOther)
                let ended = try await app.trajectory(of: client)
                #expect(ended.phase == .ended && ended.endedAt != nil)
                #expect(try await browser.move(path, to: .intake, reason: "again").status == .unprocessableEntity)
                // A new trajectory after the end; the old one stays.
                #expect(try await browser.submit(path, to: path + "/trajectories", form: [:]).status == .seeOther)
                #expect(try await app.trajectory(of: client).phase == .intake)
                #expect(try await Trajectory.query(on: app.db).count() == 2)
            }
        }

        @Test func theChecklistKeepsTicksAndNotesByIndicatorID() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let path = try await browser.newClient("Eva Mulder")
                let saved = try await browser.submit(path, to: path + "/checklist", form: ["indicator": "task-1-2", "done": "yes", "note": "Question written down together"])
                #expect(saved.status == .seeOther)
                #expect(try await browser.submit(path, to: path + "/checklist", form: ["indicator": "task-1-2", "note": "Reopened"]).status == .seeOther)
                let ticks = try await ChecklistTick.query(on: app.db).all()
                #expect(ticks.count == 1)
                #expect(ticks.first?.done == false && ticks.first?.note == "Reopened")
                let unknown = try await browser.submit(path, to: path + "/checklist", form: ["indicator": "ka-1-1", "done": "yes"])
                #expect(unknown.status == .unprocessableEntity)
                #expect(unknown.body.string.contains("ka-1-1"))
                #expect(try await ChecklistTick.query(on: app.db).count() == 1)
            }
        }

        @Test func theCaseloadListsByPhaseAndTheTeamLeadSeesTheTeam() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (_, colleague) = try await app.member("colleague@example.org", of: agency, team: agency.north)
                let (_, south) = try await app.member("south@example.org", of: agency, team: agency.south)
                let (_, lead) = try await app.member("lead@example.org", role: .teamLead, of: agency, team: agency.north)
                let first = try await coach.newClient("Bram Smit")
                try await coach.submit(first + "/intake", form: TestBrowser.intake)
                try await coach.move(first, to: .employeeProfile)
                try await coach.newClient("Lotte Visser")
                try await colleague.newClient("Kees Dekker")
                try await south.newClient("Mila Hoekstra")
                let mine = try await coach.get("/caseload").body.string
                #expect(mine.contains("Bram Smit") && mine.contains("Lotte Visser") && !mine.contains("Kees Dekker"))
                let filtered = try await coach.get("/caseload?phase=intake").body.string
                #expect(filtered.contains("Lotte Visser") && !filtered.contains("Bram Smit"))
                let team = try await lead.get("/caseload").body.string
                #expect(team.contains("Bram Smit") && team.contains("Kees Dekker") && !team.contains("Mila Hoekstra"))
                #expect(team.contains("Alle fasen (3)"))
                // The team lead's list names each client's coach; paging past the end is an empty page.
                #expect(team.contains("<td>Colleague</td>"))
                let beyond = try await coach.get("/caseload?page=99999999999999")
                #expect(beyond.status == .ok && !beyond.body.string.contains("Bram Smit"))
                #expect(try await coach.get("/caseload?page=abc&phase=nonsense").status == .ok)
            }
        }
    }
}
