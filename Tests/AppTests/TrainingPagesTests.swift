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
                #expect(try await AuditEventRow.query(on: app.db).filter(\.$action == "register.recognition-added").count() == 1)

                for role in [Role.jobCoach, .trainer, .assessor] {
                    let (_, other) = try await app.signedIn("\(role.rawValue)-r@example.org", role: role)
                    #expect(try await other.get("/office/recognitions").status == .forbidden, "\(role)")
                }
            }
        }
    }
}

extension AppTests {
    /// A provider's trainer runs a cohort: trainees, attendance, results and a diploma that land in the
    /// trainee's portfolio as the provider's; accredited activities whose attendance lists credit CPD
    /// points once; and nobody else's cohorts.
    @Suite struct TrainingFlowTests {
        struct Setting {
            let provider: Organisation
            let trainer: TestBrowser
            let trainerUser: User
            let coach: User
            let coachBrowser: TestBrowser
        }

        func setting(_ app: Application) async throws -> Setting {
            let provider = Organisation(name: "Opleidingshuis Test", processFramework: "register-jobcoach", kind: .trainingProvider)
            try await provider.create(on: app.db)
            let (trainerUser, trainer) = try await app.signedIn("trainer@example.org", role: .trainer)
            try await Membership(userID: trainerUser.id!, organisationID: provider.id!, teamID: nil).create(on: app.db)
            let (coach, coachBrowser) = try await app.signedIn("trainee@example.org", role: .jobCoach)
            return Setting(provider: provider, trainer: trainer, trainerUser: trainerUser, coach: coach, coachBrowser: coachBrowser)
        }

        func certify(_ user: User, number: String, on app: Application) async throws {
            let certificate = Certificate()
            certificate.$holder.id = user.id!
            certificate.registrationNumber = number
            certificate.frameworkID = "register-jobcoach"
            certificate.frameworkVersion = "2023"
            certificate.holderName = user.displayName
            certificate.place = "Utrecht"
            certificate.validFrom = app.clock.now().addingTimeInterval(-86_400 * 30)
            certificate.validUntil = app.clock.now().addingTimeInterval(86_400 * 365)
            certificate.standing = .active
            certificate.keyID = "test"
            certificate.issuedAt = app.clock.now()
            try await certificate.create(on: app.db)
        }

        @Test func aCohortRunsFromEnrolmentToADiplomaInThePortfolio() async throws {
            try await withApp { app async throws in
                let setting = try await setting(app)
                let created = try await setting.trainer.submit("/training", to: "/training/cohorts", form: [
                    "programme": "pl-job-coach-minimum", "name": "Utrecht najaar", "region": "Utrecht", "startsOn": "2026-01-05", "endsOn": "2026-06-30",
                ])
                #expect(created.status == .seeOther)
                let cohort = try #require(try await Cohort.query(on: app.db).first())
                let cohortPath = "/training/cohorts/\(cohort.id!)"
                #expect(try await setting.trainer.get(cohortPath).status == .ok)

                // Enrolling names the field when there is no such account.
                let unknown = try await setting.trainer.submit(cohortPath, to: "\(cohortPath)/trainees", form: ["email": "nobody@example.org", "framework": "register-jobcoach"])
                #expect(unknown.status == .unprocessableEntity)
                #expect(unknown.body.string.contains("href=\"#email\""))
                #expect(try await setting.trainer.submit(cohortPath, to: "\(cohortPath)/trainees",
                                                         form: ["email": "trainee@example.org", "framework": "register-jobcoach"]).status == .seeOther)
                let enrolment = try #require(try await Enrolment.query(on: app.db).first())

