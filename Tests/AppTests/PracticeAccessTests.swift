@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// Who may open and change which client: a coach only their own caseload, a team lead their
    /// team's (read and assign), nobody another agency's; by every route.
    @Suite struct PracticeAccessTests {
        /// Every client route with a form to post (nil: read only).
        static let clientReads = ["", "/intake", "/profile", "/matching"]
        static let clientWrites: [(String, [String: String])] = [
            ("/checklist", ["indicator": "task-1-1", "done": "yes", "note": "x"]),
            ("/move", ["to": "employee-profile", "reason": ""]),
            ("/intake", TestBrowser.intake),
            ("/profile", TestBrowser.agreedProfile),
            ("/decisions", ["decision": "match", "forCommissioner": "x", "forEmployer": "y"]),
            ("/placement", ["action": "start", "startOn": "2026-11-01", "hoursPerWeek": "20", "contract": "permanent"]),
            ("/trajectories", [:]),
        ]

        @Test func aCoachCannotReadOrChangeAnotherCoachsClientByID() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, owner) = try await app.member("owner@example.org", of: agency, team: agency.north)
                let (_, colleague) = try await app.member("colleague@example.org", of: agency, team: agency.north)
                let path = try await owner.newClient("Sanne Bakker")
                let csrf = try TestBrowser.csrfToken(in: try await colleague.get("/caseload").body.string)
                for suffix in Self.clientReads {
                    #expect(try await owner.get(path + suffix).status == .ok, "owner GET \(suffix)")
                    #expect(try await colleague.get(path + suffix).status == .notFound, "colleague GET \(suffix)")
                }
                let before = try await app.auditActionsButRefusals().count
                for (suffix, form) in Self.clientWrites + [("/coach", ["coach": UUID().uuidString])] {
                    var fields = form
                    fields["_csrf"] = csrf
                    #expect(try await colleague.post(path + suffix, form: fields).status == .notFound, "colleague POST \(suffix)")
                }
                #expect(try await app.auditActionsButRefusals().count == before, "refused requests write nothing but the refusal")
                #expect(try await app.auditActions().last == "access.refused")
                #expect(!(try await colleague.get("/caseload").body.string.contains("Sanne Bakker")))
                let client = try await app.clientRecord(named: "Sanne Bakker")
                #expect(try await app.trajectory(of: client).phase == .intake)
                #expect(try await Intake.query(on: app.db).count() == 0)
            }
        }

        @Test func aTeamLeadReadsTheTeamsClientsAndAssignsThemButDoesNotWriteInThem() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (colleague, _) = try await app.member("colleague@example.org", of: agency, team: agency.north)
                let (_, lead) = try await app.member("lead@example.org", role: .teamLead, of: agency, team: agency.north)
                let (_, otherLead) = try await app.member("lead-south@example.org", role: .teamLead, of: agency, team: agency.south)
                let path = try await coach.newClient("Daan Jansen")
                for suffix in Self.clientReads {
                    #expect(try await lead.get(path + suffix).status == .ok, "lead GET \(suffix)")
                    #expect(try await otherLead.get(path + suffix).status == .notFound, "other team's lead GET \(suffix)")
                }
                #expect(try await lead.get("/caseload").body.string.contains("Daan Jansen"))
                #expect(!(try await otherLead.get("/caseload").body.string.contains("Daan Jansen")))
                let csrf = try TestBrowser.csrfToken(in: try await lead.get("/caseload").body.string)
                for (suffix, form) in Self.clientWrites {
                    var fields = form
                    fields["_csrf"] = csrf
                    #expect(try await lead.post(path + suffix, form: fields).status == .forbidden, "lead POST \(suffix)")
                }
                // The intake page is read-only for the lead: no form.
                let readOnly = try await lead.get(path + "/intake").body.string
                #expect(!readOnly.contains("id=\"intake-form\""))
                // Empty answers say so (Leaf counts an empty string as true, so templates compare with "").
                #expect(readOnly.contains("niet ingevuld"))
                let assigned = try await lead.submit(path, to: path + "/coach", form: ["coach": colleague.id!.uuidString])
                #expect(assigned.status == .seeOther)
                #expect(try await app.clientRecord(named: "Daan Jansen").$coach.id == colleague.id)
                #expect(try await coach.get(path).status == .notFound, "the former coach no longer sees the client")
                let outsider = try await otherLead.submit("/caseload", to: path + "/coach", form: ["coach": colleague.id!.uuidString])
                #expect(outsider.status == .notFound)
            }
        }

        @Test func anotherAgencysRecordsAreNotFound() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency(name: "One")
                let other = try await app.makeAgency(name: "Two")
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (_, outsider) = try await app.member("outsider@example.org", of: other, team: other.north)
                let workplace = try await coach.newWorkplace(employer: "Bakkerij Korenaar", form: ["title": "Inpakker"])
                let employer = try await Employer.query(on: app.db).first()!
                #expect(try await coach.get(workplace).status == .ok)
                for path in [workplace, "/employers/\(employer.id!)", "/employers/\(employer.id!)/workplaces/new"] {
                    #expect(try await outsider.get(path).status == .notFound, "\(path)")
                }
                #expect(try await outsider.submit("/employers", to: "/employers/\(employer.id!)/contacts", form: ["contactName": "X"]).status == .notFound)
                #expect(try await outsider.submit("/employers", to: workplace, form: ["title": "Taken"]).status == .notFound)
                #expect(!(try await outsider.get("/employers").body.string.contains("Bakkerij Korenaar")))
                #expect(try await coach.get("/clients/\(UUID())").status == .notFound)
                #expect(try await coach.get("/clients/not-an-id").status == .notFound)
                #expect(try await coach.get("/workplaces/\(UUID())").status == .notFound)
            }
        }

        @Test(arguments: Role.allCases)
        func practicePagesFollowThePermissions(_ role: Role) async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("person@example.org", role: role, of: agency, team: agency.north)
                for path in ["/caseload", "/clients/new", "/employers", "/commissioners"] {
                    let expected: HTTPStatus = role.may(.workWithClients) ? .ok : .forbidden
                    #expect(try await browser.get(path).status == expected, "\(role) \(path)")
                }
                let admin: HTTPStatus = role.may(.manageOrganisations) ? .ok : .forbidden
                #expect(try await browser.get("/admin/organisations").status == admin, "\(role) /admin/organisations")
            }
        }

        @Test func aCoachOutsideAnyAgencyIsToldWhy() async throws {
            try await withApp { app async throws in
                let (_, browser) = try await app.signedIn("loose@example.org", role: .jobCoach)
                let page = try await browser.get("/caseload")
                #expect(page.status == .forbidden)
                #expect(page.body.string.contains("organisatie"))
            }
        }
    }
}
