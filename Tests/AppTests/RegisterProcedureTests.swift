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
                #expect(status.body.string.contains("\"status\":\"valid\""))
                let found = try await app.testing().sendRequest(.GET, "/api/v1/register?q=jong%20utrecht")
                #expect(found.body.string.contains(certificate.registrationNumber))
                #expect(!found.body.string.contains("coach@example.org"), "only public fields")

                let actions = try await app.auditActions()
                for action in ["portfolio.profile-updated", "portfolio.education-added", "application.submitted", "application.assessors-assigned",
                               "assessment.saved", "assessment.submitted", "application.ready-for-decision", "application.decided", "certificate.issued"] {
                    #expect(actions.contains(action), "\(action) in the audit trail")
                }
                #expect(try await AuditTrail.verify(on: app.db).break == nil)
            }
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
                                                                                     "receivedOn": "2025-01-01", "summary": "Afspraken niet nagekomen."])
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

        @Test func aSuspendedCertificateStaysListedAsSuspended() async throws {
            try await withApp { app async throws in
                let (_, _, certificate, officer) = try await certifiedCoach(app)
                let recorded = try await officer.submit("/office/complaints", form: ["registrationNumber": certificate.registrationNumber,
                                                                                     "receivedOn": "2025-01-01", "summary": "Onderzoek loopt."])
                try await officer.submit(recorded.location!, form: ["status": "upheld", "outcome": "suspend", "reason": "Onderzoek loopt nog."])
                #expect(try await verify(app, try await certificate.credential(on: app.db))["result"] as? String == "suspended")
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
                let (coach, browser) = try await app.signedIn("coach@example.org", role: .jobCoach)
                let (_, officer) = try await app.signedIn("officer@example.org", role: .registerOfficer)
                let (a, first) = try await app.signedIn("a@example.org", role: .assessor)
                let (b, second) = try await app.signedIn("b@example.org", role: .assessor)
                try await browser.fillEligiblePortfolio()
                try await browser.submit("/portfolio", to: "/applications", form: ["framework": "register-jobcoach"])
                let id = try await app.latestApplication(of: coach).requireID()
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
                let decided = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "application.decided").first())
                #expect(decided.details.contains("\"eligibleAtSubmission\":\"true\"") && decided.details.contains("\"eligibleOnDecisionDay\":\"false\""))
            }
        }

        @Test func moreInformationReopensTheSameAssessors() async throws {
            try await withApp { app async throws in
                let (coach, browser) = try await app.signedIn("coach@example.org", role: .jobCoach)
                let (_, officer) = try await app.signedIn("officer@example.org", role: .registerOfficer)
                let (a, first) = try await app.signedIn("a@example.org", role: .assessor)
                let (b, second) = try await app.signedIn("b@example.org", role: .assessor)
                try await browser.fillEligiblePortfolio()
                try await browser.submit("/portfolio", to: "/applications", form: ["framework": "register-jobcoach"])
                let id = try await app.latestApplication(of: coach).requireID()
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
