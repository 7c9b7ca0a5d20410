@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// The register office's recognised trainings, and what the eligibility check makes of them.
    @Suite struct RecognitionPageTests {
        func verdict(_ app: Application, provider: String, completedOn: String) async throws -> Bool? {
            let portfolio = EligibilityAPITests.portfolio
                .replacingOccurrences(of: #"{"provider": "Capabel", "completedOn": "2016-05-01"}"#,
                                      with: #"{"provider": "\#(provider)", "completedOn": "\#(completedOn)"}"#)
                .replacingOccurrences(of: #""jobcoachHours": 1050"#, with: #""jobcoachHours": 1300"#)
            let response = try await app.testing().sendRequest(
                .POST, "/api/v1/eligibility", headers: ["Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"framework": "register-jobcoach", "referenceDate": "2026-11-22", "portfolio": \#(portfolio)}"#))
            let body = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any]
            return body?["eligible"] as? Bool
        }

        @Test func anOfficerAddsARecognitionAndTheVerdictFollowsIt() async throws {
            try await withApp { app async throws in
                #expect(try await verdict(app, provider: "Capabel", completedOn: "2016-05-01") == true)
                #expect(try await verdict(app, provider: "Capabel", completedOn: "2014-05-01") == false)
                let (_, officer) = try await app.signedIn("officer@example.org", role: .registerOfficer)
                let page = try await officer.get("/office/recognitions?lang=en")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("Capabel"))
                #expect(page.body.string.contains("Sara Werkt"))

                // Bad input is named field by field and nothing is stored.
                let refused = try await officer.submit("/office/recognitions", form: [
                    "framework": "register-jobcoach", "provider": "", "from": "soon", "until": "", "reason": "",
                ])
                #expect(refused.status == .unprocessableEntity)
                for field in ["provider", "from", "reason"] { #expect(refused.body.string.contains("href=\"#\(field)\""), "\(field)") }
                #expect(try await RecognitionRow.query(on: app.db).count() == 0)

                let saved = try await officer.submit("/office/recognitions", form: [
                    "framework": "register-jobcoach", "provider": "Capabel", "from": "2014-01-01", "until": "2015-01-01",
                    "reason": "Register decision 2026-11 on the 2014 cohort",
                ])
                #expect(saved.status == .seeOther)
                #expect(try await verdict(app, provider: "Capabel", completedOn: "2014-05-01") == true)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "register.recognition-added").count() == 1)

                for role in [Role.jobCoach, .trainer, .assessor] {
                    let (_, other) = try await app.signedIn("\(role.rawValue)-r@example.org", role: role)
                    #expect(try await other.get("/office/recognitions").status == .forbidden, "\(role)")
                }
            }
        }
    }
}
