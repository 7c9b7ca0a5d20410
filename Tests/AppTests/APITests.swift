@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

extension AppTests {
    @Suite struct APITests {
        func json(_ response: TestingHTTPResponse) throws -> Any {
            try JSONSerialization.jsonObject(with: Data(response.body.string.utf8))
        }

        @Test func healthNamesTheDatabase() async throws {
            try await withApp { app async throws in
                let response = try await app.testing().sendRequest(.GET, "/health")
                #expect(response.status == .ok)
                let body = try json(response) as? [String: String]
                #expect(body?["status"] == "ok")
                #expect(body?["database"] == TestApp.database.kind)
            }
        }

        @Test func frameworksAreListedWithTheirVersions() async throws {
            try await withApp { app async throws in
                let response = try await app.testing().sendRequest(.GET, "/api/v1/frameworks")
                #expect(response.status == .ok)
                let list = try #require(try json(response) as? [[String: Any]])
                #expect(list.map { $0["id"] as? String } == ["register-jobcoach", "jobcoach-profile-nl", "uk-qualification-concept",
                                                            "pl-training-guidelines", "se-quality"])
                let versions = try #require(list[0]["versions"] as? [[String: String]])
                #expect(versions.map { $0["version"] } == ["2021", "2022-09", "2023"])
                #expect(versions[0]["effectiveFrom"] == "2021-01-01")
                let title = try #require(list[0]["title"] as? [String: String])
                #expect(title["nl"] == "Beroepsprofiel Register Jobcoach")
            }
        }

        @Test func aFrameworkIsTheVersionInForceOnTheDay() async throws {
            try await withApp { app async throws in
                let response = try await app.testing().sendRequest(.GET, "/api/v1/frameworks/register-jobcoach?on=2022-06-30")
                #expect(response.status == .ok)
                let body = try #require(try json(response) as? [String: Any])
                #expect(body["version"] as? String == "2021")
                let tasks = try #require(body["tasks"] as? [[String: Any]])
                #expect(tasks.count == 8)
                #expect(tasks.reduce(0) { $0 + (($1["indicators"] as? [Any])?.count ?? 0) } == 45)
                let first = try #require((tasks[4]["indicators"] as? [[String: Any]])?.first)
                #expect(first["id"] as? String == "task-4-1")
                #expect((first["text"] as? [String: String])?.keys.sorted() == ["en", "nl"])
                #expect((body["knowledgeAreas"] as? [Any])?.count == 4)
                #expect((body["competencies"] as? [Any])?.count == 6)
                #expect((body["attitudes"] as? [Any])?.count == 4)
                #expect(body["modules"] == nil)
                let today = try await app.testing().sendRequest(.GET, "/api/v1/frameworks/register-jobcoach")
                #expect((try json(today) as? [String: Any])?["version"] as? String == "2023")
            }
        }

        @Test func aNamedVersionIsReturnedWhole() async throws {
            try await withApp { app async throws in
                let response = try await app.testing().sendRequest(.GET, "/api/v1/frameworks/uk-qualification-concept/versions/2017")
                #expect(response.status == .ok)
                let body = try #require(try json(response) as? [String: Any])
                #expect((body["modules"] as? [Any])?.count == 6)
                #expect((body["level"] as? [String: String]) == ["framework": "EQF", "level": "6"])
            }
        }

        @Test(arguments: [
            ("/api/v1/frameworks/unknown", "there is no framework 'unknown'"),
            ("/api/v1/frameworks/register-jobcoach/versions/1999", "framework 'register-jobcoach' has no version '1999' (versions: 2021, 2022-09, 2023)"),
            ("/api/v1/frameworks/register-jobcoach?on=2020-12-31", "framework 'register-jobcoach' has no version in force on 2020-12-31 (its first version starts on 2021-01-01)"),
            ("/api/v1/frameworks/register-jobcoach/diff?from=2021&to=2030", "framework 'register-jobcoach' has no version '2030' (versions: 2021, 2022-09, 2023)"),
            ("/api/v1/nothing-here", nil),
        ] as [(String, String?)])
        func unknownIDsAndVersionsAre404JSON(_ path: String, _ message: String?) async throws {
            try await withApp { app async throws in
                let response = try await app.testing().sendRequest(.GET, path)
                #expect(response.status == .notFound)
                #expect(response.headers.contentType == .json)
                let body = try #require(try json(response) as? [String: String])
                #expect(body["error"] == "not_found")
                if let message { #expect(body["message"] == message) }
            }
        }

        @Test(arguments: [
            ("/api/v1/frameworks/register-jobcoach?on=2023-02-30", "on"),
            ("/api/v1/frameworks/register-jobcoach?on=yesterday", "on"),
            ("/api/v1/frameworks/register-jobcoach/diff?to=2023", "from"),
            ("/api/v1/frameworks/register-jobcoach/diff?from=2021", "to"),
            ("/api/v1/occupations", "q"),
            ("/api/v1/occupations?q=cook&limit=0", "limit"),
            ("/api/v1/occupations?q=cook&limit=many", "limit"),
        ])
        func malformedQueriesAre400NamingTheParameter(_ path: String, _ parameter: String) async throws {
            try await withApp { app async throws in
                let response = try await app.testing().sendRequest(.GET, path)
                #expect(response.status == .badRequest)
                let body = try #require(try json(response) as? [String: String])
                #expect(body["parameter"] == parameter)
                #expect(body["message"]?.contains(parameter) == true)
            }
        }

        @Test func theDiffListsWhatChanged() async throws {
            try await withApp { app async throws in
                let response = try await app.testing().sendRequest(.GET, "/api/v1/frameworks/register-jobcoach/diff?from=2021&to=2023")
                #expect(response.status == .ok)
                let body = try #require(try json(response) as? [String: Any])
                let added = try #require(body["added"] as? [[String: Any]])
                #expect(added.map { $0["id"] as? String } == ["supplement-sara-werkt"])
                #expect((body["removed"] as? [Any])?.isEmpty == true)
                let changed = try #require(body["changed"] as? [[String: Any]])
                #expect(changed.contains { $0["id"] as? String == "register-jobcoach" })
            }
        }

        @Test func qualificationLevelsHoldTheCrosswalk() async throws {
            try await withApp { app async throws in
                let response = try await app.testing().sendRequest(.GET, "/api/v1/qualification-levels")
                let body = try #require(try json(response) as? [String: Any])
                let frameworks = try #require(body["frameworks"] as? [[String: Any]])
                #expect(frameworks.map { $0["id"] as? String } == ["EQF", "NLQF", "RQF", "SCQF"])
                #expect(frameworks.map { ($0["levels"] as? [Any])?.count } == [8, 9, 11, 12])
                let crosswalk = try #require(body["crosswalk"] as? [[String: Any]])
                let eqf5 = try #require(crosswalk.first { $0["eqf"] as? Int == 5 }?["levels"] as? [String: [String]])
                #expect(eqf5 == ["NLQF": ["5"], "RQF": ["4", "5"], "SCQF": ["7", "8"]])
            }
        }

        @Test func occupationsAreFoundByLabelAndISCOCode() async throws {
            try await withApp { app async throws in
                let byLabel = try await app.testing().sendRequest(.GET, "/api/v1/occupations?q=job%20coach&limit=5")
                let body = try #require(try json(byLabel) as? [String: Any])
                let results = try #require(body["results"] as? [[String: Any]])
                #expect((1...5).contains(results.count))
                #expect(results[0]["preferredLabel"] as? String == "employment and vocational integration consultant")
                #expect(results[0]["iscoCode"] as? String == "2423")
                #expect(results[0]["matchedLabel"] as? String == "job coach")
                #expect(body["attribution"] as? String == "ESCO, European Commission, CC BY 4.0")
                let byCode = try await app.testing().sendRequest(.GET, "/api/v1/occupations?q=2635&limit=100")
                let codeResults = try #require((try json(byCode) as? [String: Any])?["results"] as? [[String: Any]])
                #expect(codeResults.contains { $0["preferredLabel"] as? String == "employment support worker" })
            }
        }

        @Test func theOpenAPIDocumentIsServed() async throws {
            try await withApp { app async throws in
                let response = try await app.testing().sendRequest(.GET, "/openapi.json")
                #expect(response.status == .ok)
                let body = try #require(try json(response) as? [String: Any])
                #expect(body["openapi"] as? String == "3.1.0")
                let paths = try #require(body["paths"] as? [String: Any])
                for path in ["/health", "/api/v1/frameworks", "/api/v1/frameworks/{framework}", "/api/v1/frameworks/{framework}/versions/{version}",
                             "/api/v1/frameworks/{framework}/diff", "/api/v1/qualification-levels", "/api/v1/occupations", "/api/v1/me"] {
                    #expect(paths[path] != nil, "\(path) is not documented")
                }
            }
        }
    }
}
