@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

extension AppTests {
    @Suite struct PageTests {
        static let publicPages = [
            "/", "/frameworks", "/frameworks/register-jobcoach", "/frameworks/jobcoach-profile-nl",
            "/frameworks/uk-qualification-concept", "/frameworks/pl-training-guidelines", "/frameworks/se-quality",
            "/frameworks/register-jobcoach/versions/2021", "/frameworks/register-jobcoach/diff?from=2021&to=2023",
            "/compare", "/qualification-levels", "/occupations", "/occupations?q=kok", "/login",
        ]

        @Test(arguments: publicPages)
        func everyPublicPageHasOneHeadingLandmarksAndASkipLink(_ path: String) async throws {
            try await withApp { app async throws in
                let page = try await TestBrowser(app).get(path)
                #expect(page.status == .ok)
                #expect(page.headers.contentType?.subType == "html")
                let html = page.body.string
                #expect(page.count("<h1") == 1)
                #expect(html.contains("<html lang=\"nl\">"))
                #expect(html.contains("<main id=\"main\""))
                #expect(html.contains("<nav class=\"main-nav wide\" aria-label="))
                #expect(html.contains("<details class=\"menu narrow\">"), "a menu button that needs no script")
                #expect(html.contains("class=\"skip-link\" href=\"#main\""))
                #expect(!html.contains("<script"), "no script on pages")
                #expect(!html.contains("style=\""), "no inline style")
                #expect(!html.contains("#("), "no unrendered Leaf tags")
            }
        }

        @Test func aSourceIsNamedByItsTitleAndARefusedFormsTitleSaysError() async throws {
            try await withApp { app async throws in
                let page = try await TestBrowser(app).get("/frameworks/register-jobcoach").body.string
                #expect(page.contains("<cite>Beroepsprofiel Register Jobcoach (Noloc)</cite>") && !page.contains("003_b66b703d62cc6d38.txt"))
                let list = try await TestBrowser(app).get("/frameworks?lang=en").body.string
                #expect(list.contains("Guidelines on job coach training (Poland)") && !list.contains(".txt"))
                let refused = try await TestBrowser(app).submit("/account/reset", form: ["email": "not an address"])
                #expect(refused.status == .badRequest && refused.body.string.contains("<title>Fout: Nieuw wachtwoord aanvragen · Jobcoach</title>"))
                #expect(try await TestBrowser(app).get("/account/reset").body.string.contains("<title>Nieuw wachtwoord aanvragen · Jobcoach</title>"))
            }
        }

        @Test func theFrameworkPageShowsTasksWithTheirIndicators() async throws {
            try await withApp { app async throws in
                let html = try await TestBrowser(app).get("/frameworks/register-jobcoach/versions/2021").body.string
                #expect(html.contains("Rondt het gesprek af met concrete vervolgfafspraken."))
                #expect(html.contains("id=\"task-7-3\""))
                #expect(html.contains("Minimaal 1.200 uur ervaring als jobcoach"))
                #expect(html.contains("(één van deze routes is genoeg)"))
            }
        }

        @Test func theLanguageSwitchesAndIsRemembered() async throws {
            try await withApp { app async throws in
                let browser = TestBrowser(app)
                let english = try await browser.get("/frameworks/register-jobcoach?lang=en")
                #expect(english.body.string.contains("<html lang=\"en\">"))
                #expect(english.body.string.contains("Concludes the conversation with concrete follow-up agreements.")
                        || english.body.string.contains("follow-up agreements"))
                #expect(english.headers.first(name: .contentLanguage) == "en")
                #expect(browser.cookies["jobcoach-lang"] == "en")
                let next = try await browser.get("/frameworks")
                #expect(next.body.string.contains("<html lang=\"en\">"))
                #expect(next.body.string.contains("href=\"/frameworks?lang=nl\""))
            }
        }

        @Test func theBrowserLanguageIsTheDefault() async throws {
            try await withApp { app async throws in
                let browser = TestBrowser(app)
                browser.language = "en-GB,en;q=0.9"
                #expect(try await browser.get("/").body.string.contains("<html lang=\"en\">"))
            }
        }

