@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// The outcomes pages over a synthetic agency: who sees which figures, the CSV, the fidelity
    /// review with its history, and the commissioner's tariffs and statement.
    @Suite struct OutcomesPageTests {
        /// A small synthetic agency (40 clients with intake factors and job spells) and its people.
        struct Setting {
            let organisationID: UUID
            let coach: TestBrowser
            let lead: TestBrowser
            let manager: TestBrowser
            let outsider: TestBrowser
            let commissionerID: UUID
        }

        func setting(_ app: Application) async throws -> Setting {
            let made = try await DemoAgency(application: app).generate(size: .small) { _, _, _ in }
            let teams = try await Team.query(on: app.db).filter(\.$organisationID == made.id).sort(\.$name).all()
            let coachUser = try await app.makeUser("own-coach@example.org", role: .jobCoach)
            try await Membership(userID: coachUser.id!, organisationID: made.id, teamID: teams[0].id).create(on: app.db)
            let coach = TestBrowser(app)
            _ = try await coach.login("own-coach@example.org")
            let leadUser = try await app.makeUser("lead@example.org", role: .teamLead)
            try await Membership(userID: leadUser.id!, organisationID: made.id, teamID: teams[0].id).create(on: app.db)
            let lead = TestBrowser(app)
            _ = try await lead.login("lead@example.org")
            let managerUser = try await app.makeUser("manager@example.org", role: .agencyManager)
            try await Membership(userID: managerUser.id!, organisationID: made.id, teamID: nil).create(on: app.db)
            let manager = TestBrowser(app)
            _ = try await manager.login("manager@example.org")
            let other = try await app.makeAgency(name: "Ander bureau")
            let (_, outsider) = try await app.member("other-manager@example.org", role: .agencyManager, of: other, team: nil)
            let commissioner = try #require(try await Commissioner.query(on: app.db).filter(\.$organisationID == made.id).first())
            return Setting(organisationID: made.id, coach: coach, lead: lead, manager: manager, outsider: outsider, commissionerID: commissioner.id!)
        }

        @Test func eachRoleSeesItsOwnFiguresAndNoOneElses() async throws {
            try await withApp { app async throws in
                let setting = try await setting(app)
                let managerPage = try await setting.manager.get("/outcomes")
                #expect(managerPage.status == .ok)
                let body = managerPage.body.string
                #expect(body.contains("id=\"measures-table\""))
                #expect(body.contains("id=\"quarters-chart\""))
                #expect(body.contains("id=\"funnel-chart\"") || body.contains("id=\"adjusted\""))
                #expect(body.contains("id=\"need-mix\""))
                // No client's name appears on the figures page.
                let names = try await Client.query(on: app.db).filter(\.$organisationID == setting.organisationID).all().map(\.name)
                #expect(!names.contains { body.contains($0) })
                #expect(try await setting.coach.get("/outcomes").status == .ok)
                #expect(try await setting.lead.get("/outcomes").status == .ok)
                // The coach has no clients of their own yet: nothing served, whatever the agency did.
                let csv = try await setting.coach.get("/outcomes/export.csv").body.string
                #expect(csv.contains("measures,yours,served,0"))
                let managerCSV = try await setting.manager.get("/outcomes/export.csv?year=\(CalendarDate(app.clock.now(), in: app.configuration.timeZone).year)").body.string
                #expect(managerCSV.contains("measures,agency,served,"))
                #expect(!managerCSV.contains("measures,agency,served,0\r"))
                #expect(try await setting.manager.get("/outcomes?year=1999").status == .badRequest)

                for role in [Role.trainer, .assessor, .client, .registerOfficer] {
                    let (_, browser) = try await app.signedIn("\(role.rawValue)-x@example.org", role: role)
                    #expect(try await browser.get("/outcomes").status == .forbidden, "\(role)")
                    #expect(try await browser.get("/fidelity").status == .forbidden, "\(role)")
                }
                #expect(try await setting.coach.get("/fidelity").status == .forbidden)
                #expect(try await setting.coach.get("/outcomes/commissioners/\(setting.commissionerID)/statement").status == .forbidden)
                #expect(try await setting.lead.get("/outcomes/commissioners/\(setting.commissionerID)/statement").status == .forbidden)
                #expect(try await setting.outsider.get("/outcomes/commissioners/\(setting.commissionerID)/statement").status == .notFound)
                #expect(try await setting.manager.get("/outcomes/commissioners/\(UUID())/statement").status == .notFound)
                let audited = try await AuditEventRow.query(on: app.db).filter(\.$action == "outcomes.viewed").count()
                #expect(audited >= 3)
            }
        }

        @Test func aFidelityReviewIsScoredKeptAndCharted() async throws {
            try await withApp { app async throws in
                let setting = try await setting(app)
                let form = try await setting.manager.get("/fidelity/new")
                #expect(form.status == .ok)
                // Caseload size is proposed from the data, with the figure shown.
                #expect(form.body.string.contains("score.caseload-size"))
                var fields: [String: String] = ["reviewedOn": "2026-11-01", "kind": "self", "improvementPlan": "Meer werkgeverscontacten."]
                for id in app.standard.fidelity.items.map(\.id) { fields["score.\(id)"] = "4" }
                var missing = fields
                missing["score.disclosure"] = nil
                let refused = try await setting.manager.submit("/fidelity/new", to: "/fidelity", form: missing)
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains("href=\"#score.disclosure\""))
                #expect(try await FidelityReview.query(on: app.db).count() == 0)
                let saved = try await setting.manager.submit("/fidelity/new", to: "/fidelity", form: fields)
                #expect(saved.status == .seeOther)
                let review = try #require(try await FidelityReview.query(on: app.db).first())
                #expect(review.total == 100)
                #expect(review.band == "good")
                let list = try await setting.manager.get("/fidelity").body.string
                #expect(list.contains("id=\"fidelity-chart\""))
                #expect(list.contains("100 / 125"))
                #expect(try await setting.lead.get("/fidelity/\(review.id!)").status == .ok)
                #expect(try await setting.outsider.get("/fidelity/\(review.id!)").status == .notFound)
                #expect(try await AuditEventRow.query(on: app.db).filter(\.$action == "fidelity.recorded").count() == 1)
            }
        }

        @Test func theStatementPricesEachPaymentPointByTheTariff() async throws {
            try await withApp { app async throws in
                let setting = try await setting(app)
                let path = "/outcomes/commissioners/\(setting.commissionerID)/statement"
                let bad = try await setting.manager.submit(path, to: "/outcomes/commissioners/\(setting.commissionerID)/tariffs",
                                                           form: ["paymentGroup": "A", "paymentPoint": "start", "amount": "veel"])
                #expect(bad.status == .unprocessableEntity)
                #expect(try await CommissionerTariff.query(on: app.db).count() == 0)
                let saved = try await setting.manager.submit(path, to: "/outcomes/commissioners/\(setting.commissionerID)/tariffs",
                                                             form: ["paymentGroup": "A", "paymentPoint": "start", "amount": "450,50"])
                #expect(saved.status == .seeOther)
                #expect(try await CommissionerTariff.query(on: app.db).first()?.amountCents == 45_050)
                let year = CalendarDate(app.clock.now(), in: app.configuration.timeZone).year
                let page = try await setting.manager.get(path + "?year=\(year)")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("id=\"statement-table\""))
                let csv = try await setting.manager.get("/outcomes/commissioners/\(setting.commissionerID)/statement.csv?year=\(year)").body.string
                #expect(csv.hasPrefix("client,payment_group,payment_point,reached_on,amount_eur"))
                #expect(try await AuditEventRow.query(on: app.db).filter(\.$action == "statement.viewed").count() == 3)
            }
        }
    }
}
