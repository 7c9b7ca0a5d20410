@testable import App
import Fluent
import Foundation
import JobcoachCore
import Vapor
import VaporTesting

extension Application {
    /// A client of `browser`'s coach with intake and profile through the forms, then placed in a new
    /// workplace (rows written directly: the matching flow has its own tests) and moved on the job.
    func placedClient(_ name: String, browser: TestBrowser, employer: String, extra: [String: String] = [:],
                      intake: [String: String] = [:], profile: [String: String] = [:]) async throws -> (path: String, client: App.Client) {
        let workplacePath = try await browser.newWorkplace(employer: employer, form: [
            "title": "Inpakker", "occupation": "hand packer", "hoursMin": "12", "hoursMax": "20", "requiredSkills": "inpakken",
        ])
        let path = try await browser.newClient(name, extra: extra)
        try await browser.submit(path + "/intake", form: TestBrowser.intake.merging(intake) { $1 })
        try await browser.submit(path + "/profile", form: TestBrowser.agreedProfile.merging(profile) { $1 })
        let client = try await clientRecord(named: name)
        let trajectory = try await self.trajectory(of: client)
        let workplaceID = UUID(uuidString: String(workplacePath.split(separator: "/").last!))!
        let placement = Placement()
        placement.organisationID = client.organisationID
        placement.$trajectory.id = trajectory.id!
        placement.$workplace.id = workplaceID
        placement.startOn = CalendarDate(clock.now(), in: configuration.timeZone).adding(days: -30).description
        placement.hoursPerWeek = 16
        placement.contract = ContractKind.fixedTerm.rawValue
        placement.agreements = ""
        placement.endReason = ""
        try await placement.create(on: db)
        trajectory.phase = .onTheJob
        try await trajectory.update(on: db)
        return (path, client)
    }

    var today: CalendarDate { CalendarDate(clock.now(), in: configuration.timeZone) }
}

extension TestBrowser {
    static func goal(_ today: CalendarDate, what: String = "Zelfstandig de werkdag beginnen") -> [String: String] {
        ["goalWhat": what, "goalWhy": "Zodat zij het werk volhoudt", "goalTarget": "5", "goalUnit": "dagen per week",
         "goalDueOn": today.adding(months: 3).description, "goalSteps": "Samen oefenen\nZelf doen", "goalAgreed": "yes"]
    }
}
