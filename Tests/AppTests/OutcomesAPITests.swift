@testable import App
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// The stateless outcomes API: the employment measures and risk adjustment (for token holders)
    /// and the IPS-25 scale with its scoring, with the exact shapes and 400s that name the field.
    @Suite struct OutcomesAPITests {
        static let example = """
            {"period": {"from": "2025-01-01", "to": "2025-12-31"},
             "clients": [{"id": "c1", "start": "2025-01-06", "end": null, "employedAtStart": false,
                          "jobs": [{"start": "2025-03-03", "end": null, "hoursPerWeek": 24, "hourlyWage": 14.40,
                                    "regular": true}]}]}
            """

        func post(_ app: Application, _ path: String, _ body: String, token: String?) async throws -> TestingHTTPResponse {
            var headers = HTTPHeaders()
            headers.contentType = .json
            if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
            return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
        }

        func object(_ response: TestingHTTPResponse) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
        }

        @Test func measuresNeedATokenAndAnswerEveryKeyOfTheContract() async throws {
            try await withApp { app async throws in
                let user = try await app.makeUser("integration@example.org", role: .jobCoach)
                let token = try await app.accounts.createToken(for: user, name: "test", actor: "test", on: app.db)
                #expect(try await post(app, "/api/v1/outcomes/measures", Self.example, token: nil).status == .unauthorized)
                let response = try await post(app, "/api/v1/outcomes/measures", Self.example, token: token)
                #expect(response.status == .ok)
                let answer = try object(response)
                #expect(Set(answer.keys) == ["served", "outOfWorkAtStart", "employed", "employedRate", "employedRateOutOfWorkAtStart",
                                             "daysToFirstJob", "weeksWorked", "longestJobWeeks", "totalHours", "hoursPerWeek",
                                             "working20Plus", "totalWages", "band"])
                #expect(answer["served"] as? Int == 1)
                #expect(answer["band"] as? String == "excellent")
                #expect((answer["daysToFirstJob"] as? [String: Any])?["median"] as? Double == 56)
                #expect(Set((answer["working20Plus"] as? [String: Any])?.keys ?? [:].keys) == ["count", "rate"])

                let empty = try object(try await post(app, "/api/v1/outcomes/measures",
                                                      #"{"period": {"from": "2025-01-01", "to": "2025-12-31"}, "clients": []}"#, token: token))
                #expect(empty["employedRate"] is NSNull)
                #expect(empty["band"] is NSNull)
                #expect((empty["weeksWorked"] as? [String: Any])?["total"] is NSNull)

                for (body, field) in [
                    (Self.example.replacingOccurrences(of: "\"end\": null, \"employedAtStart\"", with: "\"end\": \"2025-01-01\", \"employedAtStart\""), "clients[0].end"),
                    (Self.example.replacingOccurrences(of: "\"hoursPerWeek\": 24", with: "\"hoursPerWeek\": 0").replacingOccurrences(of: "\"jobs\": [", with: "\"jobs\": [{\"start\": \"2025-02-01\", \"hoursPerWeek\": 4}, "), "clients[0].jobs[1].hoursPerWeek"),
                    (Self.example.replacingOccurrences(of: "\"to\": \"2025-12-31\"", with: "\"to\": \"2024-12-31\""), "period.to"),
                    (#"{"period": {"from": "2025-01-01", "to": "2025-12-31"}, "clients": [{"id": "a", "start": "2025-01-01"}, {"id": "b", "start": "2025-01-01"}, {"id": "c"}]}"#, "clients[2].start"),
                    (#"{"period": {"from": "2025-01-01", "to": "2025-02-30"}, "clients": []}"#, "period.to"),
                ] {
                    let bad = try await post(app, "/api/v1/outcomes/measures", body, token: token)
                    #expect(bad.status == .badRequest, "\(field)")
                    #expect(try object(bad)["parameter"] as? String == field)
                }
            }
        }

        static func riskBody(count: Int, factors: (Int) -> String = { index in #"{"supportNeed": "\#(index % 2 == 0 ? "low" : "high")"}"# }) -> String {
            let clients = (0..<count).map { index in
                #"{"id": "x\#(index)", "unit": "coach-\#(index % 3)", "outcome": \#(index % 4 == 0 || index % 7 == 0), "factors": \#(factors(index))}"#
            }
            return #"{"clients": [\#(clients.joined(separator: ","))]}"#
        }

        @Test func riskAdjustmentAnswersTheModelAndTheUnits() async throws {
            try await withApp { app async throws in
                let user = try await app.makeUser("integration@example.org", role: .teamLead)
                let token = try await app.accounts.createToken(for: user, name: "test", actor: "test", on: app.db)
                #expect(try await post(app, "/api/v1/outcomes/risk-adjusted", Self.riskBody(count: 40), token: nil).status == .unauthorized)
                let response = try await post(app, "/api/v1/outcomes/risk-adjusted", Self.riskBody(count: 40), token: token)
                #expect(response.status == .ok)
                let answer = try object(response)
                let model = try #require(answer["model"] as? [String: Any])
                #expect(Set(model.keys) == ["method", "clients", "intercept", "terms"])
                #expect(model["clients"] as? Int == 40)
                let terms = try #require(model["terms"] as? [[String: Any]])
                #expect(terms.map { $0["term"] as? String } == ["supportNeed=high"])
                let units = try #require(answer["units"] as? [[String: Any]])
                #expect(units.map { $0["unit"] as? String } == ["coach-0", "coach-1", "coach-2"])
                #expect(Set(units[0].keys) == ["unit", "clients", "outcomes", "rate", "expected", "ratio", "low", "high"])

                let unknown = try await post(app, "/api/v1/outcomes/risk-adjusted", Self.riskBody(count: 40) { _ in #"{"supportNeed": "extreme"}"# }, token: token)
                #expect(unknown.status == .badRequest)
                #expect(try object(unknown)["parameter"] as? String == "clients[0].factors.supportNeed")
                let noUnit = try await post(app, "/api/v1/outcomes/risk-adjusted", #"{"clients": [{"id": "x1", "outcome": true}]}"#, token: token)
                #expect(noUnit.status == .badRequest)
                #expect(try object(noUnit)["parameter"] as? String == "clients[0].unit")
                let few = try await post(app, "/api/v1/outcomes/risk-adjusted", Self.riskBody(count: 19), token: token)
                #expect(few.status == .unprocessableEntity)
                #expect(try object(few)["message"] as? String != nil)
                let allSame = Self.riskBody(count: 30).replacingOccurrences(of: "\"outcome\": false", with: "\"outcome\": true")
                #expect(try await post(app, "/api/v1/outcomes/risk-adjusted", allSame, token: token).status == .unprocessableEntity)
            }
        }

        @Test func theFidelityScaleAndItsScoring() async throws {
            try await withApp { app async throws in
                let scale = try await app.testing().sendRequest(.GET, "/api/v1/fidelity/ips-25")
                #expect(scale.status == .ok)
                let items = try #require(try object(scale)["items"] as? [[String: Any]])
                #expect(items.count == 25)
                #expect(items.first?["id"] as? String == "caseload-size")
                #expect(items.first?["section"] as? String == "staffing")
                #expect(Set((items.first?["name"] as? [String: String])?.keys ?? [:].keys) == ["nl", "en"])

                let ids = items.compactMap { $0["id"] as? String }
                let scores = ids.map { "\"\($0)\": 4" }.joined(separator: ",")
                let scored = try await post(app, "/api/v1/fidelity/ips-25", "{\"scores\": {\(scores)}}", token: nil)
                #expect(scored.status == .ok)
                let result = try object(scored)
                #expect(result["total"] as? Int == 100)
                #expect(result["band"] as? String == "good")
                let sections = try #require(result["sections"] as? [[String: Any]])
                #expect(sections.map { $0["id"] as? String } == ["staffing", "organisation", "services"])
                #expect(sections.map { $0["max"] as? Int } == [15, 40, 70])

                let missing = ids.dropFirst().map { "\"\($0)\": 4" }.joined(separator: ",")
                for (body, field) in [("{\"scores\": {\(missing)}}", "scores.caseload-size"),
                                      ("{\"scores\": {\(scores), \"tea\": 3}}", "scores.tea"),
                                      ("{\"scores\": {\(scores.replacingOccurrences(of: "\"disclosure\": 4", with: "\"disclosure\": 0"))}}", "scores.disclosure")] {
                    let bad = try await post(app, "/api/v1/fidelity/ips-25", body, token: nil)
                    #expect(bad.status == .badRequest)
                    #expect(try object(bad)["parameter"] as? String == field)
                }
            }
        }
    }
}
