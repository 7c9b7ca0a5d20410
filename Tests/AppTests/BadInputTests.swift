@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// Bad input is refused at the door with a message naming what is wrong, and nothing is stored.
    @Suite struct BadInputTests {
        @Test func aFormThatIsNotTextOrCannotBeReadIsRefusedAndNothingStored() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let token = try TestBrowser.csrfToken(in: try await coach.get("/clients/new").body.string)
                let before = try await Client.query(on: app.db).count()
                func send(_ fields: String) async throws -> TestingHTTPResponse {
                    try await coach.post("/clients", raw: Array("_csrf=\(token)&place=Utrecht&".utf8) + Array(fields.utf8),
                                         contentType: "application/x-www-form-urlencoded")
                }
                let notText = try await send("name=%FF%FE%C3")
                #expect(notText.status == .badRequest)
                #expect(notText.body.string.contains("Het veld ‘name’ bevat tekens die geen tekst zijn"))
                let raw = try await coach.post("/clients", raw: Array("_csrf=\(token)&place=Utrecht&name=".utf8) + [0xFF, 0xFE, 0xC3],
                                               contentType: "application/x-www-form-urlencoded")
                #expect(raw.status == .badRequest)
                let broken = try await send("name=Sanne%zz")
                #expect(broken.status == .badRequest)
                #expect(broken.body.string.contains("Het veld ‘name’ kon niet worden gelezen"))
                #expect(!broken.body.string.contains("Dit formulier is verlopen"), "not the CSRF refusal")
                let multipart = try await coach.post("/clients", raw: Array("--x\r\nbroken".utf8), contentType: "multipart/form-data")
                #expect(multipart.status == .badRequest)
                let noType = try await coach.post("/clients", raw: Array("_csrf=\(token)&name=Sanne".utf8), contentType: nil)
                #expect(noType.status == .unsupportedMediaType)
                let json = try await coach.post("/clients", raw: Array("{}".utf8), contentType: "application/json")
                #expect(json.status == .unsupportedMediaType)
                #expect(try await Client.query(on: app.db).count() == before)
                // The same form, well made, is stored.
                #expect(try await send("name=Jos%C3%A9+M%C3%BCller").status == .seeOther)
                #expect(try await Client.query(on: app.db).count() == before + 1)
            }
        }

        @Test func aCheckboxSendsYesOrNothing() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let path = try await coach.newClient("Sanne Bakker")
                let maybe = try await coach.submit(path + "/intake", form: TestBrowser.intake.merging(["codeOfConduct": "maybe"]) { $1 })
                #expect(maybe.status == .unprocessableEntity)
                #expect(maybe.body.string.contains("href=\"#codeOfConduct\""))
                #expect(try await Intake.query(on: app.db).count() == 0)
            }
        }

        func api(_ app: Application, _ method: HTTPMethod, _ path: String, body: String? = nil, contentType: HTTPMediaType? = .json,
                 token: String? = nil) async throws -> TestingHTTPResponse {
            var headers = HTTPHeaders()
            if let contentType { headers.contentType = contentType }
            if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
            return try await app.testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        }

        struct Problem: Decodable {
            var error: String
            var message: String
            var parameter: String?
        }

        @Test func jsonErrorsSpeakJSONAndNameWhatIsMissing() async throws {
            try await withApp { app async throws in
                let list = try await api(app, .POST, "/api/v1/eligibility", body: "[]")
                #expect(list.status == .badRequest)
                let listProblem = try JSONDecoder().decode(Problem.self, from: Data(list.body.readableBytesView))
                #expect(listProblem.message == "the body must be an object")
                for word in ["Dictionary", "Swift", "Array<", "String, Any"] { #expect(!list.body.string.contains(word)) }
                let empty = try await api(app, .POST, "/api/v1/eligibility", body: "")
                #expect(empty.status == .badRequest)
                let emptyProblem = try JSONDecoder().decode(Problem.self, from: Data(empty.body.readableBytesView))
                #expect(emptyProblem.parameter == "portfolio")
                #expect(emptyProblem.message.contains("'portfolio'"))
                let wrongType = try await api(app, .POST, "/api/v1/eligibility", body: #"{"portfolio": {"education": "degree"}}"#)
                #expect(!wrongType.body.string.contains("Array<"))
                #expect(try await api(app, .POST, "/api/v1/eligibility", body: "{}", contentType: nil).status == .unsupportedMediaType)
                #expect(try await api(app, .POST, "/api/v1/eligibility", body: "{}", contentType: .plainText).status == .unsupportedMediaType)
            }
        }

        @Test func stringsLongerThanTheDocumentAllowsAreRefusedNotEchoed() async throws {
            try await withApp { app async throws in
                let user = try await app.makeUser("integration@example.org", role: .jobCoach)
                let token = try await app.accounts.createToken(for: user, name: "test", actor: "test", on: app.db)
                let id = String(repeating: "x", count: 10_000_000)
                let body = #"{"candidate": {"desiredOccupations": ["9412"]}, "workplaces": [{"id": "\#(id)", "occupation": "9412"}]}"#
                let response = try await api(app, .POST, "/api/v1/matching/rank", body: body, token: token)
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.readableBytes < 1_000, "the id is not echoed")
                let problem = try JSONDecoder().decode(Problem.self, from: Data(response.body.readableBytesView))
                #expect(problem.parameter == "workplaces[0].id")
                #expect(problem.message == "field 'workplaces[0].id' must be at most 200 characters")
                // At the limit it is accepted.
                let atLimit = #"{"candidate": {"desiredOccupations": ["9412"]}, "workplaces": [{"id": "\#(String(repeating: "x", count: 200))", "occupation": "9412"}]}"#
                #expect(try await api(app, .POST, "/api/v1/matching/rank", body: atLimit, token: token).status == .ok)
                let longQuery = try await api(app, .GET, "/api/v1/occupations?q=" + String(repeating: "a", count: 201), contentType: nil)
                #expect(longQuery.status == .badRequest)
            }
        }

        /// JSON has no largest number; a reader has. A whole number no handler can hold is refused
        /// naming the field and the document's bound, not with the decoder's "not valid JSON".
        @Test func wholeNumbersBeyondAnyHandlerNameTheFieldAndTheBound() async throws {
            try await withApp { app async throws in
                func level(_ value: String) -> String {
                    #"{"portfolio": {"education": [{"kind": "degree", "framework": "SCQF", "level": \#(value), "completedOn": "2010-06-30"}]}}"#
                }
                let huge = try await api(app, .POST, "/api/v1/eligibility", body: level("-409877202914786160934912"))
                let problem = try JSONDecoder().decode(Problem.self, from: Data(huge.body.readableBytesView))
                #expect(problem.parameter == "portfolio.education[0].level")
                #expect(problem.message == "field 'portfolio.education[0].level' must be at least 0")
                #expect(huge.status == .badRequest)
                // Within 2^53 - 1 the handler answers, in its own words.
                let largest = try await api(app, .POST, "/api/v1/eligibility", body: level("90071992547"))
                #expect(largest.status == .unprocessableEntity)
                let handlerProblem = try JSONDecoder().decode(Problem.self, from: Data(largest.body.readableBytesView))
                #expect(handlerProblem.parameter == "portfolio.education[0].level")
                #expect(!handlerProblem.message.contains("at least"))
                #expect(try await api(app, .POST, "/api/v1/eligibility", body: level("9")).status == .ok)
            }
        }

        @Test func anUnboundedWholeNumberTooLargeForAHandlerIs422() throws {
            let document = #"{"paths": {}, "components": {"schemas": {"Body": {"type": "object", "properties": {"n": {"type": "integer"}}}}}}"#
            let contract = try APIContract(document: Data(document.utf8))
            let schema: [String: Any] = ["$ref": "#/components/schemas/Body"]
            func check(_ json: String) throws -> (field: String, message: String, status: HTTPResponseStatus)? {
                contract.violation(try JSONSerialization.jsonObject(with: Data(json.utf8)), schema: schema)
            }
            let found = try #require(try check(#"{"n": 9007199254740992}"#))
            #expect(found.field == "n")
            #expect(found.status == .unprocessableEntity)
            #expect(try check(#"{"n": 9007199254740991}"#) == nil)
            #expect(try check(#"{"n": -9007199254740991}"#) == nil)
        }

        @Test func wrongMethodsAnswer405WithAllowAndEmptyDatesAnswer400() async throws {
            try await withApp { app async throws in
                let delete = try await api(app, .DELETE, "/api/v1/frameworks", contentType: nil)
                #expect(delete.status == .methodNotAllowed)
                #expect(delete.headers.first(name: "Allow") == "GET, HEAD")
                let put = try await TestBrowser(app).send(.PUT, "/login")
                #expect(put.status == .methodNotAllowed)
                #expect(put.headers.first(name: "Allow") == "GET, HEAD, POST")
                #expect(try await api(app, .GET, "/api/v1/no-such-thing", contentType: nil).status == .notFound)
                let empty = try await api(app, .GET, "/api/v1/frameworks/register-jobcoach?on=", contentType: nil)
                #expect(empty.status == .badRequest)
                let problem = try JSONDecoder().decode(Problem.self, from: Data(empty.body.readableBytesView))
                #expect(problem.parameter == "on")
            }
        }
    }
}
