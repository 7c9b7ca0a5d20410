@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// Every read and write of client data is in the hash-chained audit trail, naming the client by id.
    @Suite struct PracticeAuditTests {
        @Test func everyReadAndWriteOfClientDataIsAudited() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (coach, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (colleague, _) = try await app.member("colleague@example.org", of: agency, team: agency.north)
                let (_, lead) = try await app.member("lead@example.org", role: .teamLead, of: agency, team: agency.north)
                let workplacePath = try await browser.newWorkplace(employer: "Bakkerij Korenaar", form: MatchingFlowTests.packer)
                let workplaceID = String(workplacePath.split(separator: "/").last!)
                let path = try await browser.newClient("Sanne Bakker")
                // A page without client data gives the session's CSRF token without an audited read.
                let token = try TestBrowser.csrfToken(in: try await browser.get("/employers").body.string)
                let client = try await app.clientRecord(named: "Sanne Bakker")
                let subject = "client:\(client.id!.uuidString)"

                var expected: [(String, String)] = [("client.created", coach.auditName)]
                func check(_ step: String) async throws {
                    let entries = try await AuditEventRow.query(on: app.db).filter(\.$subject == subject).sort(\.$id).all()
                    #expect(entries.map { "\($0.action) \($0.actor)" } == expected.map { "\($0.0) \($0.1)" }, "after \(step)")
                }
                try await check("creating")
                try await browser.get(path)
                expected.append(("client.viewed", coach.auditName))
                // A refused change shows the record again: that showing is a read too, and nothing is written.
                let refused = try await browser.post(path + "/move", form: ["_csrf": token, "to": "employee-profile"])
                #expect(refused.status == .unprocessableEntity)
                expected.append(("client.viewed", coach.auditName))
                try await browser.get(path + "/intake")
                expected.append(("intake.viewed", coach.auditName))
                try await browser.post(path + "/intake", form: TestBrowser.intake.merging(["_csrf": token]) { $1 })
                expected.append(("intake.created", coach.auditName))
                try await browser.post(path + "/checklist", form: ["_csrf": token, "indicator": "task-1-1", "done": "yes"])
                expected.append(("checklist.updated", coach.auditName))
                try await browser.post(path + "/move", form: ["_csrf": token, "to": "employee-profile"])
                expected.append(("trajectory.moved", coach.auditName))
                try await browser.get(path + "/profile")
                expected.append(("profile.viewed", coach.auditName))
                try await browser.post(path + "/profile", form: TestBrowser.agreedProfile.merging(["_csrf": token]) { $1 })
                expected.append(("profile.created", coach.auditName))
                try await browser.get(path + "/matching")
                expected.append(("matching.viewed", coach.auditName))
                try await browser.post(path + "/decisions", form: ["_csrf": token, "workplace": workplaceID, "decision": "match",
                                                                   "forCommissioner": "fits", "forEmployer": "fits"])
                expected.append(("match.decided", coach.auditName))
                let tooMany = try await browser.post(path + "/placement", form: ["_csrf": token, "action": "start", "workplace": workplaceID,
                                                                                 "startOn": "2026-11-20", "hoursPerWeek": "90", "contract": "permanent"])
                #expect(tooMany.status == .unprocessableEntity)
                expected.append(("matching.viewed", coach.auditName))
                try await browser.post(path + "/placement", form: ["_csrf": token, "action": "start", "workplace": workplaceID,
                                                                   "startOn": "2026-11-20", "hoursPerWeek": "16", "contract": "permanent"])
                expected.append(("placement.recorded", coach.auditName))
                try await lead.get(path)
                let leadName = try await User.query(on: app.db).filter(\.$email == "lead@example.org").first()!.auditName
                expected.append(("client.viewed", leadName))
                try await lead.submit(path, to: path + "/coach", form: ["coach": colleague.id!.uuidString])
                expected.append(("client.viewed", leadName))
                expected.append(("client.assigned", leadName))
                try await check("the whole walk")

                // The caseload is a read of client data too: one entry per page shown.
                try await browser.get("/caseload")
                let list = try #require(try await AuditEventRow.query(on: app.db).filter(\.$action == "caseload.viewed").first())
                #expect(list.actor == coach.auditName && list.details.contains("\"clients\":\"0\""))
                // No client name in the trail.
                let all = try await AuditEventRow.query(on: app.db).all()
                #expect(!all.contains { $0.details.contains("Sanne") || $0.subject.contains("Sanne") })
                #expect(try await app.auditIsIntact())
            }
        }
    }
}
