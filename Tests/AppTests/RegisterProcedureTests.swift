@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// The register's procedure through its pages: portfolio, application, two blind assessments, the
    /// decision, the certificate and its verification.
    @Suite struct RegisterProcedureTests {
        @Test func fromPortfolioToVerifiedCertificate() async throws {
            try await withApp { app async throws in
                let (coach, coachBrowser) = try await app.signedIn("coach@example.org", role: .jobCoach)
                let (_, officer) = try await app.signedIn("officer@example.org", role: .registerOfficer)
                let (firstAssessor, first) = try await app.signedIn("first@example.org", role: .assessor)
                let (secondAssessor, second) = try await app.signedIn("second@example.org", role: .assessor)

                try await coachBrowser.fillEligiblePortfolio()
                let portfolio = try await coachBrowser.get("/portfolio")
                #expect(portfolio.body.string.contains("diploma.pdf"))
                #expect(portfolio.body.string.contains("Beroepsprofiel Register Jobcoach (2023):</strong> <span class=\"tag tag-same\">Voldoet"))
                let applied = try await coachBrowser.submit("/portfolio", to: "/applications", form: ["framework": "register-jobcoach"])
                #expect(applied.status == .seeOther)
                let application = try await app.latestApplication(of: coach)
                let id = try application.requireID()
                #expect(application.status == .submitted && application.eligible)
                #expect(ApplicationSnapshot.verdict(application)?.eligible == true)
                #expect(try await coachBrowser.get("/applications/\(id)").body.string.contains("ingediend"))
                let again = try await coachBrowser.submit("/portfolio", to: "/applications", form: ["framework": "register-jobcoach"])
                #expect(again.status == .conflict, "one open application per profile")

                // Two assessors, assigned by the officer; the applicant cannot assess.
                let sameTwice = try await officer.submit("/office/applications/\(id)", to: "/office/applications/\(id)/assessors",
                                                         form: ["assessor1": firstAssessor.id!.uuidString, "assessor2": firstAssessor.id!.uuidString])
                #expect(sameTwice.status == .unprocessableEntity)
                #expect(sameTwice.body.string.contains("href=\"#assessor2\""))
                try await officer.submit("/office/applications/\(id)", to: "/office/applications/\(id)/assessors",
                                         form: ["assessor1": firstAssessor.id!.uuidString, "assessor2": secondAssessor.id!.uuidString])
                #expect(try await CertificationApplication.find(id, on: app.db)?.status == .inAssessment)

                let firstAssignment = try await AssessorAssignment.query(on: app.db).filter(\.$assessor.$id == firstAssessor.id!).first()!
                let secondAssignment = try await AssessorAssignment.query(on: app.db).filter(\.$assessor.$id == secondAssessor.id!).first()!
                // The first assessor saves a draft with a recognisable note...
                try await first.submit("/assessments/\(firstAssignment.id!)", form: ["action": "save", "score-task-1": "1", "note-task-1": "ONLY-FIRST-SEES-THIS"])
                // ...which neither the second assessor nor the officer sees.
                #expect(!(try await second.get("/assessments/\(secondAssignment.id!)")).body.string.contains("ONLY-FIRST-SEES-THIS"))
                #expect(!(try await officer.get("/office/applications/\(id)")).body.string.contains("ONLY-FIRST-SEES-THIS"))
                // Submitting an incomplete sheet names what is missing.
                let incomplete = try await first.submit("/assessments/\(firstAssignment.id!)", form: ["action": "submit", "score-task-1": "2"])
                #expect(incomplete.status == .unprocessableEntity)
                #expect(incomplete.body.string.contains("href=\"#note-task-1\""))
                #expect(incomplete.body.string.contains("href=\"#score-task-2-0\""))
                try await first.submit("/assessments/\(firstAssignment.id!)", form: try app.fullSheet(applicationID: id, action: "submit"))

                // No decision before both are in.
                let early = try await officer.submit("/office/applications/\(id)", to: "/office/applications/\(id)/decision", form: ["decision": "certified"])
                #expect(early.status == .conflict)
                try await second.submit("/assessments/\(secondAssignment.id!)", form: try app.fullSheet(applicationID: id, action: "submit"))
                #expect(try await CertificationApplication.find(id, on: app.db)?.status == .readyForDecision)
                let officePage = try await officer.get("/office/applications/\(id)")
                #expect(officePage.body.string.contains("0 onderdelen verschillend beoordeeld"))

                // A refusal needs reasons; then certify.
                let noReasons = try await officer.submit("/office/applications/\(id)", to: "/office/applications/\(id)/decision",
                                                         form: ["decision": "not-certified"])
                #expect(noReasons.status == .unprocessableEntity)
                #expect(noReasons.body.string.contains("href=\"#reasons\""))
                try await officer.submit("/office/applications/\(id)", to: "/office/applications/\(id)/decision", form: ["decision": "certified"])
                #expect(try await CertificationApplication.find(id, on: app.db)?.status == .certified)
                let certificate = try #require(try await Certificate.query(on: app.db).filter(\.$holder.$id == coach.id!).first())
                #expect(certificate.registrationNumber.hasPrefix("RJ-") && certificate.registrationNumber.hasSuffix("-000001"))
                #expect(certificate.holderName == "Jamila de Jong" && certificate.place == "Utrecht")
                let years = Calendar(identifier: .gregorian).dateComponents([.year], from: certificate.validFrom, to: certificate.validUntil).year
                #expect(years == 4, "validity from the 2023 version's data")
                #expect(try await coachBrowser.get("/certificates").body.string.contains(try await certificate.credential(on: app.db)))

                // Anyone can verify it.
                let verified = try await verify(app, try await certificate.credential(on: app.db))
                #expect(verified["result"] as? String == "valid")
                #expect(verified["registrationNumber"] as? String == certificate.registrationNumber)
                let status = try await app.testing().sendRequest(.GET, "/api/v1/credentials/\(certificate.id!.uuidString.lowercased())/status")
                #expect(status.body.string.contains("\"revokedCredentials\":[]"))
                let list = try await app.testing().sendRequest(.GET, "/api/v1/credentials/revocations")
                #expect(list.status == .ok && list.body.string.contains("\"revokedCredentials\":[]"))
                let found = try await app.testing().sendRequest(.GET, "/api/v1/register?q=jong%20utrecht")
                #expect(found.body.string.contains(certificate.registrationNumber))
                #expect(!found.body.string.contains("coach@example.org"), "only public fields")

                let actions = try await app.auditActions()
                for action in ["portfolio.profile-updated", "portfolio.education-added", "application.submitted", "application.assessors-assigned",
                               "assessment.saved", "assessment.submitted", "application.ready-for-decision", "application.decided", "certificate.issued"] {
                    #expect(actions.contains(action), "\(action) in the audit trail")
                }
                #expect(try await app.auditIsIntact())
            }
        }

        @Test func assessorsScoreAllOf003AndTheOfficerSeesTheSheetsSideBySide() async throws {
            try await withApp { app async throws in
                let (_, _, officer, (firstAssessor, first), (secondAssessor, second), id) = try await applied(app)
                try await officer.submit("/office/applications/\(id)", to: "/office/applications/\(id)/assessors",
                                         form: ["assessor1": firstAssessor.id!.uuidString, "assessor2": secondAssessor.id!.uuidString])
                let firstAssignment = try await AssessorAssignment.query(on: app.db).filter(\.$assessor.$id == firstAssessor.id!).first()!
                let secondAssignment = try await AssessorAssignment.query(on: app.db).filter(\.$assessor.$id == secondAssessor.id!).first()!
                let version = try #require(app.standard.frameworks.version("register-jobcoach", "2023"))

                // The sheet asks for the knowledge areas and the attitudes too, each with its indicators.
                let sheetPage = try await first.get("/assessments/\(firstAssignment.id!)").body.string
                for group in version.knowledgeAreas + version.attitudes {
                    #expect(sheetPage.contains("name=\"score-\(group.id)\""), "\(group.id) is scored")
                }
                #expect(sheetPage.contains("name=\"indicator-ka-1-1\""))
                var sheet = try app.fullSheet(applicationID: id, action: "submit")
                sheet["score-attitude-ethics"] = nil
                let incomplete = try await first.submit("/assessments/\(firstAssignment.id!)", form: sheet)
                #expect(incomplete.status == .unprocessableEntity)
                #expect(incomplete.body.string.contains("href=\"#score-attitude-ethics-0\""))
                sheet["score-attitude-ethics"] = "2"
                sheet["indicator-ka-1-1"] = "maybe"
                let badIndicator = try await first.submit("/assessments/\(firstAssignment.id!)", form: sheet)
                #expect(badIndicator.status == .unprocessableEntity)
                #expect(badIndicator.body.string.contains("href=\"#indicator-ka-1-1-none\""))
                // One indicator scored on its own, one knowledge area scored lower than the other assessor does.
                sheet["indicator-ka-1-1"] = "1"
                sheet["score-ka-2"] = "1"
                try await first.submit("/assessments/\(firstAssignment.id!)", form: sheet)
                let indicatorRows = try await AssessmentIndicatorScoreRow.query(on: app.db).filter(\.$assignment.$id == firstAssignment.id!).all()
                #expect(indicatorRows.map { "\($0.itemID)/\($0.indicatorID)=\($0.score)" } == ["ka-1/ka-1-1=1"])
                try await second.submit("/assessments/\(secondAssignment.id!)", form: try app.fullSheet(applicationID: id, action: "submit"))

                let page = try await officer.get("/office/applications/\(id)").body.string
                #expect(page.contains("1 onderdeel verschillend beoordeeld"))
                #expect(page.contains(version.knowledgeAreas[1].title.nl) && page.contains(version.attitudes[3].title.nl))
                #expect(page.contains("Indicator: \(version.knowledgeAreas[0].indicators[0].text.nl)"))
                #expect(page.contains("<td>deels aangetoond</td><td>Niet apart beoordeeld</td>"))

                // A sheet submitted before knowledge areas and attitudes were assessed reads as it was scored.
                try await AssessmentScoreRow.query(on: app.db).filter(\.$assignment.$id == secondAssignment.id!)
                    .filter(\.$itemID ~~ (version.knowledgeAreas + version.attitudes).map(\.id)).delete()
                let old = try await officer.get("/office/applications/\(id)").body.string
                #expect(old.contains("niet beoordeeld op dit formulier"))
                #expect(old.contains("8 onderdelen verschillend beoordeeld"), "the first sheet scored them, the old one did not")
                let own = try await second.get("/assessments/\(secondAssignment.id!)").body.string
                #expect(own.contains("Niet beoordeeld op dit formulier"))
                #expect(try await app.auditIsIntact())
            }
        }

        /// A coach with an eligible portfolio who has applied, the officer and two assessors, all signed in.
        func applied(_ app: Application) async throws
            -> (User, TestBrowser, TestBrowser, (User, TestBrowser), (User, TestBrowser), UUID) {
            let (coach, coachBrowser) = try await app.signedIn("coach@example.org", role: .jobCoach)
            let (_, officer) = try await app.signedIn("officer@example.org", role: .registerOfficer)
            let first = try await app.signedIn("first@example.org", role: .assessor)
            let second = try await app.signedIn("second@example.org", role: .assessor)
            try await coachBrowser.fillEligiblePortfolio()
            try await coachBrowser.submit("/portfolio", to: "/applications", form: ["framework": "register-jobcoach"])
            return (coach, coachBrowser, officer, first, second, try await app.latestApplication(of: coach).requireID())
        }

        func verify(_ app: Application, _ token: String) async throws -> [String: Any] {
            let body = try JSONSerialization.data(withJSONObject: ["credential": token])
            let response = try await app.testing().sendRequest(.POST, "/api/v1/credentials/verify", headers: ["Content-Type": "application/json"],
                                                               body: ByteBuffer(data: body))
            return try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
        }

        /// A certified coach through the whole procedure.
        func certifiedCoach(_ app: Application, email: String = "coach@example.org", diploma: (String, String) = ("Capabel", "2016-05-01"),
                            name: String = "Jamila de Jong") async throws -> (User, TestBrowser, Certificate, TestBrowser) {
            let (coach, browser) = try await app.signedIn(email, role: .jobCoach)
            let (_, officer) = try await app.signedIn("officer-\(email)", role: .registerOfficer)
            let (a, first) = try await app.signedIn("a-\(email)", role: .assessor)
            let (b, second) = try await app.signedIn("b-\(email)", role: .assessor)
            try await browser.fillEligiblePortfolio(name: name, diploma: diploma)
            try await browser.submit("/portfolio", to: "/applications", form: ["framework": "register-jobcoach"])
            let id = try await app.latestApplication(of: coach).requireID()
            try await app.assessBoth(id, first: first, second: second, officer: officer, firstAssessor: a, secondAssessor: b)
            try await officer.submit("/office/applications/\(id)", to: "/office/applications/\(id)/decision", form: ["decision": "certified"])
            return (coach, browser, try #require(try await Certificate.query(on: app.db).filter(\.$holder.$id == coach.id!).first()), officer)
        }

        @Test func oneChangedByteIsNotAuthentic() async throws {
            try await withApp { app async throws in
                let (_, _, certificate, _) = try await certifiedCoach(app)
                var bytes = Array(try await certificate.credential(on: app.db).utf8)
                let middle = bytes.count / 2
                bytes[middle] = bytes[middle] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
                let tampered = try await verify(app, String(decoding: bytes, as: UTF8.self))
                #expect(tampered["result"] as? String == "not-authentic")
                #expect(try await verify(app, "not.a.credential")["result"] as? String == "not-authentic")
                #expect(try await verify(app, "garbage")["result"] as? String == "not-authentic")
            }
        }

        @Test func anExpiredCredentialSaysSo() async throws {
            let clock = TestClock()
            try await withApp(clock: clock) { app async throws in
                let (_, _, certificate, _) = try await certifiedCoach(app)
                clock.advance(4 * 366 * 24 * 60 * 60)
                let result = try await verify(app, try await certificate.credential(on: app.db))
                #expect(result["result"] as? String == "expired")
                #expect((result["reason"] as? String)?.contains("expired") == true)
                let found = try await app.testing().sendRequest(.GET, "/api/v1/register?q=jong")
                #expect(!found.body.string.contains(certificate.registrationNumber), "expired certificates leave the public register")
            }
        }

        @Test func anUpheldComplaintRevokesTheCertificate() async throws {
            try await withApp { app async throws in
                let (_, _, certificate, officer) = try await certifiedCoach(app)
                let unknown = try await officer.submit("/office/complaints", form: ["registrationNumber": "RJ-1999-000001", "receivedOn": "2026-01-01", "summary": "x"])
                #expect(unknown.status == .unprocessableEntity)
                #expect(unknown.body.string.contains("href=\"#registrationNumber\""))
                let recorded = try await officer.submit("/office/complaints", form: ["registrationNumber": certificate.registrationNumber,
                                                                                     "receivedOn": "2025-01-01", "summary": "Afspraken niet nagekomen.",
                                                                                     "complainantName": "Marco Visser", "complainantRole": "employer"])
                let path = try #require(recorded.location)
                let withoutReason = try await officer.submit(path, form: ["status": "upheld", "outcome": "revoke", "reason": ""])
                #expect(withoutReason.status == .unprocessableEntity)
                try await officer.submit(path, form: ["status": "upheld", "outcome": "revoke", "reason": "Ernstige schending van de gedragscode."])
                let result = try await verify(app, try await certificate.credential(on: app.db))
                #expect(result["result"] as? String == "revoked")
                #expect((result["reason"] as? String)?.contains("Ernstige schending") == true)
                let closed = try await officer.submit(path, form: ["status": "dismissed"])
                #expect(closed.status == .unprocessableEntity, "an upheld complaint is closed")
                let found = try await app.testing().sendRequest(.GET, "/api/v1/register?q=jong")
                #expect(!found.body.string.contains(certificate.registrationNumber))
                #expect(try await app.auditActions().contains("certificate.revoked"))
            }
        }

        @Test func aComplaintNamesItsComplainantToTheOfficeAndTheCoachIsToldAndResponds() async throws {
            try await withApp { app async throws in
                let (coach, coachBrowser, certificate, officer) = try await certifiedCoach(app)
                var form = ["registrationNumber": certificate.registrationNumber, "receivedOn": "2025-01-01",
                            "summary": "Afspraken over de werkplek niet nagekomen.", "complainantName": "", "complainantRole": "maybe"]
                let refused = try await officer.submit("/office/complaints", form: form)
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains("href=\"#complainantName\"") && refused.body.string.contains("href=\"#complainantRole\""))
                #expect(try await Complaint.query(on: app.db).count() == 0, "nothing written")
                form["complainantName"] = "COMPLAINANT-NAME-XY"
                form["complainantRole"] = "employer"
                form["complainantContact"] = "xy@example.nl"
                let path = try #require(try await officer.submit("/office/complaints", form: form).location)
                let complaint = try #require(try await Complaint.query(on: app.db).first())
                #expect(complaint.complainantName == "COMPLAINANT-NAME-XY" && complaint.complainantRole == "employer")
                #expect(try await officer.get(path).body.string.contains("COMPLAINANT-NAME-XY (werkgever)"))

                // The coach is told by mail, and sees the complaint on their page, without the complainant.
                let told = try await OutboxMessage.query(on: app.db).filter(\.$recipient == coach.email).filter(\.$kind == "complaint").all()
                #expect(told.count == 1)
                let mine = "/certificates/complaints/\(complaint.id!.uuidString)"
                #expect(told.first?.textBody.contains(mine) == true && told.first?.textBody.contains("COMPLAINANT") == false)
                #expect(try await coachBrowser.get("/certificates").body.string.contains("href=\"\(mine)\""))
                let page = try await coachBrowser.get(mine).body.string
                #expect(page.contains("Afspraken over de werkplek niet nagekomen.") && !page.contains("COMPLAINANT-NAME-XY"))
                #expect(!(try await app.testing().sendRequest(.GET, "/api/v1/register?q=jong")).body.string.contains("COMPLAINANT"))

                // The coach responds; an empty response names the field; the office reads the response.
                let empty = try await coachBrowser.submit(mine, form: ["response": "  "])
                #expect(empty.status == .unprocessableEntity && empty.body.string.contains("href=\"#response\""))
                #expect(try await coachBrowser.submit(mine, form: ["response": "Ik heb de werkgever twee keer gebeld."]).status == .seeOther)
                #expect(try await officer.get(path).body.string.contains("Ik heb de werkgever twee keer gebeld."))
                // Another coach gets 404.
                let (_, other) = try await app.signedIn("other@example.org", role: .jobCoach)
                #expect(try await other.get(mine).status == .notFound)
                #expect(try await other.submit("/certificates", to: mine, form: ["response": "x"]).status == .notFound)

                // The decision is mailed too, and closes the response.
                try await officer.submit(path, form: ["status": "dismissed"])
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == coach.email).filter(\.$kind == "complaint").count() == 2)
                let decided = try await coachBrowser.get(mine).body.string
                #expect(decided.contains("ongegrond") && !decided.contains("name=\"response\""))
                #expect(try await coachBrowser.submit("/certificates", to: mine, form: ["response": "Later"]).status == .conflict)
                let actions = try await app.auditActions()
                #expect(actions.contains("complaint.responded") && actions.contains("complaint.viewed-by-holder"))
                #expect(try await app.auditIsIntact())
            }
        }

        @Test func aSuspendedCertificateStaysListedAsSuspended() async throws {
            try await withApp { app async throws in
                let (_, _, certificate, officer) = try await certifiedCoach(app)
                let recorded = try await officer.submit("/office/complaints", form: ["registrationNumber": certificate.registrationNumber,
                                                                                     "receivedOn": "2025-01-01", "summary": "Onderzoek loopt.",
                                                                                     "complainantName": "Marco Visser", "complainantRole": "employer"])
                try await officer.submit(recorded.location!, form: ["status": "upheld", "outcome": "suspend", "reason": "Onderzoek loopt nog."])
                #expect(try await verify(app, try await certificate.credential(on: app.db))["result"] as? String == "suspended")
                // The credential names the register's revocation list, which lists it while suspended.
                let credentialID = "urn:uuid:\(certificate.id!.uuidString.lowercased())"
                let payload = try #require(try await certificate.credential(on: app.db).split(separator: ".").dropFirst().first)
                var base64 = payload.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
                while base64.count % 4 != 0 { base64 += "=" }
                let claims = try #require(try JSONSerialization.jsonObject(with: Data(base64Encoded: base64) ?? Data()) as? [String: Any])
                let status = try #require(claims["credentialStatus"] as? [String: String])
                #expect(status == ["id": "http://127.0.0.1:8080/api/v1/credentials/revocations", "type": "1EdTechRevocationList"])
                let listed = try await app.testing().sendRequest(.GET, "/api/v1/credentials/revocations").body.string
                #expect(listed.contains(credentialID) && listed.contains("Suspended by the register"))
                let found = try await app.testing().sendRequest(.GET, "/api/v1/register?q=jong")
                #expect(found.body.string.contains("\"status\":\"suspended\""))

                // The officer lifts the suspension, with a reason: valid again, in the register too.
                let page = "/office/certificates/\(certificate.id!.uuidString)"
                #expect(try await officer.get("/office/certificates").body.string.contains("href=\"\(page)\""))
                #expect(try await officer.get(page).body.string.contains("Onderzoek loopt nog."))
                let noReason = try await officer.submit(page, to: page + "/reinstate", form: ["reason": " "])
                #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("href=\"#reason\""))
                let lifted = try await officer.submit(page, to: page + "/reinstate", form: ["reason": "De klacht is na bezwaar ongegrond."])
                #expect(lifted.status == .seeOther)
                #expect(try await officer.get(page).body.string.contains("De schorsing is opgeheven."))
                #expect(try await verify(app, try await certificate.credential(on: app.db))["result"] as? String == "valid")
                let again = try await app.testing().sendRequest(.GET, "/api/v1/register?q=jong")
                #expect(again.body.string.contains("\"status\":\"valid\""))
                #expect(try await app.auditActions().contains("certificate.reinstated"))
                #expect(!(try await app.testing().sendRequest(.GET, "/api/v1/credentials/revocations")).body.string.contains(credentialID),
                        "a lifted suspension leaves the revocation list")
                #expect(try await officer.submit(page, to: page + "/reinstate", form: ["reason": "Nog eens"]).status == .conflict, "only a suspension is lifted")
                #expect(try await officer.get("/office/certificates/\(UUID().uuidString)").status == .notFound)
            }
        }

        @Test func aRevocationIsFinal() {
            #expect(!CertificateStanding.revoked.canBecome(.active) && !CertificateStanding.revoked.canBecome(.suspended))
            #expect(CertificateStanding.suspended.canBecome(.active) && CertificateStanding.suspended.canBecome(.revoked))
            #expect(!CertificateStanding.active.canBecome(.active))
        }

        @Test func rotatedKeysStillVerifyOldCredentials() async throws {
            try await withApp { app async throws in
                let (_, _, certificate, _) = try await certifiedCoach(app)
                let store = IssuerKeyStore(dataDirectory: app.configuration.dataDirectory)
                let newKid = try store.rotate(now: app.clock.now().addingTimeInterval(1))
                await app.credentials.reload()
                let jwks = try await app.testing().sendRequest(.GET, "/.well-known/jwks.json")
                #expect(jwks.body.string.contains(newKid) && jwks.body.string.contains(certificate.keyID))
                #expect(try await verify(app, try await certificate.credential(on: app.db))["result"] as? String == "valid")
                #expect(try await app.credentials.issuer().currentKeyID == newKid)
            }
        }

        @Test func theDecisionChecksEligibilityAgainOnTheDayAndCannotCertifyWhoStoppedWorking() async throws {
            try await withApp { app async throws in
                let (coach, browser, officer, (a, first), (b, second), id) = try await applied(app)
                try await app.assessBoth(id, first: first, second: second, officer: officer, firstAssessor: a, secondAssessor: b)
                #expect(try await CertificationApplication.find(id, on: app.db)?.eligible == true, "eligible at submission")
                // After submitting, the coach stops working as a job coach.
                let period = try #require(try await PortfolioExperience.query(on: app.db).first())
                period.endedOn = app.today.adding(days: -1).description
                try await period.update(on: app.db)

                let page = try await officer.get("/office/applications/\(id)").body.string
                #expect(page.contains("Automatische controle bij het indienen") && page.contains("Controle op de dag van het besluit"))
                #expect(page.contains("Certificeren kan nu niet."))
                let refused = try await officer.submit("/office/applications/\(id)", to: "/office/applications/\(id)/decision",
                                                       form: ["decision": "certified"])
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains("href=\"#decision-certified\"") && refused.body.string.contains("haalt de toelatingseisen vandaag niet"))
                #expect(try await CertificationApplication.find(id, on: app.db)?.status == .readyForDecision)
                #expect(try await Certificate.query(on: app.db).count() == 0)
                let noReason = try await officer.submit("/office/applications/\(id)", to: "/office/applications/\(id)/decision",
                                                        form: ["decision": "not-certified", "reasons": ""])
                #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("href=\"#reasons\""))
                let refusedForGood = try await officer.submit("/office/applications/\(id)", to: "/office/applications/\(id)/decision",
                                                              form: ["decision": "not-certified", "reasons": "Werkt niet meer als jobcoach."])
                #expect(refusedForGood.status == .seeOther)
                let decided = try #require(try await AuditEventRow.query(on: app.db).filter(\.$action == "application.decided").first())
                #expect(decided.details.contains("\"eligibleAtSubmission\":\"true\"") && decided.details.contains("\"eligibleOnDecisionDay\":\"false\""))
            }
        }

        @Test func moreInformationReopensTheSameAssessors() async throws {
            try await withApp { app async throws in
                let (coach, browser, officer, (a, first), (b, second), id) = try await applied(app)
                try await app.assessBoth(id, first: first, second: second, officer: officer, firstAssessor: a, secondAssessor: b)
                try await officer.submit("/office/applications/\(id)", to: "/office/applications/\(id)/decision",
                                         form: ["decision": "more-information-needed", "reasons": "Voeg het diploma toe."])
                let page = try await browser.get("/applications/\(id)")
                #expect(page.body.string.contains("Voeg het diploma toe."))
                try await browser.submit("/applications/\(id)", to: "/applications/\(id)/resubmit", form: [:])
                #expect(try await CertificationApplication.find(id, on: app.db)?.status == .inAssessment)
                #expect(try await AssessorAssignment.query(on: app.db).filter(\.$application.$id == id).filter(\.$submittedAt == nil).count() == 2)
                let withdrawn = try await browser.submit("/applications/\(id)", to: "/applications/\(id)/withdraw", form: [:])
                #expect(withdrawn.status == .seeOther)
                #expect(try await CertificationApplication.find(id, on: app.db)?.status == .withdrawn)
            }
        }

        @Test func theRecheckFindsWhoNoLongerMeetsAnOlderVersion() async throws {
            try await withApp { app async throws in
                let (_, _, certificate, officer) = try await certifiedCoach(app, diploma: ("Sara Werkt", "2023-03-01"))
                let page = try await officer.get("/office/recheck?version=register-jobcoach@2021")
                #expect(page.body.string.contains(certificate.registrationNumber))
                let csv = try await officer.get("/office/recheck?version=register-jobcoach@2021&format=csv")
                #expect(csv.headers.contentType?.subType == "csv")
                let lines = csv.body.string.split(separator: "\r\n")
                #expect(lines.first == "registration_number,name,certificate,reasons")
                #expect(lines.count == 2 && lines[1].hasPrefix(certificate.registrationNumber))
                let current = try await officer.get("/office/recheck?version=register-jobcoach@2023&format=csv")
                #expect(current.body.string.split(separator: "\r\n").count == 1, "nobody fails the version they were certified under")
                #expect(try await app.auditActions().contains("register.rechecked"))
            }
        }

        @Test func permanentEducationCountsTowardsRecertification() async throws {
            try await withApp { app async throws in
                let (_, browser, _, _) = try await certifiedCoach(app)
                let future = try await browser.submit("/cpd", form: ["title": "Cursus", "category": "cpd-training", "hours": "10", "completedOn": "2999-01-01"])
                #expect(future.status == .unprocessableEntity)
                #expect(future.body.string.contains("href=\"#completedOn\""))
                let today = CalendarDate(app.clock.now(), in: app.configuration.timeZone).description
                try await browser.submit("/cpd", form: ["title": "Verdieping", "category": "cpd-training", "hours": "85", "completedOn": today])
                try await browser.submit("/cpd", form: ["title": "Intervisie", "category": "cpd-intervision", "points": "30", "completedOn": today])
                let page = try await browser.get("/cpd")
                #expect(page.body.string.contains("105 van 100 punten"))
                #expect(page.body.string.contains("tellen samen voor hoogstens 20 punten"))
            }
        }

        @Test func aCPDShortfallBlocksRecertificationAtSubmissionAndOnTheDecisionDay() async throws {
            try await withApp { app async throws in
                let (coach, browser, certificate, officer) = try await certifiedCoach(app)
                let today = CalendarDate(app.clock.now(), in: app.configuration.timeZone).description
                try await browser.submit("/cpd", form: ["title": "Verdieping", "category": "cpd-training", "hours": "42", "completedOn": today])
                try await browser.submit("/cpd", form: ["title": "Intervisie", "category": "cpd-intervision", "points": "30", "completedOn": today])
                // The period is the certificate's validity: 62 of 100 points, intervision capped at 20.
                let cpdPage = try await browser.get("/cpd").body.string
                #expect(cpdPage.contains("tijdens de geldigheid van uw certificaat"))
                let refused = try await browser.submit("/portfolio", to: "/applications", form: ["framework": "register-jobcoach"])
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains("62 van 100 punten sinds"))
                #expect(refused.body.string.contains("nog 38 te gaan; uit intervisie en vakliteratuur samen tellen ten hoogste 20 punten (30 opgegeven)"))
                #expect(try await CertificationApplication.query(on: app.db).filter(\.$applicant.$id == coach.id!).count() == 1, "nothing written")

                try await browser.submit("/cpd", form: ["title": "Jobcarving", "category": "cpd-training", "hours": "60", "completedOn": today])
                #expect(try await browser.submit("/portfolio", to: "/applications", form: ["framework": "register-jobcoach"]).status == .seeOther)
                let renewal = try await app.latestApplication(of: coach)
                #expect(renewal.kind == "recertification" && renewal.previousCertificateID == certificate.id)
                let id = try renewal.requireID()

                // The development plan goes to the assessors and the officer.
                let (a, first) = try await app.signedIn("renewal-a@example.org", role: .assessor)
                let (b, second) = try await app.signedIn("renewal-b@example.org", role: .assessor)
                try await app.assessBoth(id, first: first, second: second, officer: officer, firstAssessor: a, secondAssessor: b)
                let assignment = try await AssessorAssignment.query(on: app.db).filter(\.$assessor.$id == a.id!).first()!
                #expect(try await first.get("/assessments/\(assignment.id!)").body.string.contains("Meer leren over jobcarving."))
                let officePage = try await officer.get("/office/applications/\(id)").body.string
                #expect(officePage.contains("Meer leren over jobcarving.") && officePage.contains("Permanente educatie op de dag van het besluit"))

                // The coach removes the course before the decision: certifying is refused, with the explanation.
                let course = try #require(try await CPDActivityRow.query(on: app.db).filter(\.$title == "Jobcarving").first())
                try await browser.submit("/cpd", to: "/cpd/\(course.id!.uuidString)/delete", form: [:])
                let blocked = try await officer.submit("/office/applications/\(id)", to: "/office/applications/\(id)/decision",
                                                       form: ["decision": "certified"])
                #expect(blocked.status == .unprocessableEntity)
                #expect(blocked.body.string.contains("href=\"#decision-certified\""))
                #expect(blocked.body.string.contains("de permanente educatie haalt de regel vandaag niet. 62 van 100 punten"))
                #expect(try await CertificationApplication.find(id, on: app.db)?.status == .readyForDecision)
                try await officer.submit("/office/applications/\(id)", to: "/office/applications/\(id)/decision",
                                         form: ["decision": "not-certified", "reasons": "Te weinig permanente educatie."])
                let decided = try await AuditEventRow.query(on: app.db).filter(\.$action == "application.decided").sort(\.$id).all().last
                #expect(decided?.details.contains("\"cpdMetOnDecisionDay\":\"false\"") == true)
            }
        }

        @Test func evidenceIsCheckedByItsBytesAndSize() {
            #expect(EvidenceUpload.contentType(of: samplePDF) == .success("application/pdf"))
            #expect(EvidenceUpload.contentType(of: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])) == .success("image/png"))
            #expect(EvidenceUpload.contentType(of: Data([0xFF, 0xD8, 0xFF, 0xE0])) == .success("image/jpeg"))
            #expect(EvidenceUpload.contentType(of: Data("<html>".utf8)) == .failure(FormProblemKey("evidenceType")))
            #expect(EvidenceUpload.contentType(of: Data()) == .failure(FormProblemKey("evidenceEmpty")))
            var large = samplePDF
            large.append(Data(count: EvidenceUpload.maximumBytes))
            #expect(EvidenceUpload.contentType(of: large) == .failure(FormProblemKey("evidenceTooLarge")))
            #expect(EvidenceUpload.safeName("../../etc/passwd\"x.pdf") == "passwdx.pdf")
        }

        @Test func aBadEvidenceFileIsRefusedAndNothingIsWritten() async throws {
            try await withApp { app async throws in
                let (_, browser) = try await app.signedIn("coach@example.org", role: .jobCoach)
                let response = try await browser.submitMultipart("/portfolio", to: "/portfolio/diplomas", form: ["diplomas-provider": "Capabel", "diplomas-date": "2016-05-01"],
                                                                 file: ("script.html", "text/html", Data("<script>alert(1)</script>".utf8)))
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("href=\"#diplomas-evidence\""))
                #expect(try await PortfolioDiploma.query(on: app.db).count() == 0)
                #expect(try await EvidenceFile.query(on: app.db).count() == 0)
            }
        }
    }
}