        @Test func anUnknownPageIs404InTheVisitorsLanguage() async throws {
            try await withApp { app async throws in
                let page = try await TestBrowser(app).get("/no/such/page")
                #expect(page.status == .notFound)
                #expect(page.body.string.contains("Pagina niet gevonden"))
                #expect(page.headers.contentType?.subType == "html")
                let framework = try await TestBrowser(app).get("/frameworks/no-such-framework")
                #expect(framework.status == .notFound)
                #expect(framework.body.string.contains("there is no framework"))
                let version = try await TestBrowser(app).get("/frameworks/register-jobcoach/versions/9")
                #expect(version.status == .notFound)
            }
        }

        @Test func comparingNeedsTwoFrameworksAndNamesTheField() async throws {
            try await withApp { app async throws in
                let page = try await TestBrowser(app).get("/compare?framework=register-jobcoach&submitted=1")
                #expect(page.status == .badRequest)
                let html = page.body.string
                #expect(html.contains("class=\"error-summary\""))
                #expect(html.contains("href=\"#framework-register-jobcoach\""))
                #expect(html.contains("Kies minstens twee profielen"))
            }
        }

        @Test func comparingShowsWhereProfilesDiffer() async throws {
            try await withApp { app async throws in
                let page = try await TestBrowser(app).get("/compare?framework=register-jobcoach&framework=jobcoach-profile-nl&submitted=1")
                #expect(page.status == .ok)
                let html = page.body.string
                #expect(html.contains("Minimaal 1.200 uur ervaring als jobcoach"))
                #expect(html.contains("Minimaal 1.400 uur ervaring als jobcoach"))
                #expect(html.contains(">verschilt<"))
                #expect(html.contains(">gelijk<"))
                #expect(try await TestBrowser(app).get("/compare?framework=nonsense&framework=se-quality").status == .notFound)
            }
        }

        @Test func theDiffPageListsAddedItems() async throws {
            try await withApp { app async throws in
                let html = try await TestBrowser(app).get("/frameworks/register-jobcoach/diff?from=2021&to=2022-09").body.string
                #expect(html.contains("supplement-sara-werkt"))
                #expect(try await TestBrowser(app).get("/frameworks/register-jobcoach/diff?from=2021&to=9").status == .notFound)
            }
        }

        @Test func theLevelsPageHasTheCrosswalkTable() async throws {
            try await withApp { app async throws in
                let html = try await TestBrowser(app).get("/qualification-levels").body.string
                #expect(html.contains("<th scope=\"row\">EQF 5</th><td>NLQF 5</td><td>RQF 4, RQF 5</td><td>SCQF 7, SCQF 8</td>"))
            }
        }
    }
}

extension AppTests.PageTests {
    @Test func publicPagesAreRenderedOnceForVisitorsButFreshForSignedInUsers() async throws {
        try await withApp { app async throws in
            try await app.makeUser("coach@example.org", role: .jobCoach)
            let visitor = TestBrowser(app)
            let first = try await visitor.get("/frameworks/register-jobcoach")
            #expect(app.publicPages.count == 1)
            let second = try await visitor.get("/frameworks/register-jobcoach")
            #expect(first.body.string == second.body.string)
            #expect(app.publicPages.count == 1)
            _ = try await visitor.get("/frameworks/register-jobcoach?lang=en")
            #expect(app.publicPages.count == 2, "another language is another page")
            let coach = TestBrowser(app)
            _ = try await coach.login("coach@example.org")
            let signedIn = try await coach.get("/frameworks/register-jobcoach")
            #expect(signedIn.body.string.contains("Coach"))
            #expect(signedIn.body.string.contains("name=\"_csrf\""))
            #expect(app.publicPages.count == 2, "signed-in pages are not cached")
            let again = try await TestBrowser(app).get("/frameworks/register-jobcoach")
            #expect(!again.body.string.contains("name=\"_csrf\""), "no signed-in page was served from the cache")
        }
    }
}
