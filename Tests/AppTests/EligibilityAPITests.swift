@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

extension AppTests {
    @Suite struct EligibilityAPITests {
        static let portfolio = """
            {"education": [{"kind": "degree", "framework": "NLQF", "level": 6, "completedOn": "2010-06-30"}],
             "jobcoachDiplomas": [{"provider": "Capabel", "completedOn": "2016-05-01"}],
             "courses": [{"title": "SPH module", "hours": 40, "ects": 1.5, "completedOn": "2019-01-01"}],
             "experience": {"jobcoachSince": "2019-01-01", "jobcoachHours": 1050, "practisingNow": true}}
            """

        func post(_ app: Application, _ body: String) async throws -> TestingHTTPResponse {
            try await app.testing().sendRequest(.POST, "/api/v1/eligibility", headers: ["Content-Type": "application/json"],
                                                body: ByteBuffer(string: body))
        }

        func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
        }

        @Test func oneFrameworkGivesAnExplainedVerdict() async throws {
            try await withApp { app async throws in
                let response = try await post(app, #"{"framework": "register-jobcoach", "referenceDate": "2026-11-22", "portfolio": \#(Self.portfolio)}"#)
                #expect(response.status == .ok)
                let body = try json(response)
                #expect(body["framework"] as? String == "register-jobcoach")
                #expect(body["version"] as? String == "2023")
                #expect(body["eligible"] as? Bool == false)
                let requirements = try #require(body["requirements"] as? [[String: Any]])
                #expect(requirements.map { $0["id"] as? String } == ["education", "experience"])
                #expect(requirements[0]["met"] as? Bool == true)
                #expect(requirements[0]["route"] as? String == "education-base-degree, supplement-capabel")
                #expect(requirements[1]["route"] is NSNull)
                let explanation = try #require(requirements[1]["explanation"] as? [String: String])
                #expect(explanation["en"]?.contains("1,050 of 1,200 hours: 150 to go") == true)
                #expect(explanation["nl"]?.contains("1.050 van 1.200 uur: nog 150 te gaan") == true)
            }
        }

        @Test func withoutAFrameworkEveryProfileWithRequirementsAnswers() async throws {
            try await withApp { app async throws in
                let body = try json(try await post(app, #"{"referenceDate": "2026-11-22", "portfolio": \#(Self.portfolio)}"#))
                let results = try #require(body["results"] as? [[String: Any]])
                #expect(results.map { $0["framework"] as? String } == ["register-jobcoach", "jobcoach-profile-nl", "uk-qualification-concept"])
                #expect(results.map { $0["eligible"] as? Bool } == [false, false, true])
            }
        }

        @Test func aNamedOlderVersionIsUsed() async throws {
            try await withApp { app async throws in
                let body = try json(try await post(app, #"{"framework": "register-jobcoach", "version": "2021", "portfolio": \#(Self.portfolio)}"#))
                #expect(body["version"] as? String == "2021")
            }
        }

        @Test(arguments: [
            (#"{"referenceDate": "2026-11-22"}"#, "portfolio"),
            (#"{"portfolio": {"courses": [{"hours": -5, "completedOn": "2020-01-01"}]}}"#, "portfolio.courses[0].hours"),
            (#"{"portfolio": {"education": [{"kind": "degree", "framework": "NLQF", "level": 6, "completedOn": "30-06-2010"}]}}"#, "portfolio.education[0].completedOn"),
            (#"{"portfolio": {"education": [{"kind": "degree", "framework": "ISCED", "level": 6, "completedOn": "2010-06-30"}]}}"#, "portfolio.education[0].framework"),
            (#"{"portfolio": {"education": [{"kind": "degree", "framework": "RQF", "level": 9, "completedOn": "2010-06-30"}]}}"#, "portfolio.education[0].level"),
            (#"{"portfolio": {"education": [{"kind": "diploma", "framework": "EQF", "level": 6, "completedOn": "2010-06-30"}]}}"#, "portfolio.education[0].kind"),
            (#"{"referenceDate": "2026-02-30", "portfolio": {}}"#, "referenceDate"),
            (#"{"portfolio": {"experience": {"jobcoachHours": -1}}}"#, "portfolio.experience.jobcoachHours"),
        ])
        func badInputNamesTheField(_ body: String, _ field: String) async throws {
            try await withApp { app async throws in
                let response = try await post(app, body)
                #expect(response.status == .unprocessableEntity)
                let answer = try json(response)
                #expect(answer["parameter"] as? String == field)
                #expect((answer["message"] as? String)?.hasPrefix(field) == true)
            }
        }

        @Test func malformedJSONAndWrongTypesAre400() async throws {
            try await withApp { app async throws in
                #expect(try await post(app, "{not json").status == .badRequest)
                let wrongType = try await post(app, #"{"portfolio": {"experience": {"jobcoachHours": "many"}}}"#)
                #expect(wrongType.status == .badRequest)
                #expect(try json(wrongType)["parameter"] as? String == "portfolio.experience.jobcoachHours")
            }
        }

        @Test func unknownFrameworksAndVersionsAre404() async throws {
            try await withApp { app async throws in
                let unknown = try await post(app, #"{"framework": "nope", "portfolio": {}}"#)
                #expect(unknown.status == .notFound)
                #expect(try json(unknown)["parameter"] as? String == "framework")
                let version = try await post(app, #"{"framework": "register-jobcoach", "version": "1999", "portfolio": {}}"#)
                #expect(version.status == .notFound)
                #expect(try json(version)["parameter"] as? String == "version")
            }
        }

        @Test func theSelfCheckPageShowsEveryProfileSideBySide() async throws {
            try await withApp { app async throws in
                let browser = TestBrowser(app)
                let result = try await browser.submit("/eligibility", form: [
                    "referenceDate": "2026-11-22", "education-0-kind": "degree", "education-0-level": "NLQF:6", "education-0-date": "2010-06-30",
                    "diploma-0-provider": "Capabel", "diploma-0-date": "2016-05-01", "experience-since": "2019-01-01",
                    "experience-hours": "1300", "experience-practising": "on",
                ])
                #expect(result.status == .ok)
                #expect(result.count("class=\"card verdict\"") == 3)
                #expect(result.body.string.contains("Voldoet"))
                let bad = try await browser.submit("/eligibility", form: ["referenceDate": "2026-11-22", "education-0-level": "NLQF:6",
                                                                          "education-0-date": "gisteren", "course-0-title": "SPH"])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.body.string.contains("href=\"#education-0-date\""))
                #expect(bad.body.string.contains("href=\"#course-0-hours\""))
                #expect(try await StoredSession.query(on: app.db).count() <= 1, "nothing of the check is stored")
            }
        }
    }
}
