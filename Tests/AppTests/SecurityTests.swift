@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

extension AppTests {
    @Suite struct SecurityTests {
        @Test(arguments: ["/", "/login", "/api/v1/frameworks", "/no-such-page"])
        func everyResponseCarriesTheSecurityHeaders(_ path: String) async throws {
            try await withApp { app async throws in
                let response = try await app.testing().sendRequest(.GET, path)
                let csp = try #require(response.headers.first(name: "Content-Security-Policy"))
                #expect(csp.contains("default-src 'none'"))
                #expect(csp.contains("script-src 'self'"))
                #expect(!csp.contains("unsafe-inline"))
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
            }
        }

        @Test func theSessionCookieIsHttpOnlyAndSameSite() async throws {
            try await withApp { app async throws in
                let response = try await app.testing().sendRequest(.GET, "/login")
                let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("jobcoach-session=") })
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Lax"))
                #expect(!cookie.contains("Secure"), "not on plain HTTP by default")
            }
            try await withApp(configure: { $0.secureCookies = true }) { app async throws in
                let response = try await app.testing().sendRequest(.GET, "/login")
                #expect(response.headers[.setCookie].contains { $0.hasPrefix("jobcoach-session=") && $0.contains("Secure") })
                #expect(response.headers.first(name: "Strict-Transport-Security") != nil)
            }
        }

        @Test func visitorsWithoutACookieGetNoSession() async throws {
            try await withApp { app async throws in
                let response = try await app.testing().sendRequest(.GET, "/frameworks")
                #expect(response.headers[.setCookie].allSatisfy { !$0.hasPrefix("jobcoach-session=") })
                #expect(try await StoredSession.query(on: app.db).count() == 0)
            }
        }

        @Test func userTextIsEscaped() async throws {
            try await withApp { app async throws in
                let page = try await TestBrowser(app).get("/occupations?q=%3Cscript%3Ealert(1)%3C/script%3E")
                #expect(!page.body.string.contains("<script>alert(1)"))
                #expect(page.body.string.contains("&lt;script&gt;"))
            }
        }
    }
}
