@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    @Suite struct AuthTests {
        @Test func aProtectedPageSendsVisitorsToLogin() async throws {
            try await withApp { app async throws in
                let response = try await TestBrowser(app).get("/admin/users")
                #expect(response.status == .seeOther)
                #expect(response.location == "/login?next=/admin/users")
            }
        }

        @Test func loggingInStartsADatabaseSessionWithANewID() async throws {
            try await withApp { app async throws in
                let user = try await app.makeUser("coach@example.org", role: .jobCoach)
                let browser = TestBrowser(app)
                _ = try await browser.get("/login")
                let before = try #require(browser.cookies["jobcoach-session"])
                let response = try await browser.submit("/login", form: ["email": "Coach@Example.org", "password": "correct horse battery",
                                                                         "next": "/frameworks"])
                #expect(response.status == .seeOther)
                #expect(response.location == "/frameworks")
                let after = try #require(browser.cookies["jobcoach-session"])
                #expect(after != before, "the session id changes at login")
                let rows = try await StoredSession.query(on: app.db).all()
                #expect(rows.contains { $0.userID == user.id && $0.tokenHash == SecureToken.sha256(after) })
                #expect(!rows.contains { $0.tokenHash == after }, "only the hash of the id is stored")
                #expect(!rows.contains { $0.tokenHash == SecureToken.sha256(before) }, "the old session is gone")
                let home = try await browser.get("/")
                #expect(home.body.string.contains("Coach"))
                #expect(home.headers.first(name: .cacheControl) == "no-store")
                #expect(try await app.auditActions().last == "login")
            }
        }

        @Test func aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() async throws {
            try await withApp { app async throws in
                try await app.makeUser("coach@example.org", role: .jobCoach)
                let wrong = try await TestBrowser(app).login("coach@example.org", "not the password")
                let unknown = try await TestBrowser(app).login("nobody@example.org", "not the password")
                #expect(wrong.status == .unauthorized)
                #expect(unknown.status == .unauthorized)
                #expect(wrong.body.string.contains("Het e-mailadres of het wachtwoord klopt niet."))
                #expect(unknown.body.string.contains("Het e-mailadres of het wachtwoord klopt niet."))
                let entries = try await AuditEntry.query(on: app.db).filter(\.$action == "login.failed").all()
                #expect(entries.count == 2)
                #expect(entries.map(\.details).contains { $0.contains("wrong password") })
                #expect(entries.map(\.details).contains { $0.contains("unknown account") })
                #expect(!entries.map(\.details).joined().contains("not the password"), "no password in the audit trail")
            }
        }

        @Test func emptyFieldsAreNamedInTheErrorSummary() async throws {
            try await withApp { app async throws in
                let response = try await TestBrowser(app).submit("/login", form: ["email": "", "password": ""])
                #expect(response.status == .badRequest)
                let html = response.body.string
                #expect(html.contains("href=\"#email\""))
                #expect(html.contains("href=\"#password\""))
                #expect(html.contains("aria-invalid=\"true\" aria-describedby=\"email-error\""))
            }
        }

        @Test func aFormWithoutTheCSRFTokenIsRefused() async throws {
            try await withApp { app async throws in
                try await app.makeUser("coach@example.org", role: .jobCoach)
                let browser = TestBrowser(app)
                _ = try await browser.get("/login")
                let missing = try await browser.post("/login", form: ["email": "coach@example.org", "password": "correct horse battery"])
                #expect(missing.status == .forbidden)
                let wrong = try await browser.post("/login", form: ["email": "coach@example.org", "password": "correct horse battery",
                                                                   "_csrf": "forged"])
                #expect(wrong.status == .forbidden)
                #expect(wrong.body.string.contains("Dit formulier is verlopen"))
            }
        }

        @Test func repeatedFailuresPauseLoginsForTheAccount() async throws {
            let clock = TestClock()
            try await withApp(clock: clock) { app async throws in
                try await app.makeUser("coach@example.org", role: .jobCoach)
                for _ in 1...5 {
                    #expect(try await TestBrowser(app).login("coach@example.org", "guess").status == .unauthorized)
                }
                let paused = try await TestBrowser(app).login("coach@example.org")
                #expect(paused.status == .tooManyRequests)
                #expect(paused.headers.first(name: .retryAfter) == "900")
                #expect(paused.body.string.contains("15 minuten"))
                #expect(try await app.auditActions().last == "login.refused")
                clock.advance(15 * 60 + 1)
                #expect(try await TestBrowser(app).login("coach@example.org").status == .seeOther)
            }
        }

        @Test func aOneTimePasswordMustBeChangedFirst() async throws {
            try await withApp { app async throws in
                try await app.makeUser("new@example.org", role: .jobCoach, mustChange: true)
                let browser = TestBrowser(app)
                let login = try await browser.login("new@example.org")
                #expect(login.location == "/account/password")
                let elsewhere = try await browser.get("/admin/audit")
                #expect(elsewhere.location == "/account/password")
                let weak = try await browser.submit("/account/password", form: ["current": "correct horse battery", "new": "short", "confirm": "short"])
                #expect(weak.status == .badRequest)
                #expect(weak.body.string.contains("href=\"#new\""))
                let mismatch = try await browser.submit("/account/password", form: ["current": "correct horse battery",
                                                                                    "new": "a much longer secret", "confirm": "different"])
                #expect(mismatch.body.string.contains("href=\"#confirm\""))
                let done = try await browser.submit("/account/password", form: ["current": "correct horse battery",
                                                                                "new": "a much longer secret", "confirm": "a much longer secret"])
                #expect(done.status == .ok)
                let user = try #require(try await User.query(on: app.db).filter(\.$email == "new@example.org").first())
                #expect(user.mustChangePassword == false)
                #expect(try await app.accounts.verify("a much longer secret", hash: user.passwordHash))
                #expect(user.passwordHash.hasPrefix("$2"))
                #expect(try await app.auditActions().last == "password.changed")
            }
        }

        @Test func loggingOutEndsTheSession() async throws {
            try await withApp { app async throws in
                try await app.makeUser("coach@example.org", role: .jobCoach)
                let browser = TestBrowser(app)
                _ = try await browser.login("coach@example.org")
                let home = try await browser.get("/")
                let token = try TestBrowser.csrfToken(in: home.body.string)
                let out = try await browser.post("/logout", form: ["_csrf": token])
                #expect(out.status == .seeOther)
                #expect(try await StoredSession.query(on: app.db).filter(\.$userID != nil).count() == 0)
                #expect(try await browser.get("/account/password").status == .seeOther)
                #expect(try await app.auditActions().last == "logout")
            }
        }

        @Test func anIdleSessionExpires() async throws {
            let clock = TestClock()
            try await withApp(clock: clock) { app async throws in
                try await app.makeUser("coach@example.org", role: .jobCoach)
                let browser = TestBrowser(app)
                _ = try await browser.login("coach@example.org")
                #expect(try await browser.get("/account/password").status == .ok)
                clock.advance(DatabaseSessionDriver.idleTimeout + 1)
                #expect(try await browser.get("/account/password").status == .seeOther)
            }
        }

        @Test func theAPINeedsAValidTokenOfAnActiveAccount() async throws {
            try await withApp { app async throws in
                let user = try await app.makeUser("coach@example.org", role: .jobCoach)
                let none = try await app.testing().sendRequest(.GET, "/api/v1/me")
                #expect(none.status == .unauthorized)
                #expect(none.headers.contentType == .json)
                #expect(none.headers.first(name: .wwwAuthenticate) == "Bearer")
                let bad = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Authorization": "Bearer jc_nope"])
                #expect(bad.status == .unauthorized)
                let token = try await app.accounts.createToken(for: user, name: "test", actor: "test", on: app.db)
                let stored = try await APIToken.query(on: app.db).all()
                #expect(stored.map(\.tokenHash) == [SecureToken.sha256(token)])
                let good = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(token)"])
                #expect(good.status == .ok)
                #expect(good.body.string.contains("\"role\":\"job-coach\""))
                user.isActive = false
                try await user.update(on: app.db)
                let inactive = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(token)"])
                #expect(inactive.status == .unauthorized)
            }
        }

        @Test func clientsHoldNoAPITokens() async throws {
            try await withApp { app async throws in
                let client = try await app.makeUser("client@example.org", role: .client)
                let token = try await app.accounts.createToken(for: client, name: "test", actor: "test", on: app.db)
                let response = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(token)"])
                #expect(response.status == .unauthorized)
            }
        }

        @Test func theNextParameterStaysOnThisSite() {
            #expect(AuthController.safeNext("/frameworks?lang=en") == "/frameworks?lang=en")
            #expect(AuthController.safeNext("https://evil.example") == "")
            #expect(AuthController.safeNext("//evil.example") == "")
            #expect(AuthController.safeNext("/\\evil.example") == "")
        }
    }
}
