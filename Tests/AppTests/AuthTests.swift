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
                let entries = try await AuditEventRow.query(on: app.db).filter(\.$action == "login.failed").all()
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

        @Test func theLockHoldsOneAddressOnlyAndTheOwnerElsewhereSignsIn() async throws {
            let clock = TestClock()
            try await withApp(clock: clock) { app async throws in
                try await app.makeUser("coach@example.org", role: .jobCoach)
                func browser(at address: String) -> TestBrowser {
                    let browser = TestBrowser(app)
                    browser.address = address
                    return browser
                }
                for _ in 1...4 {
                    #expect(try await browser(at: "192.0.2.1").login("coach@example.org", "guess").status == .unauthorized)
                }
                #expect(try await app.auditActions().contains("login.locked") == false)
                #expect(try await browser(at: "192.0.2.1").login("coach@example.org", "guess").status == .unauthorized)
                let lock = try #require(try await AuditEventRow.query(on: app.db).filter(\.$action == "login.locked").all().first)
                #expect(lock.actor == "coach@example.org")
                #expect(lock.details.contains("192.0.2.1"))
                #expect(try await browser(at: "192.0.2.1").login("coach@example.org").status == .tooManyRequests)
                // The owner at another address is not locked out, and is not slowed either.
                #expect(try await browser(at: "198.51.100.7").login("coach@example.org").status == .seeOther)
                #expect(clock.pauses.isEmpty)
                #expect(try await app.auditIsIntact())
            }
        }

        @Test func anAddressTryingManyAccountsIsSlowedButNotBlocked() async throws {
            let clock = TestClock()
            try await withApp(clock: clock) { app async throws in
                try await app.makeUser("coach@example.org", role: .jobCoach)
                let scanner = TestBrowser(app)
                scanner.address = "203.0.113.9"
                for number in 1...22 {
                    #expect(try await scanner.login("user\(number)@example.org", "guess").status == .unauthorized)
                }
                // Twenty failures switch slowing on: the 21st and 22nd attempts waited.
                #expect(clock.pauses == [0.5, 1.0])
                #expect(try await app.auditActions().filter { $0 == "login.address-slowed" }.count == 1)
                // A colleague behind the same office address still signs in, after a pause.
                let colleague = TestBrowser(app)
                colleague.address = "203.0.113.9"
                #expect(try await colleague.login("coach@example.org").status == .seeOther)
                #expect(clock.pauses.last == 1.5)
            }
        }

        @Test func oneSeesOnesOwnSessionsAndEndsThem() async throws {
            try await withApp { app async throws in
                try await app.makeUser("coach@example.org", role: .jobCoach)
                let someone = try await app.makeUser("someone@example.org", role: .jobCoach)
                let laptop = TestBrowser(app), phone = TestBrowser(app), tablet = TestBrowser(app), theirs = TestBrowser(app)
                laptop.address = "192.0.2.10"
                phone.address = "198.51.100.20"
                let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
                let iPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
                func login(_ browser: TestBrowser, _ email: String, agent: String) async throws {
                    _ = try await browser.get("/login", headers: ["User-Agent": agent])
                    let token = try TestBrowser.csrfToken(in: try await browser.get("/login", headers: ["User-Agent": agent]).body.string)
                    let response = try await browser.post("/login", form: ["email": email, "password": "correct horse battery", "_csrf": token],
                                                          headers: ["User-Agent": agent])
                    #expect(response.status == .seeOther)
                }
                try await login(laptop, "coach@example.org", agent: firefox)
                try await login(phone, "coach@example.org", agent: iPhone)
                try await login(tablet, "coach@example.org", agent: iPhone)
                try await login(theirs, "someone@example.org", agent: firefox)
                let page = try await laptop.get("/account/sessions")
                #expect(page.status == .ok)
                let html = page.body.string
                #expect(html.contains("Firefox op Linux"))
                #expect(html.contains("Safari op iOS"))
                #expect(html.contains("198.51.100.20"))
                #expect(page.count("<li class=\"panel\">") == 3, "someone else's session is not listed")
                #expect(page.count("deze browser") == 1)

                // Ending the phone's session signs the phone out.
                let userID = try #require(try await User.query(on: app.db).filter(\.$email == "coach@example.org").first()?.id)
                let phoneRow = try #require(try await StoredSession.query(on: app.db).filter(\.$userID == userID)
                    .filter(\.$address == "198.51.100.20").first())
                let ended = try await laptop.submit("/account/sessions", to: "/account/sessions/\(phoneRow.id!.uuidString)/end", form: [:])
                #expect(ended.status == .ok)
                #expect(ended.body.string.contains("U bent uitgelogd in Safari op iOS."))
                #expect(try await phone.get("/caseload").location?.hasPrefix("/login") == true)
                // Someone else's session is not found, and the attempt is logged.
                let theirRow = try #require(try await StoredSession.query(on: app.db).filter(\.$userID == someone.id!).first())
                #expect(try await laptop.submit("/account/sessions", to: "/account/sessions/\(theirRow.id!.uuidString)/end", form: [:]).status == .notFound)
                #expect(try await StoredSession.find(theirRow.id, on: app.db) != nil)
                #expect(try await app.auditActions().contains("access.refused"))

                // Log out everywhere else: the tablet goes, the laptop stays.
                let everywhere = try await laptop.submit("/account/sessions", to: "/account/sessions/end-others", form: [:])
                #expect(everywhere.body.string.contains("U bent uitgelogd in 1 andere browser."))
                #expect(try await tablet.get("/caseload").location?.hasPrefix("/login") == true)
                #expect(try await laptop.get("/account/sessions").status == .ok)
                #expect(try await StoredSession.query(on: app.db).filter(\.$userID == userID).count() == 1)
                #expect(try await app.auditActions().suffix(1) == ["sessions.ended-others"])
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