                // A session with attendance.
                #expect(try await setting.trainer.submit(cohortPath, to: "\(cohortPath)/sessions", form: [
                    "module": "module-1", "heldOn": "2026-01-12", "hours": "3,5", "present.\(enrolment.id!)": "yes",
                ]).status == .seeOther)
                #expect(try await SessionAttendance.query(on: app.db).filter(\.$present == true).count() == 1)

                // A passed module lands as a confirmed course; the coach cannot remove it.
                let programme = try #require(app.standard.programmes.programme("pl-job-coach-minimum"))
                #expect(try await setting.trainer.submit(cohortPath, to: "\(cohortPath)/results", form: [
                    "enrolment": enrolment.id!.uuidString, "resultModule": "module-1", "result": "passed", "decidedOn": "2026-01-20", "note": "",
                ]).status == .seeOther)
                let course = try #require(try await PortfolioCourse.query(on: app.db).first())
                #expect(course.confirmedBy == setting.provider.id)
                #expect(course.hours == programme.modules[0].hours)
                let portfolio = try await setting.coachBrowser.get("/portfolio?lang=en").body.string
                #expect(portfolio.contains("confirmed by provider"))
                #expect(try await setting.coachBrowser.submit("/portfolio", to: "/portfolio/courses/\(course.id!)/delete", form: [:]).status == .notFound)
                #expect(try await PortfolioCourse.query(on: app.db).count() == 1)

                // The same result again does not land twice; "not yet" takes it back.
                _ = try await setting.trainer.submit(cohortPath, to: "\(cohortPath)/results", form: [
                    "enrolment": enrolment.id!.uuidString, "resultModule": "module-1", "result": "passed", "decidedOn": "2026-01-21", "note": "",
                ])
                #expect(try await PortfolioCourse.query(on: app.db).count() == 1)

                // No diploma before every module is passed.
                let early = try await setting.trainer.submit(cohortPath, to: "\(cohortPath)/diplomas", form: [
                    "diplomaEnrolment": enrolment.id!.uuidString, "completedOn": "2026-06-30"])
                #expect(early.status == .unprocessableEntity)
                #expect(try await PortfolioDiploma.query(on: app.db).count() == 0)
                for module in programme.modules.dropFirst() {
                    _ = try await setting.trainer.submit(cohortPath, to: "\(cohortPath)/results", form: [
                        "enrolment": enrolment.id!.uuidString, "resultModule": module.id, "result": "passed", "decidedOn": "2026-06-01", "note": "",
                    ])
                }
                #expect(try await setting.trainer.submit(cohortPath, to: "\(cohortPath)/diplomas", form: [
                    "diplomaEnrolment": enrolment.id!.uuidString, "completedOn": "2026-06-30"]).status == .seeOther)
                let diploma = try #require(try await PortfolioDiploma.query(on: app.db).first())
                #expect(diploma.provider == "Opleidingshuis Test")
                #expect(diploma.confirmedBy == setting.provider.id)
                #expect(try await PortfolioCourse.query(on: app.db).count() == programme.modules.count)

                // The trainee's own page: hours, coverage and what eligibility still needs.
                let mine = try await setting.coachBrowser.get("/training/me?lang=en")
                #expect(mine.status == .ok)
                #expect(mine.body.string.contains("7 of 7 modules passed"))
                #expect(mine.body.string.contains("Not yet covered"))
                #expect(mine.body.string.contains("What you still need for"))

                // Another trainer, of another provider, reaches nothing; the attempt is audited.
                let other = Organisation(name: "Ander opleidingshuis", processFramework: "register-jobcoach", kind: .trainingProvider)
                try await other.create(on: app.db)
                let (otherUser, otherTrainer) = try await app.signedIn("other-trainer@example.org", role: .trainer)
                try await Membership(userID: otherUser.id!, organisationID: other.id!, teamID: nil).create(on: app.db)
                #expect(try await otherTrainer.get(cohortPath).status == .notFound)
                #expect(try await otherTrainer.get("/training/cohorts/\(UUID())").status == .notFound)
                #expect(try await AuditEventRow.query(on: app.db).filter(\.$action == "training.refused").count() >= 2)
                #expect(try await setting.coachBrowser.get(cohortPath).status == .forbidden)
                // A colleague at the same provider who is not a trainer of this cohort reaches nothing either.
                let (colleague, colleagueBrowser) = try await app.signedIn("colleague-trainer@example.org", role: .trainer)
                try await Membership(userID: colleague.id!, organisationID: setting.provider.id!, teamID: nil).create(on: app.db)
                #expect(try await colleagueBrowser.get(cohortPath).status == .notFound)
                #expect(try await colleagueBrowser.get("/training").body.string.contains(cohortPath) == false)

                // The administrator makes training providers as well as agencies.
                let (_, admin) = try await app.signedIn("admin-t@example.org", role: .admin)
                #expect(try await admin.submit("/admin/organisations", form: ["name": "Leerhuis", "framework": "register-jobcoach",
                                                                             "kind": "trainingProvider"]).status == .seeOther)
                #expect(try await Organisation.query(on: app.db).filter(\.$name == "Leerhuis").first()?.kind == .trainingProvider)
                #expect(try await admin.submit("/admin/organisations", form: ["name": "X", "framework": "register-jobcoach", "kind": "school"]).status
                        == .unprocessableEntity)
                let actions = try await app.auditActions()
                for action in ["training.cohort-created", "training.enrolled", "training.attendance-recorded", "training.result-recorded",
                               "training.diploma-awarded", "training.progress-viewed", "training.cohort-viewed"] {
                    #expect(actions.contains(action), "\(action)")
                }
            }
        }

        @Test func anAttendanceListCreditsCertifiedCoachesOnceAndNamesTheRest() async throws {
            try await withApp { app async throws in
                let setting = try await setting(app)
                try await certify(setting.coach, number: "RJ-2025-0042", on: app)
                let (second, _) = try await app.signedIn("second@example.org", role: .jobCoach)
                try await certify(second, number: "RJ-2025-0043", on: app)
                #expect(try await setting.trainer.submit("/training/activities", form: [
                    "title": "Intervisiedag", "category": "cpd-conference", "points": "6", "heldOn": "2026-03-10",
                ]).status == .seeOther)
                let activity = try #require(try await AccreditedActivity.query(on: app.db).first())
                let token = try await app.accounts.createToken(for: setting.trainerUser, name: "lms", actor: "test", on: app.db)
                func upload(_ csv: String, activity id: String? = nil) async throws -> TestingHTTPResponse {
                    var headers = HTTPHeaders()
                    headers.bearerAuthorization = BearerAuthorization(token: token)
                    headers.contentType = HTTPMediaType(type: "text", subType: "csv")
                    return try await app.testing().sendRequest(.POST, "/api/v1/training/attendance?activity=\(id ?? activity.id!.uuidString)",
                                                               headers: headers, body: ByteBuffer(string: csv))
                }
                let list = "registratienummer\nrj-2025-0042\n\nsecond@example.org\nRJ-2099-0001\nnot a person\nRJ-2025-0042\n"
                let first = try await upload(list)
                #expect(first.status == .ok)
                let report = try #require(try JSONSerialization.jsonObject(with: Data(first.body.string.utf8)) as? [String: Any])
                #expect(report["credited"] as? Int == 2)
                #expect(report["alreadyCredited"] as? Int == 1)
                #expect(report["unknown"] as? Int == 2)
                let lines = try #require(report["lines"] as? [[String: Any]])
                #expect(lines.map { $0["line"] as? Int } == [2, 4, 5, 6, 7])
                #expect(lines.map { $0["outcome"] as? String } == ["credited", "credited", "unknown", "unknown", "alreadyCredited"])
                #expect(try await CPDActivityRow.query(on: app.db).count() == 2)
                let row = try #require(try await CPDActivityRow.query(on: app.db).filter(\.$user.$id == setting.coach.id!).first())
                #expect(row.points == 6 && row.confirmedBy == setting.provider.id)

                // The same list again credits nobody twice; a file that cannot be read changes nothing.
                let again = try #require(try JSONSerialization.jsonObject(with: Data(try await upload(list).body.string.utf8)) as? [String: Any])
                #expect(again["credited"] as? Int == 0 && again["alreadyCredited"] as? Int == 3)
                #expect(try await upload("\n\n").status == .badRequest)
                #expect(try await upload(list, activity: UUID().uuidString).status == .notFound)
                #expect(try await CPDActivityRow.query(on: app.db).count() == 2)

                // The coach sees the points as the provider's, and cannot remove them.
                let cpd = try await setting.coachBrowser.get("/cpd?lang=en")
                #expect(cpd.body.string.contains("confirmed by provider"))
                #expect(try await setting.coachBrowser.submit("/cpd", to: "/cpd/\(row.id!)/delete", form: [:]).status == .notFound)

                // A coach's token cannot upload.
                let coachToken = try await app.accounts.createToken(for: setting.coach, name: "x", actor: "test", on: app.db)
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: coachToken)
                headers.replaceOrAdd(name: .contentType, value: "text/csv")
                #expect(try await app.testing().sendRequest(.POST, "/api/v1/training/attendance?activity=\(activity.id!)", headers: headers,
                                                            body: ByteBuffer(string: list)).status == .forbidden)
            }
        }

        @Test func aMentorLogsMeetingsTheMenteeReadsAndPeerGroupsCountAsIntervision() async throws {
            try await withApp { app async throws in
                let setting = try await setting(app)
                _ = try await setting.trainer.submit("/training", to: "/training/cohorts", form: [
                    "programme": "uk-job-coach-curriculum", "name": "Belfast", "region": "Noord", "startsOn": "2026-01-05", "endsOn": "2026-12-30",
                ])
                let cohort = try #require(try await Cohort.query(on: app.db).first())
                _ = try await setting.trainer.submit("/training/cohorts/\(cohort.id!)", to: "/training/cohorts/\(cohort.id!)/trainees",
                                                     form: ["email": "trainee@example.org", "framework": "register-jobcoach"])
                let (_, mentor) = try await app.signedIn("mentor@example.org", role: .jobCoach)
                let (_, stranger) = try await app.signedIn("stranger@example.org", role: .jobCoach)
                // Only a trainee of the trainer's cohorts gets a mentor from the trainer.
                let refused = try await setting.trainer.submit("/mentoring", form: ["mentee": "stranger@example.org", "mentor": "mentor@example.org"])
                #expect(refused.status == .unprocessableEntity)
                #expect(try await setting.trainer.submit("/mentoring", form: ["mentee": "trainee@example.org", "mentor": "mentor@example.org"]).status == .seeOther)
                let mentorship = try #require(try await Mentorship.query(on: app.db).first())
                #expect(try await mentor.submit("/mentoring", to: "/mentoring/meetings", form: [
                    "mentorship": mentorship.id!.uuidString, "heldOn": "2026-02-01", "topics": "Fading plan for a new placement", "nextSteps": "Draft the plan",
                ]).status == .seeOther)
                #expect(try await setting.coachBrowser.get("/mentoring?lang=en").body.string.contains("Fading plan for a new placement"))
                #expect(!(try await stranger.get("/mentoring").body.string.contains("Fading plan")))
                #expect(try await stranger.submit("/mentoring", to: "/mentoring/meetings", form: [
                    "mentorship": mentorship.id!.uuidString, "heldOn": "2026-02-01", "topics": "x", "nextSteps": "y"]).status == .unprocessableEntity)

                // A peer group across agencies; a meeting is intervision for those present.
                #expect(try await setting.coachBrowser.submit("/peer-groups", form: ["name": "Autisme Noord", "targetGroup": "autism", "region": "Groningen"]).status == .seeOther)
                let group = try #require(try await PeerGroup.query(on: app.db).first())
                let path = "/peer-groups/\(group.id!)"
                #expect(try await setting.coachBrowser.submit(path, to: "\(path)/members", form: ["email": "mentor@example.org", "region": "Utrecht"]).status == .seeOther)
                #expect(try await setting.coachBrowser.submit(path, to: "\(path)/members", form: ["email": "trainer@example.org", "region": "Utrecht"]).status == .unprocessableEntity)
                let members = try await PeerGroupMember.query(on: app.db).all()
                var form = ["heldOn": "2026-03-01", "hours": "2", "log": "Disclosure at work: when and how"]
                for member in members { form["attended.\(member.userID)"] = "yes" }
                #expect(try await mentor.submit(path, to: "\(path)/meetings", form: form).status == .seeOther)
                let intervision = try await CPDActivityRow.query(on: app.db).filter(\.$category == "cpd-intervision").all()
                #expect(intervision.count == 2 && intervision.allSatisfy { $0.hours == 2 })
                // An anonymised case summary of the coach's agency, shared with the group: members across agencies read it.
                let review = PeerReview()
                review.organisationID = try await app.makeAgency(name: "Werkpad").organisation.id!
                review.sharedBy = setting.coach.id!
                review.sharedAt = app.clock.now()
                review.question = "How far to fade when the employer is new to this?"
                review.summary = "A client in their thirties, 24 hours a week in logistics."
                try await review.create(on: app.db)
                #expect(try await mentor.submit(path, to: "\(path)/cases", form: ["review": review.id!.uuidString]).status == .unprocessableEntity)
                #expect(try await setting.coachBrowser.submit(path, to: "\(path)/cases", form: ["review": review.id!.uuidString]).status == .seeOther)
                #expect(try await mentor.get("\(path)?lang=en").body.string.contains("How far to fade when the employer is new to this?"))
                #expect(try await stranger.get(path).status == .notFound)
                #expect(try await AuditEventRow.query(on: app.db).filter(\.$action == "peer-group.refused").count() == 1)
                #expect(try await setting.trainer.get("/peer-groups").status == .forbidden)
            }
        }
    }
}
