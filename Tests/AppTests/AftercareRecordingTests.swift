@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// After the placement: satisfaction at closing, the next career step at a follow-up, and a grant
    /// of coaching hours with the hours logged against it, its warning and its report.
    @Suite struct AftercareRecordingTests {
        @Test func clientAndEmployerGiveTheirSatisfactionOnTheirOwnForms() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (path, _) = try await app.placedClient("Sanne Bakker", browser: browser, employer: "Bakkerij Korenaar")
                let page = try await browser.get(path + "/closing").body.string
                #expect(page.contains("id=\"clientSatisfactionScore\""))
                #expect(page.contains("id=\"employerSatisfactionScore\""))
                #expect(page.contains("Beter kan niet"))
                let refused = try await browser.submit(path + "/closing", to: path + "/satisfaction", form: [
                    "satisfactionRespondent": "client", "clientSatisfactionScore": "11", "clientSatisfactionGivenOn": app.today.description,
                ])
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains("href=\"#clientSatisfactionScore\""))
                #expect(try await SatisfactionRating.query(on: app.db).count() == 0)
                for (respondent, score) in [("client", "8"), ("employer", "6"), ("client", "9")] {
                    let saved = try await browser.submit(path + "/closing", to: path + "/satisfaction", form: [
                        "satisfactionRespondent": respondent, "\(respondent)SatisfactionScore": score,
                        "\(respondent)SatisfactionGivenOn": app.today.description, "\(respondent)SatisfactionComment": "Fijn geholpen.",
                    ])
                    #expect(saved.status == .seeOther)
                }
                // A second answer of the client replaces the first.
                let ratings = try await SatisfactionRating.query(on: app.db).all()
                #expect(ratings.count == 2)
                #expect(ratings.first { $0.respondent == "client" }?.score == 9)
                #expect(try await app.auditActions().filter { $0 == "satisfaction.recorded" }.count == 3)
            }
        }

        @Test func aFollowUpRecordsTheNextCareerStep() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (path, _) = try await app.placedClient("Sanne Bakker", browser: browser, employer: "Bakkerij Korenaar")
                let check = ["followUpMonths": "3", "followUpHeldOn": app.today.description, "followUpEmployed": "yes", "followUpHours": "20",
                             "followUpSameEmployer": "yes", "followUpSupportNeeded": "no"]
                let bad = try await browser.submit(path + "/closing", to: path + "/follow-ups", form: check.merging(["followUpCareerStep": "astronaut"]) { $1 })
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.body.string.contains("href=\"#followUpCareerStep\""))
                let saved = try await browser.submit(path + "/closing", to: path + "/follow-ups", form: check.merging(["followUpCareerStep": "more-hours"]) { $1 })
                #expect(saved.status == .seeOther)
                #expect(try await CareerStepRow.query(on: app.db).first()?.step == "more-hours")
                #expect(try await browser.get(path + "/closing").body.string.contains("volgende stap: Meer uren werken"))
            }
        }

        @Test func hoursPastTheGrantWarnAndTheReportShowsHoursPerGoal() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (path, _) = try await app.placedClient("Sanne Bakker", browser: browser, employer: "Bakkerij Korenaar")
                let today = app.today
                let none = try await browser.get(path + "/grant/report")
                #expect(none.status == .ok)
                #expect(none.body.string.contains("geen subsidie voor jobcoaching"))
                let bad = try await browser.submit(path + "/support", to: path + "/grant", form: [
                    "grantRegime": "uwv-jobcoaching", "grantStart": today.adding(days: -20).description, "grantContractHours": "0",
                ])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.body.string.contains("href=\"#grantContractHours\""))
                // 2 hours a week: year 1 allows 2 × 365/7 × 15% = 15.64 hours.
                let saved = try await browser.submit(path + "/support", to: path + "/grant", form: [
                    "grantRegime": "uwv-jobcoaching", "grantStart": today.adding(days: -20).description, "grantContractHours": "2",
                ])
                #expect(saved.status == .seeOther)
                _ = try await browser.submit(path + "/plan", to: path + "/goals", form: TestBrowser.goal(today))
                let goal = try #require(try await CoachingGoal.query(on: app.db).first())
                for day in 1...2 {
                    let logged = try await browser.submit(path + "/support", form: [
                        "supportHeldOn": today.adding(days: -day).description, "supportMinutes": "480", "supportWithWhom": "client",
                        "supportLocation": "Op het werk", "supportNotes": "Ingewerkt.", "progress.\(goal.id!.uuidString)": "Gaat goed.",
                    ])
                    #expect(logged.status == .seeOther)
                }
                let page = try await browser.get(path + "/support").body.string
                #expect(page.contains("id=\"grant-years\""))
                #expect(page.contains("15,64"))
                // 16 hours logged against 15.64 allowed: the page says so.
                #expect(page.contains("In jaar 1 zijn 0,36 uur meer gebruikt"))
                let report = try await browser.get(path + "/grant/report")
                #expect(report.status == .ok)
                #expect(report.body.string.contains("id=\"grant-goals\""))
                #expect(report.body.string.contains(goal.what))
                #expect(try await app.auditActions().contains("grant.report.viewed"))
            }
        }
    }
}
