@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    @Suite struct AdminTests {
        /// Who may open which admin page: the matrix of roles and routes.
        @Test(arguments: Role.allCases)
        func adminPagesFollowThePermissions(_ role: Role) async throws {
            try await withApp { app async throws in
                try await app.makeUser("person@example.org", role: role)
                let browser = TestBrowser(app)
                _ = try await browser.login("person@example.org")
                let users = try await browser.get("/admin/users")
                #expect(users.status == (role.may(.manageUsers) ? .ok : .forbidden), "\(role) /admin/users")
                let audit = try await browser.get("/admin/audit")
                #expect(audit.status == (role.may(.viewAuditTrail) ? .ok : .forbidden), "\(role) /admin/audit")
                let post = try await browser.post("/admin/users", form: ["_csrf": browser.cookies.isEmpty ? "" : "x"])
                #expect(post.status == .forbidden, "\(role) cannot post without a valid token either")
            }
        }

        @Test func anAdministratorCreatesAnAccountAndTheInvitationSetsItsPassword() async throws {
            try await withApp { app async throws in
                try await app.makeUser("admin@example.org", role: .admin)
                let browser = TestBrowser(app)
                _ = try await browser.login("admin@example.org")
                let created = try await browser.submit("/admin/users", form: ["email": "Jamila@Example.org", "name": "Jamila", "role": "job-coach"])
                #expect(created.status == .ok)
                let html = created.body.string
                // Without a mail server the page shows the link that the mail also holds.
                let link = try AppTests.MailTests.linkPath(in: html)
                let user = try #require(try await User.query(on: app.db).filter(\.$email == "jamila@example.org").first())
                #expect(user.role == .jobCoach)
                let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "jamila@example.org").first())
                #expect(mail.textBody.contains(link))
                #expect(try await app.auditActions().suffix(3) == ["user.created", "mail.queued", "user.invited"])
                let jamila = TestBrowser(app)
                try await jamila.submit(link, form: ["new": "jamila chose this one", "confirm": "jamila chose this one"])
                #expect(try await jamila.login("jamila@example.org", "jamila chose this one").location == "/caseload")
                let again = try await browser.submit("/admin/users", form: ["email": "jamila@example.org", "name": "J", "role": "job-coach"])
                #expect(again.status == .badRequest)
                #expect(again.body.string.contains("Er is al een account met dit e-mailadres."))
            }
        }

        @Test func badAccountFormsNameEveryField() async throws {
            try await withApp { app async throws in
                try await app.makeUser("admin@example.org", role: .admin)
                let browser = TestBrowser(app)
                _ = try await browser.login("admin@example.org")
                let response = try await browser.submit("/admin/users", form: ["email": "not-an-address", "name": " ", "role": "boss"])
                #expect(response.status == .badRequest)
                for field in ["email", "name", "role"] {
                    #expect(response.body.string.contains("href=\"#\(field)\""), "\(field) in the error summary")
                }
                #expect(try await User.query(on: app.db).count() == 1, "nothing was written")
            }
        }

        @Test func roleChangesAndDeactivationAreAudited() async throws {
            try await withApp { app async throws in
                try await app.makeUser("admin@example.org", role: .admin)
                let coach = try await app.makeUser("coach@example.org", role: .jobCoach)
                let coachBrowser = TestBrowser(app)
                _ = try await coachBrowser.login("coach@example.org")
                let browser = TestBrowser(app)
                _ = try await browser.login("admin@example.org")
                let path = "/admin/users/\(coach.id!.uuidString)"
                let promoted = try await browser.submit(path, form: ["name": "Coach", "role": "team-lead", "active": "on"])
                #expect(promoted.status == .ok)
                let entry = try #require(try await AuditEventRow.query(on: app.db).filter(\.$action == "user.role-changed").first())
                #expect(entry.details == "{\"from\":\"job-coach\",\"to\":\"team-lead\"}")
                #expect(entry.subject == "user:\(coach.id!.uuidString)")
                _ = try await browser.submit(path, form: ["name": "Coach", "role": "team-lead"])
                #expect(try await app.auditActions().last == "user.deactivated")
                #expect(try await coachBrowser.get("/account/password").status == .seeOther, "the deactivated coach is signed out")
                #expect(try await TestBrowser(app).login("coach@example.org").status == .unauthorized)
            }
        }

        @Test func anAdministratorCannotLockThemselvesOut() async throws {
            try await withApp { app async throws in
                let admin = try await app.makeUser("admin@example.org", role: .admin)
                let browser = TestBrowser(app)
                _ = try await browser.login("admin@example.org")
                let response = try await browser.submit("/admin/users/\(admin.id!.uuidString)", form: ["name": "Admin", "role": "client", "active": "on"])
                #expect(response.status == .badRequest)
                #expect(try await User.find(admin.id, on: app.db)?.role == .admin)
            }
        }

        @Test func resettingAPasswordSignsThePersonOut() async throws {
            try await withApp { app async throws in
                try await app.makeUser("admin@example.org", role: .admin)
                let coach = try await app.makeUser("coach@example.org", role: .jobCoach)
                let coachBrowser = TestBrowser(app)
                _ = try await coachBrowser.login("coach@example.org")
                let browser = TestBrowser(app)
                _ = try await browser.login("admin@example.org")
                let path = "/admin/users/\(coach.id!.uuidString)"
                let reset = try await browser.submit(path, to: path + "/reset-password", form: [:])
                #expect(reset.status == .ok)
                #expect(reset.body.string.contains("class=\"secret\""))
                #expect(try await coachBrowser.get("/account/password").status == .seeOther)
                #expect(try await User.find(coach.id, on: app.db)?.mustChangePassword == true)
                #expect(try await app.auditActions().last == "user.password-reset")
            }
        }

        @Test func unknownAccountsAre404() async throws {
            try await withApp { app async throws in
                try await app.makeUser("admin@example.org", role: .admin)
                let browser = TestBrowser(app)
                _ = try await browser.login("admin@example.org")
                #expect(try await browser.get("/admin/users/\(UUID().uuidString)").status == .notFound)
                #expect(try await browser.get("/admin/users/not-a-uuid").status == .notFound)
            }
        }
    }
}
