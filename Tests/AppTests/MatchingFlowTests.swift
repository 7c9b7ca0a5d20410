@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// Employers and workplaces, the employee profile, matching on the client's page, the decision
    /// and the placement; and the stateless API.
    @Suite struct MatchingFlowTests {
        static let packer: [String: String] = [
            "title": "Inpakker", "occupation": "hand packer", "hoursMin": "12", "hoursMax": "20", "requiredSkills": "inpakken",
            "offer.quiet-environment": "yes", "offer.fixed-routine": "yes",
        ]
        static let nightKitchen: [String: String] = [
            "title": "Keukenhulp", "occupation": "kitchen assistant", "hoursMin": "16", "hoursMax": "24",
            "demand.night-shifts": "yes", "demand.customer-contact": "yes", "adjustable.night-shifts": "yes", "offer.fixed-routine": "yes",
        ]
        static let warehouse: [String: String] = [
            "title": "Orderpicker", "occupation": "warehouse order picker", "hoursMin": "24", "hoursMax": "38", "demand.heavy-lifting": "yes",
        ]

        @Test func theClientsPageRanksTheAgencysWorkplacesAndExplainsThem() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                try await browser.newWorkplace(employer: "Bakkerij Korenaar", form: Self.packer)
                try await browser.newWorkplace(employer: "Restaurant De Pleinen", form: Self.nightKitchen)
                try await browser.newWorkplace(employer: "Distributiecentrum Lekdal", place: "Houten", form: Self.warehouse)
                let path = try await browser.newClient("Sanne Bakker")
                #expect(try await browser.get(path + "/matching").body.string.contains("Leg eerst het werknemersprofiel vast"))
                try await browser.submit(path + "/profile", form: TestBrowser.agreedProfile)
                let page = try await browser.get(path + "/matching").body.string
                let packer = try #require(page.range(of: "Inpakker")), kitchen = try #require(page.range(of: "Keukenhulp"))
                let warehouse = try #require(page.range(of: "Orderpicker"))
                #expect(packer.lowerBound < kitchen.lowerBound && kitchen.lowerBound < warehouse.lowerBound, "match, with adjustments, no match")
                #expect(page.contains("Match met aanpassingen"))
                #expect(page.contains("Nachtdiensten"))
                #expect(page.contains("Zwaar tillen"))
                #expect(page.contains("Een gewenst beroep: hand packer (ISCO 9321)."))
            }
        }

        @Test func badWorkplaceAndProfileInputIsNamed() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let created = try await browser.submit("/employers", form: ["name": "Hotel De Wachttoren", "place": "Amersfoort"])
                let employer = try #require(created.location)
                let workplace = try await browser.submit(employer + "/workplaces/new", to: employer + "/workplaces", form: [
                    "title": "", "source": "interview", "occupation": "astronaut of the sea", "hoursMin": "30", "hoursMax": "20",
                    "adjustable.night-shifts": "yes", "status": "open",
                ])
                #expect(workplace.status == .unprocessableEntity)
                let body = workplace.body.string
                for field in ["#title", "#occupation", "#hoursMin", "#adjustable"] { #expect(body.contains("href=\"\(field)\""), "\(field)") }
                #expect(body.contains("astronaut of the sea"))
                #expect(try await Workplace.query(on: app.db).count() == 0)

                let path = try await browser.newClient("Fatima El Amrani")
                var profile = TestBrowser.agreedProfile
                profile["desiredOccupations"] = "hand packer\nzookeeper of dreams"
                profile["goals"] = ""
                profile["hoursMax"] = ""
                let saved = try await browser.submit(path + "/profile", form: profile)
                #expect(saved.status == .unprocessableEntity)
                #expect(saved.body.string.contains("zookeeper of dreams"))
                for field in ["#desiredOccupations", "#goals", "#hoursMax"] { #expect(saved.body.string.contains("href=\"\(field)\""), "\(field)") }
                #expect(try await EmployeeProfile.query(on: app.db).count() == 0)
            }
        }

        @Test func theCoachDecidesWithReasonsAndPlacesTheClient() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let workplacePath = try await browser.newWorkplace(employer: "Bakkerij Korenaar", form: Self.packer)
                let workplaceID = String(workplacePath.split(separator: "/").last!)
                let path = try await browser.newClient("Sanne Bakker")
                try await browser.submit(path + "/intake", form: TestBrowser.intake)
                try await browser.move(path, to: .employeeProfile)
                try await browser.submit(path + "/profile", form: TestBrowser.agreedProfile)
                try await browser.move(path, to: .workplaceProfile)
                try await browser.move(path, to: .matching)

                let early = try await browser.submit(path + "/matching", to: path + "/placement",
                                                     form: ["action": "start", "workplace": workplaceID, "startOn": "2026-11-20", "hoursPerWeek": "16", "contract": "permanent"])
                #expect(early.status == .unprocessableEntity, "no placement without a decision that it is a match")
                let missing = try await browser.submit(path + "/matching", to: path + "/decisions", form: ["workplace": workplaceID, "decision": "match"])
                #expect(missing.status == .unprocessableEntity)
                #expect(missing.body.string.contains("href=\"#forCommissioner-\(workplaceID)\""))
                let decided = try await browser.submit(path + "/matching", to: path + "/decisions", form: [
                    "workplace": workplaceID, "decision": "match",
                    "forCommissioner": "Quiet work with fixed tasks fits the profile.", "forEmployer": "Sanne works precisely.",
                ])
                #expect(decided.status == .seeOther)
                let decision = try #require(try await MatchDecision.query(on: app.db).first())
                #expect(decision.engineFit == "match" && decision.engineScore == 100)
                #expect(decision.engineReasons.contains("\"criterion\":\"needs\""))

                let badHours = try await browser.submit(path + "/matching", to: path + "/placement",
                                                        form: ["action": "start", "workplace": workplaceID, "startOn": "2026-11-20", "hoursPerWeek": "90", "contract": "permanent"])
                #expect(badHours.status == .unprocessableEntity)
                let placed = try await browser.submit(path + "/matching", to: path + "/placement", form: [
                    "action": "start", "workplace": workplaceID, "startOn": "2026-11-20", "hoursPerWeek": "16", "contract": "permanent",
                    "agreements": "Four mornings; a fixed colleague supports her.",
                ])
                #expect(placed.status == .seeOther)
                #expect(try await Workplace.query(on: app.db).first()?.status == "filled")
                #expect(try await browser.move(path, to: .coachingPlan).status == .seeOther)
                let page = try await browser.get(path).body.string
                #expect(page.contains("Geplaatst als Inpakker bij Bakkerij Korenaar"))
                // A filled workplace is no longer offered.
                #expect(!(try await browser.get(path + "/matching").body.string.contains("id=\"w-\(workplaceID)\"")))
            }
        }

        @Test func theRankAPINeedsATokenAndExplainsEveryResult() async throws {
            try await withApp { app async throws in
                let user = try await app.makeUser("integration@example.org", role: .jobCoach)
                let token = try await app.accounts.createToken(for: user, name: "test", actor: "test", on: app.db)
                let body = """
                    {"candidate": {"desiredOccupations": ["9412"], "hoursPerWeek": {"min": 12, "max": 24}, "home": {"lat": 52.09, "lon": 5.12},
                                   "maxTravelKm": 15, "needs": ["quiet-environment", "fixed-routine"], "cannot": ["night-shifts", "heavy-lifting"]},
                     "workplaces": [{"id": "w1", "occupation": "9412", "hoursPerWeek": {"min": 16, "max": 32}, "location": {"lat": 52.10, "lon": 5.11},
                                     "offers": ["quiet-environment"], "demands": ["customer-contact", "night-shifts"], "adjustable": ["night-shifts"]},
                                    {"id": "w2", "occupation": "9412", "hoursPerWeek": {"min": 16, "max": 24}, "location": {"lat": 52.08, "lon": 5.13},
                                     "offers": ["quiet-environment", "fixed-routine"]}],
                     "limit": 10}
                    """
                var headers = HTTPHeaders()
                headers.contentType = .json
                let anonymous = try await app.testing().sendRequest(.POST, "/api/v1/matching/rank", headers: headers, body: ByteBuffer(string: body))
                #expect(anonymous.status == .unauthorized)
                headers.bearerAuthorization = BearerAuthorization(token: token)
                let response = try await app.testing().sendRequest(.POST, "/api/v1/matching/rank", headers: headers, body: ByteBuffer(string: body))
                #expect(response.status == .ok)
                struct Answer: Decodable {
                    struct Match: Decodable {
                        struct Reason: Decodable { var criterion: String; var effect: String; var text: LocalizedText }
                        var workplace: String; var fit: String; var score: Int; var adjustmentsNeeded: [String]; var reasons: [Reason]
                    }
                    var matches: [Match]
                }
                let answer = try JSONDecoder().decode(Answer.self, from: Data(buffer: response.body))
                #expect(answer.matches.map(\.workplace) == ["w2", "w1"])
                #expect(answer.matches.map(\.fit) == ["match", "match-with-adjustments"])
                #expect(answer.matches[1].adjustmentsNeeded == ["night-shifts"])
                #expect(answer.matches[1].reasons.first?.effect == "minus")

                let unknown = body.replacingOccurrences(of: "\"heavy-lifting\"", with: "\"heavy-liftin\"")
                let bad = try await app.testing().sendRequest(.POST, "/api/v1/matching/rank", headers: headers, body: ByteBuffer(string: unknown))
                #expect(bad.status == .badRequest)
                #expect(bad.body.string.contains("heavy-liftin"))
                #expect(bad.body.string.contains("\"parameter\":\"candidate.cannot\""))
                let wrongType = try await app.testing().sendRequest(.POST, "/api/v1/matching/rank", headers: headers,
                                                                     body: ByteBuffer(string: #"{"candidate": {"needs": "quiet"}, "workplaces": []}"#))
                #expect(wrongType.status == .badRequest)
                #expect(wrongType.body.string.contains("candidate.needs"))
                let conditions = try await app.testing().sendRequest(.GET, "/api/v1/matching/conditions")
                #expect(conditions.status == .ok)
                #expect(conditions.body.string.contains("\"id\":\"quiet-environment\""))
            }
        }
    }
}
