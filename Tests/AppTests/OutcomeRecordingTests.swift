@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// What the outcome measures read, recorded along the way: the factors at intake, the job a
    /// placement opens and its end, and a follow-up check that finds the client out of work.
    @Suite struct OutcomeRecordingTests {
        static let factors: [String: String] = [
            "targetGroup.autism": "yes", "targetGroup.mental-health": "yes", "supportNeed": "medium", "monthsOutOfWork": "18",
            "employedAtIntake": "no", "workExperience": "yes", "paymentGroup": "Doelgroep 2",
        ]

        @Test func theIntakeStoresItsFactorsAndNamesABadNumber() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                // Born on 1 December 1990: on the intake of 1 November 2026 she is 35, not yet 36.
                let path = try await browser.newClient("Sanne Bakker", extra: ["dateOfBirth": "1990-12-01"])
                let form = try await browser.get(path + "/intake").body.string
                #expect(form.contains("name=\"targetGroup.autism\""))
                #expect(form.contains("id=\"monthsOutOfWork\""))
                #expect(form.contains("id=\"supportNeed\""))

                for bad in ["-3", "abc", "2.5", "601"] {
                    let refused = try await browser.submit(path + "/intake", form: TestBrowser.intake.merging(Self.factors) { $1 }
                        .merging(["monthsOutOfWork": bad]) { $1 })
                    #expect(refused.status == .unprocessableEntity, "\(bad)")
                    #expect(refused.body.string.contains("href=\"#monthsOutOfWork\""), "\(bad)")
                    #expect(refused.body.string.contains("Vul een heel aantal maanden in"), "\(bad)")
                }
                let longGroup = try await browser.submit(path + "/intake", form: TestBrowser.intake.merging(Self.factors) { $1 }
                    .merging(["paymentGroup": String(repeating: "x", count: 41), "supportNeed": "enormous"]) { $1 })
                #expect(longGroup.status == .unprocessableEntity)
                #expect(longGroup.body.string.contains("href=\"#paymentGroup\""))
                #expect(longGroup.body.string.contains("href=\"#supportNeed\""))
                #expect(try await Intake.query(on: app.db).count() == 0)
                #expect(try await IntakeFactorsRow.query(on: app.db).count() == 0)

                let saved = try await browser.submit(path + "/intake", form: TestBrowser.intake.merging(Self.factors) { $1 })
                #expect(saved.status == .seeOther)
                let client = try await app.clientRecord(named: "Sanne Bakker")
                let trajectory = try await app.trajectory(of: client)
                let row = try #require(try await IntakeFactorsRow.query(on: app.db).first())
                #expect(row.$trajectory.id == trajectory.id && row.organisationID == agency.id)
                #expect(row.groups == [.autism, .mentalHealth])
                #expect(row.targetGroups == "autism mental-health")
                #expect(row.need == .medium)
                #expect(row.monthsOutOfWork == 18)
                #expect(row.employedAtIntake == false)
                #expect(row.workExperience == true)
                #expect(row.ageAtIntake == 35)
                #expect(row.paymentGroup == "Doelgroep 2")

                // Shown again from the row; saved again, the same row is updated.
                let shown = try await browser.get(path + "/intake").body.string
                #expect(shown.contains("name=\"targetGroup.autism\" value=\"yes\" checked"))
                #expect(!shown.contains("name=\"targetGroup.other\" value=\"yes\" checked"))
                #expect(shown.contains("value=\"18\""))
                #expect(shown.contains("<option value=\"medium\" selected>"))
                #expect(shown.contains("Doelgroep 2"))
                let changed = try await browser.submit(path + "/intake", form: TestBrowser.intake.merging(Self.factors) { $1 }
                    .merging(["targetGroup.mental-health": "", "supportNeed": "", "employedAtIntake": "yes", "workExperience": ""]) { $1 })
                #expect(changed.status == .seeOther)
                #expect(try await IntakeFactorsRow.query(on: app.db).count() == 1)
                let updated = try #require(try await IntakeFactorsRow.query(on: app.db).first())
                #expect(updated.groups == [.autism] && updated.need == nil && updated.employedAtIntake && updated.workExperience == nil)

                // An intake without the factors (and a client without a date of birth) stores them as not known.
                let other = try await browser.newClient("Daan Jansen")
                #expect(try await browser.submit(other + "/intake", form: TestBrowser.intake).status == .seeOther)
                let daan = try await app.trajectory(of: try await app.clientRecord(named: "Daan Jansen"))
                let plain = try #require(try await IntakeFactorsRow.query(on: app.db).filter(\.$trajectory.$id == daan.id!).first())
                #expect(plain.targetGroups == "" && plain.supportNeed == nil && plain.monthsOutOfWork == nil)
                #expect(!plain.employedAtIntake && plain.workExperience == nil && plain.ageAtIntake == nil && plain.paymentGroup == "")
            }
        }

        @Test func wholeYearsCountAnAgeOnItsBirthday() {
            func years(_ from: String, _ to: String) -> Int? {
                guard let start = CalendarDate(from), let end = CalendarDate(to) else { return nil }
                return CalendarDate.wholeYears(from: start, to: end)
            }
            #expect(years("1990-12-01", "2026-11-30") == 35)
            #expect(years("1990-12-01", "2026-12-01") == 36)
            #expect(years("2004-02-29", "2025-02-28") == 20)
            #expect(years("2004-02-29", "2025-03-01") == 21)
            #expect(years("1990-12-01", "1990-12-01") == 0)
            #expect(years("2026-12-01", "1990-12-01") == -36)
        }

        @Test func aPlacementOpensAJobAndItsEndClosesIt() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let workplacePath = try await browser.newWorkplace(employer: "Bakkerij Korenaar", form: MatchingFlowTests.packer)
                let workplaceID = String(workplacePath.split(separator: "/").last!)
                let path = try await browser.newClient("Sanne Bakker")
                try await browser.submit(path + "/intake", form: TestBrowser.intake)
                try await browser.move(path, to: .employeeProfile)
                try await browser.submit(path + "/profile", form: TestBrowser.agreedProfile)
                try await browser.move(path, to: .workplaceProfile)
                try await browser.move(path, to: .matching)
                let decided = try await browser.submit(path + "/matching", to: path + "/decisions", form: [
                    "workplace": workplaceID, "decision": "match",
                    "forCommissioner": "Quiet work with fixed tasks fits the profile.", "forEmployer": "Sanne works precisely.",
                ])
                #expect(decided.status == .seeOther)
                let matching = try await browser.get(path + "/matching").body.string
                #expect(matching.contains("id=\"hourlyWage\"") && matching.contains("id=\"jobKind\""))
                #expect(matching.contains("<option value=\"regular\" selected>"), "a regular job unless said otherwise")

                let start: [String: String] = ["action": "start", "workplace": workplaceID, "startOn": "2026-11-20", "hoursPerWeek": "16",
                                               "contract": "permanent"]
                let tooMuch = try await browser.submit(path + "/matching", to: path + "/placement",
                                                       form: start.merging(["hourlyWage": "2000"]) { $1 })
                #expect(tooMuch.status == .unprocessableEntity)
                #expect(tooMuch.body.string.contains("href=\"#hourlyWage\""))
                let badKind = try await browser.submit(path + "/matching", to: path + "/placement",
                                                       form: start.merging(["jobKind": "imaginary"]) { $1 })
                #expect(badKind.status == .unprocessableEntity)
                #expect(badKind.body.string.contains("href=\"#jobKind\""))
                #expect(try await JobSpell.query(on: app.db).count() == 0)
                #expect(try await Placement.query(on: app.db).count() == 0)

                let placed = try await browser.submit(path + "/matching", to: path + "/placement",
                                                      form: start.merging(["hourlyWage": "14,40"]) { $1 })
                #expect(placed.status == .seeOther)
                let placement = try #require(try await Placement.query(on: app.db).first())
                let spell = try #require(try await JobSpell.query(on: app.db).first())
                let trajectory = try await app.trajectory(of: try await app.clientRecord(named: "Sanne Bakker"))
                #expect(spell.$trajectory.id == trajectory.id && spell.organisationID == agency.id)
                #expect(spell.placementID == placement.id)
                #expect(spell.regular, "no jobKind posted: a regular job")
                #expect(spell.hourlyWage == 14.4)
                #expect(spell.employerName == "Bakkerij Korenaar" && spell.employerID != nil)
                #expect(spell.jobTitle == "Inpakker")
                #expect(spell.startOn == "2026-11-20" && spell.endOn == nil)
                #expect(spell.hoursPerWeek == 16 && spell.contract == ContractKind.permanent.rawValue)

                let ended = try await browser.submit(path + "/matching", to: path + "/placement", form: [
                    "action": "end", "endedOn": "2026-11-27", "endReason": "The trial did not work out.",
                ])
                #expect(ended.status == .seeOther)
                let closed = try #require(try await JobSpell.find(spell.id, on: app.db))
                #expect(closed.endOn == "2026-11-27")
                #expect(closed.endReason == "The trial did not work out.")
                #expect(try await JobSpell.query(on: app.db).count() == 1)
            }
        }

        @Test func aShelteredPlacementOpensAJobThatIsNotRegular() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let workplacePath = try await browser.newWorkplace(employer: "Sociale Werkplaats Lekdal", form: MatchingFlowTests.packer)
                let workplaceID = String(workplacePath.split(separator: "/").last!)
                let path = try await browser.newClient("Daan Jansen")
                try await browser.submit(path + "/intake", form: TestBrowser.intake)
                try await browser.submit(path + "/profile", form: TestBrowser.agreedProfile)
                try await browser.submit(path + "/matching", to: path + "/decisions", form: [
                    "workplace": workplaceID, "decision": "match", "forCommissioner": "Fits.", "forEmployer": "Fits.",
                ])
                let placed = try await browser.submit(path + "/matching", to: path + "/placement", form: [
                    "action": "start", "workplace": workplaceID, "startOn": "2026-11-20", "hoursPerWeek": "12", "contract": "fixed-term",
                    "jobKind": "sheltered",
                ])
                #expect(placed.status == .seeOther)
                let spell = try #require(try await JobSpell.query(on: app.db).first())
                #expect(!spell.regular && spell.hourlyWage == nil)
            }
        }

        @Test func aFollowUpThatFindsTheClientOutOfWorkClosesTheOpenJobs() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, browser) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (path, client) = try await app.placedClient("Sanne Bakker", browser: browser, employer: "Bakkerij Korenaar")
                let trajectory = try await app.trajectory(of: client)
                let placement = try #require(try await Placement.query(on: app.db).first())
                // `placedClient` writes the placement directly, so its job is written here too; and a
                // second job that starts after the check, which is never closed before its start.
                func openJob(startOn: String, placementID: UUID?) async throws -> JobSpell {
                    let spell = JobSpell()
                    spell.organisationID = agency.id
                    spell.$trajectory.id = trajectory.id!
                    spell.placementID = placementID
                    spell.employerName = "Bakkerij Korenaar"
                    spell.jobTitle = "Inpakker"
                    spell.startOn = startOn
                    spell.hoursPerWeek = 16
                    spell.contract = ContractKind.fixedTerm.rawValue
                    spell.regular = true
                    spell.endReason = ""
                    try await spell.create(on: app.db)
                    return spell
                }
                let first = try await openJob(startOn: placement.startOn, placementID: placement.id)
                let later = try await openJob(startOn: app.today.adding(days: 5).description, placementID: nil)

                // Still employed with hours: the jobs stay open.
                let employed = try await browser.submit(path + "/closing", to: path + "/follow-ups", form: [
                    "followUpMonths": "3", "followUpHeldOn": app.today.description, "followUpEmployed": "yes",
                    "followUpHours": "16", "followUpSameEmployer": "yes", "followUpSupportNeeded": "no",
                ])
                #expect(employed.status == .seeOther)
                #expect(try await JobSpell.query(on: app.db).filter(\.$endOn == nil).count() == 2)

                let notEmployed = try await browser.submit(path + "/closing", to: path + "/follow-ups", form: [
                    "followUpMonths": "6", "followUpHeldOn": app.today.description, "followUpEmployed": "no",
                    "followUpSameEmployer": "no", "followUpSupportNeeded": "yes",
                ])
                #expect(notEmployed.status == .seeOther)
                let closedFirst = try #require(try await JobSpell.find(first.id, on: app.db))
                #expect(closedFirst.endOn == app.today.description)
                #expect(closedFirst.endReason == ClosingController.noLongerEmployedReason)
                let closedLater = try #require(try await JobSpell.find(later.id, on: app.db))
                #expect(closedLater.endOn == later.startOn, "never before the job's start")
                #expect(try await FollowUpCheck.query(on: app.db).count() == 2)
                #expect(try await app.auditActions().filter { $0 == "follow-up.recorded" }.count == 2)
            }
        }
    }
}
