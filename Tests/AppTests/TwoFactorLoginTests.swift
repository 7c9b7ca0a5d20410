@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// Two-step login: enrolment with the QR code, the second step, recovery codes, who must have it.
    @Suite struct TwoFactorLoginTests {
        /// The key shown on the enrolment page, as someone would type it into an app.
        func shownKey(_ page: String) throws -> [UInt8] {
            let start = try #require(page.range(of: "<code id=\"secret\">"))
            let end = try #require(page[start.upperBound...].range(of: "</code>"))
            return try #require(Base32.decode(String(page[start.upperBound..<end.lowerBound])))
        }

        @Test func aCoachEnrolsWithTheQRCodeAndLogsInInTwoSteps() async throws {
            let clock = TestClock()
            try await withApp(clock: clock) { app async throws in
                let (coach, browser) = try await app.signedIn("coach@example.org", role: .jobCoach)
                let other = TestBrowser(app)
                _ = try await other.login("coach@example.org")
                #expect(try await other.get("/portfolio").status == .ok)

                let page = try await browser.get("/account/two-factor").body.string
                #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\"") && page.contains("role=\"img\""))
                let key = try shownKey(page)
                #expect(key.count == 20)
                let wrong = try await browser.submit("/account/two-factor", form: ["code": "000000"])
                #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("href=\"#code\""))
                #expect(try await User.find(coach.id!, on: app.db)?.totpSecret == nil, "nothing stored")

                let totp = TOTP(secret: key)
                let enabled = try await browser.submit("/account/two-factor", form: ["code": totp.code(at: app.clock.now())])
                #expect(enabled.status == .ok)
                let codes = enabled.body.string.components(separatedBy: "<li><code>").dropFirst().compactMap { $0.components(separatedBy: "</code>").first }
                #expect(codes.count == 10 && codes.allSatisfy { $0.count == 11 })
                #expect(try await RecoveryCode.query(on: app.db).filter(\.$user.$id == coach.id!).count() == 10)
                #expect(try await other.get("/portfolio").status == .seeOther, "turning it on ended the other session")
                #expect(try await browser.get("/portfolio").status == .ok, "this session goes on")

                // The password alone now signs nobody in.
                let next = TestBrowser(app)
                let password = try await next.submit("/login", form: ["email": "coach@example.org", "password": "correct horse battery"])
                #expect(password.location == "/login/code")
                #expect(try await next.get("/portfolio").status == .seeOther, "not signed in between the steps")
                let bad = try await next.submit("/login/code", form: ["code": "123456"])
                #expect(bad.status == .unauthorized && bad.body.string.contains("href=\"#code\""))
                // The code already used at enrolment does not work again; a recovery code works once.
                let replay = try await next.submit("/login/code", form: ["code": totp.code(at: app.clock.now())])
                #expect(replay.status == .unauthorized)
                #expect(try await next.submit("/login/code", form: ["code": codes[0].uppercased()]).status == .seeOther)
                #expect(try await next.get("/portfolio").status == .ok)
                let again = TestBrowser(app)
                _ = try await again.submit("/login", form: ["email": "coach@example.org", "password": "correct horse battery"])
                #expect(try await again.submit("/login/code", form: ["code": codes[0]]).status == .unauthorized, "a recovery code works once")
                clock.advance(30)
                #expect(try await again.submit("/login/code", form: ["code": totp.code(at: app.clock.now())]).status == .seeOther)

                let actions = try await app.auditActions()
                for action in ["two-factor.enabled", "login.password-accepted", "two-factor.recovery-code-used", "login.failed"] {
                    #expect(actions.contains(action), "\(action) in the audit trail")
                }
                #expect(try await app.auditIsIntact())

                // Not required for a coach: it can be turned off with a code.
                clock.advance(30)
                let off = try await again.submit("/account/two-factor", to: "/account/two-factor/off", form: ["code": totp.code(at: app.clock.now())])
                #expect(off.status == .ok && off.body.string.contains("Inloggen in twee stappen staat uit."))
                #expect(try await RecoveryCode.query(on: app.db).filter(\.$user.$id == coach.id!).count() == 0)
            }
        }

        @Test func administratorsAndOfficersMustEnrolBeforeAnythingElse() async throws {
            try await withApp { app async throws in
                let officer = try await app.makeUser("officer@example.org", role: .registerOfficer)
                officer.totpSecret = nil
                try await officer.update(on: app.db)
                let browser = TestBrowser(app)
                #expect(try await browser.login("officer@example.org").status == .seeOther)
                let office = try await browser.get("/office")
                #expect(office.status == .seeOther && office.location == "/account/two-factor")
                let page = try await browser.get("/account/two-factor").body.string
                #expect(page.contains("verplicht"))
                try await browser.submit("/account/two-factor", form: ["code": TOTP(secret: try shownKey(page)).code(at: app.clock.now())])
                #expect(try await browser.get("/office").status == .ok)
                // It cannot be turned off.
                let off = try await browser.submit("/account/two-factor", to: "/account/two-factor/off", form: ["code": "123456"])
                #expect(off.status == .forbidden)
            }
        }

        @Test func anAgencyCanRequireItOfEveryoneWhoReadsClientData() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                #expect(try await coach.get("/caseload").status == .ok)
                let (_, admin) = try await app.signedIn("admin@example.org", role: .admin)
                let path = "/admin/organisations/\(agency.id.uuidString)"
                let refused = try await admin.submit(path, to: path + "/two-factor", form: ["requireTwoFactor": "maybe"])
                #expect(refused.status == .unprocessableEntity && refused.body.string.contains("href=\"#requireTwoFactor\""))
                #expect(try await Organisation.find(agency.id, on: app.db)?.requireTwoFactor == false)
                #expect(try await admin.submit(path, to: path + "/two-factor", form: ["requireTwoFactor": "on"]).status == .ok)
                #expect(try await coach.get("/caseload").location == "/account/two-factor")
                #expect(try await app.auditActions().contains("organisation.two-factor"))
            }
        }
    }
}
