@testable import App
import Fluent
import Foundation
import JobcoachCore
import SQLKit
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// Erasure on request (GDPR article 17) with a second person's confirmation, and restriction
    /// (article 18) that stops every change and shows on every page.
    @Suite struct ErasureTests {
        static let planted = ["Zwaantje Plantwaarde", "zwaantje.plantwaarde@example.org", "0612398765",
                              "Plantvraag 8812", "Plantnotitie 4471", "Plantmotivatie 2209"]

        /// Every text in every table, to look for what should be gone.
        static func everyText(_ app: Application) async throws -> [String: String] {
            let sql = try #require(app.db as? any SQLDatabase)
            let tables: [String]
            if sql.dialect.name == "sqlite" {
                tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                    .map { try $0.decode(column: "name", as: String.self) }
            } else {
                tables = try await sql.raw("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").all()
                    .map { try $0.decode(column: "table_name", as: String.self) }
            }
            var texts: [String: String] = [:]
            for table in tables {
                var text = ""
                for row in try await sql.raw("SELECT * FROM \(ident: table)").all() {
                    for column in row.allColumns {
                        if let value = try? row.decode(column: column, as: String?.self) { text += (value ?? "") + "\n" }
                        else if let data = try? row.decode(column: column, as: Data?.self) { text += String(decoding: data ?? Data(), as: UTF8.self) + "\n" }
                    }
                }
                texts[table] = text
            }
            return texts
        }

        /// A coach and the lead of the coach's team, and a new client of the coach (the client's path).
        static func coachLeadAndClient(_ app: Application) async throws -> (coach: TestBrowser, lead: TestBrowser, path: String) {
            let agency = try await app.makeAgency()
            let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
            let (_, lead) = try await app.member("lead@example.org", role: .teamLead, of: agency, team: agency.north)
            return (coach, lead, try await coach.newClient("Sanne Bakker"))
        }

        @Test func anErasureNeedsTheExportOfferedAndASecondPersonAndLeavesOnlyTheBooks() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (_, lead) = try await app.member("lead@example.org", role: .teamLead, of: agency, team: agency.north)
                let planted = Self.planted
                let path = try await coach.newClient(planted[0], extra: ["email": planted[1], "phone": planted[2]])
                #expect(try await coach.submit(path + "/intake", form: TestBrowser.intake.merging([
                    "question": planted[3], "motivation": planted[5], "paymentGroup": "A",
                ]) { $1 }).status == .seeOther)
                let today = app.today
                #expect(try await coach.submit(path + "/support", form: [
                    "supportHeldOn": today.adding(days: -3).description, "supportMinutes": "90", "supportWithWhom": "client",
                    "supportLocation": "Op kantoor", "supportNotes": planted[4],
                ]).status == .seeOther)
                #expect(try await coach.submit(path + "/support", to: path + "/grant", form: [
                    "grantRegime": "uwv-jobcoaching", "grantStart": today.adding(days: -20).description, "grantContractHours": "2",
                ]).status == .seeOther)
                // The money side, written directly: its own tests cover the pages.
                let client = try await app.clientRecord(named: planted[0])
                let trajectory = try await app.trajectory(of: client)
                let commissioner = Commissioner()
                commissioner.organisationID = agency.id
                commissioner.name = "Gemeente Teststad"
                commissioner.kind = "municipality"
                commissioner.contactName = ""
                commissioner.contactEmail = ""
                commissioner.contactPhone = ""
                try await commissioner.create(on: app.db)
                for (point, cents) in [("start", 50_000), ("placement", 150_000)] {
                    let tariff = CommissionerTariff()
                    tariff.organisationID = agency.id
                    tariff.$commissioner.id = commissioner.id!
                    tariff.paymentGroup = "A"
                    tariff.paymentPoint = point
                    tariff.amountCents = cents
                    try await tariff.create(on: app.db)
                }
                trajectory.$commissioner.id = commissioner.id
                try await trajectory.update(on: app.db)
                let job = JobSpell()
                job.organisationID = agency.id
                job.$trajectory.id = trajectory.id!
                job.employerName = "Bakkerij Korenaar"
                job.jobTitle = "Inpakker"
                job.startOn = today.description
                job.hoursPerWeek = 16
                job.contract = "fixed-term"
                job.regular = true
                job.endReason = ""
                try await job.create(on: app.db)
                #expect(try await Self.everyText(app).values.contains { $0.contains(planted[4]) }, "the planted values are there to find")

                let privacy = path + "/privacy"
                // Without the export offered, nothing is recorded; the field is named.
                let noExport = try await coach.submit(privacy, to: path + "/erasure", form: ["receivedOn": today.description])
                #expect(noExport.status == .unprocessableEntity)
                #expect(noExport.body.string.contains("href=\"#exportOffered\""))
                let future = try await coach.submit(privacy, to: path + "/erasure", form: ["receivedOn": today.adding(days: 1).description, "exportOffered": "yes"])
                #expect(future.body.string.contains("href=\"#receivedOn\""))
                #expect(try await ErasureRequestRow.query(on: app.db).count() == 0)
                let recorded = try await coach.submit(privacy, to: path + "/erasure", form: ["receivedOn": today.description, "exportOffered": "yes"])
                #expect(recorded.status == .ok)
                let request = try #require(try await ErasureRequestRow.query(on: app.db).first())
                #expect(recorded.body.string.contains(request.reference))
                // The one who recorded it cannot confirm it; the form is not there and the post is refused.
                #expect(!recorded.body.string.contains("erasure-confirm-form"))
                #expect(try await coach.submit(privacy, to: path + "/erasure/confirm", form: [:]).status == .forbidden)
                #expect(try await Client.find(client.id, on: app.db) != nil)
                // The team lead confirms: everything goes.
                let leadPage = try await lead.get(privacy)
                #expect(leadPage.body.string.contains("erasure-confirm-form"))
                let erased = try await lead.submit(privacy, to: path + "/erasure/confirm", form: [:])
                #expect(erased.status == .ok)
                #expect(erased.body.string.contains("De cliënt is gewist"))
                #expect(try await Client.find(client.id, on: app.db) == nil)
                #expect(try await coach.get(path).status == .notFound)
                for (table, text) in try await Self.everyText(app) {
                    for value in planted { #expect(!text.contains(value), "\(table) still holds \(value)") }
                }
                // What the books keep: the payment points with their amounts, the grant, the support hours.
                let kept = try await RetainedFinancialRecord.query(on: app.db).all()
                #expect(Set(kept.map(\.reference)) == [request.reference])
                let points = kept.filter { $0.kind == "payment-point" }.sorted { $0.occurredOn < $1.occurredOn }
                #expect(points.map(\.paymentPoint) == ["start", "placement"])
                #expect(points.map(\.amountCents) == [50_000, 150_000])
                #expect(kept.contains { $0.kind == "grant" && $0.hours == 2 })
                #expect(kept.contains { $0.kind == "support-hours" && $0.hours == 1.5 })
                let done = try #require(try await ErasureRequestRow.find(request.id, on: app.db))
                #expect(done.status == .erased && done.clientID == nil)
                #expect(try await app.auditActions().contains("client.erased-on-request"))
                #expect(try await app.auditIsIntact())
            }
        }

        @Test func aRestrictionStopsEveryChangeAndShowsOnEveryPageUntilLifted() async throws {
            try await withApp { app async throws in
                let (coach, lead, path) = try await Self.coachLeadAndClient(app)
                let privacy = path + "/privacy"
                let noReason = try await coach.submit(privacy, to: path + "/restriction", form: ["reason": ""])
                #expect(noReason.status == .unprocessableEntity)
                #expect(noReason.body.string.contains("href=\"#reason\""))
                let restricted = try await lead.submit(privacy, to: path + "/restriction", form: ["reason": "Betwist het verslag"])
                #expect(restricted.status == .ok)
                for page in [path, path + "/plan", path + "/support", path + "/intake", privacy] {
                    #expect(try await coach.get(page).body.string.contains("Verwerking beperkt sinds"), "\(page)")
                }
                // The caseload marks the client, in words.
                #expect(try await coach.get("/caseload").body.string.contains("verwerking beperkt"))
                let refused = try await coach.submit(path + "/intake", form: TestBrowser.intake)
                #expect(refused.status == .conflict)
                #expect(refused.body.string.contains("Er is niets gewijzigd"))
                #expect(try await Intake.query(on: app.db).count() == 0)
                // Lifting it lets work go on.
                #expect(try await coach.submit(privacy, to: path + "/restriction", form: [:]).status == .ok)
                #expect(!(try await coach.get(path).body.string.contains("Verwerking beperkt sinds")))
                #expect(!(try await coach.get("/caseload").body.string.contains("verwerking beperkt")))
                #expect(try await coach.submit(path + "/intake", form: TestBrowser.intake).status == .seeOther)
                #expect(try await app.auditActions().filter { ["client.restricted", "client.restriction-lifted"].contains($0) }.count == 2)
            }
        }

        @Test func aWithdrawnRequestErasesNothing() async throws {
            try await withApp { app async throws in
                let (coach, lead, path) = try await Self.coachLeadAndClient(app)
                let privacy = path + "/privacy"
                _ = try await lead.submit(privacy, to: path + "/erasure", form: ["receivedOn": app.today.description, "exportOffered": "yes"])
                let again = try await coach.submit(privacy, to: path + "/erasure", form: ["receivedOn": app.today.description, "exportOffered": "yes"])
                #expect(again.status == .conflict, "one open request at a time")
                #expect(try await ErasureRequestRow.query(on: app.db).count() == 1)
                let withdrawn = try await coach.submit(privacy, to: path + "/erasure/withdraw", form: [:])
                #expect(withdrawn.body.string.contains("is ingetrokken"))
                #expect(try await coach.submit(privacy, to: path + "/erasure/confirm", form: [:]).status == .conflict)
                #expect(try await coach.get(path).status == .ok)
                #expect(try await coach.get(privacy).body.string.contains("Eerdere verzoeken"))
            }
        }
    }
}
