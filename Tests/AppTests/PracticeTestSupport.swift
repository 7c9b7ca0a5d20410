@testable import App
import Fluent
import Foundation
import JobcoachCore
import Vapor
import VaporTesting

/// An agency with two teams, set up directly, and people signed in to it.
struct TestAgency {
    let organisation: Organisation
    let north: Team
    let south: Team

    var id: UUID { organisation.id! }
}

extension Application {
    func makeAgency(name: String = "Werkpad Test") async throws -> TestAgency {
        let organisation = Organisation(name: name, processFramework: ProcessFramework.defaultID)
        try await organisation.create(on: db)
        let north = Team(organisationID: organisation.id!, name: "Noord")
        let south = Team(organisationID: organisation.id!, name: "Zuid")
        try await north.create(on: db)
        try await south.create(on: db)
        return TestAgency(organisation: organisation, north: north, south: south)
    }

    /// A job coach or team lead of an agency's team, signed in.
    func member(_ email: String, role: Role = .jobCoach, of agency: TestAgency, team: Team?) async throws -> (User, TestBrowser) {
        let (user, browser) = try await signedIn(email, role: role)
        try await Membership(userID: user.id!, organisationID: agency.id, teamID: team?.id).create(on: db)
        return (user, browser)
    }

    func clientRecord(named name: String) async throws -> App.Client {
        try await App.Client.query(on: db).filter(\.$name == name).first()!
    }

    func trajectory(of client: App.Client) async throws -> Trajectory {
        try await Trajectory.query(on: db).filter(\.$client.$id == client.id!).filter(\.$isCurrent == true).first()!
    }
}

extension TestBrowser {
    /// Takes on a client through the form; returns the client's page path.
    @discardableResult
    func newClient(_ name: String, extra: [String: String] = [:]) async throws -> String {
        let response = try await submit("/clients/new", to: "/clients", form: ["name": name, "place": "Utrecht"].merging(extra) { $1 })
        guard response.status == .seeOther, let location = response.location else {
            throw Abort(.internalServerError, reason: "client not created: \(response.status) \(response.body.string.prefix(500))")
        }
        return location
    }

    static let intake: [String: String] = [
        "heldOn": "2026-11-01", "reason": "Referred by the benefits agency", "question": "Find paid work that lasts",
        "motivation": "Wants an income of her own", "codeOfConduct": "yes",
    ]

    static let agreedProfile: [String: String] = [
        "skills": "inpakken\nhygiëne", "goals": "A paid job of at least 12 hours within six months",
        "planOfApproach": "Visit workplaces together, trial days, then placement with support", "agreedOn": "2026-11-10",
        "desiredOccupations": "hand packer\n9412", "hoursMin": "12", "hoursMax": "24", "homePlace": "Utrecht", "maxTravelKm": "15",
        "need.quiet-environment": "yes", "need.fixed-routine": "yes", "cannot.night-shifts": "yes", "cannot.heavy-lifting": "yes",
    ]

    @discardableResult
    func move(_ clientPath: String, to phase: TrajectoryPhase, reason: String = "") async throws -> TestingHTTPResponse {
        try await submit(clientPath, to: clientPath + "/move", form: ["to": phase.rawValue, "reason": reason])
    }

    /// Adds an employer with one workplace through the forms; returns the workplace's path.
    @discardableResult
    func newWorkplace(employer: String, place: String = "Utrecht", form: [String: String]) async throws -> String {
        let created = try await submit("/employers", form: ["name": employer, "sector": "Retail", "place": place])
        guard let employerPath = created.location else { throw Abort(.internalServerError, reason: "employer not created: \(created.status)") }
        let response = try await submit(employerPath + "/workplaces/new", to: employerPath + "/workplaces",
                                        form: ["source": "interview", "status": "open", "place": place].merging(form) { $1 })
        guard response.status == .seeOther, let location = response.location else {
            throw Abort(.internalServerError, reason: "workplace not created: \(response.status) \(response.body.string.prefix(800))")
        }
        return location
    }
}
