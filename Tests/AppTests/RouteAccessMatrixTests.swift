@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// Who reaches which practice record, for every registered route whose path takes a client,
    /// employer or workplace id: the matrix is read from the application's routes, so a route added
    /// later is checked the day it is added.
    @Suite struct RouteAccessMatrixTests {
        enum Actor: String, CaseIterable {
            case owner, sameTeamCoach, otherTeamCoach, otherAgencyCoach, teamLead, otherTeamLead
            case client, trainer, assessor, anonymous
        }

        enum Expected: Equatable, CustomStringConvertible {
            /// Past every access check: neither 403 nor 404 (nor a server error).
            case reached
            case notFound
            case forbidden
            /// Not signed in: a page sends the browser to the login page; a post without the
            /// session's CSRF token is refused.
            case signInFirst

            var description: String {
                switch self {
                case .reached: "reached"
                case .notFound: "404"
                case .forbidden: "403"
                case .signInFirst: "login / 403"
                }
            }

            func matches(_ status: HTTPStatus, method: HTTPMethod) -> Bool {
                switch self {
                case .reached: ![.forbidden, .notFound].contains(status) && status.code < 500 || status == .serviceUnavailable
                case .notFound: status == .notFound
                case .forbidden: status == .forbidden
                case .signInFirst: method == .GET ? status == .seeOther : status == .forbidden
                }
            }
        }

        /// Client routes the team lead may post to (the rest are the own coach's).
        static let teamLeadPosts: Set<String> = ["coach"]
        /// Client posts the own coach and the team lead both make: a client's erasure request, its
        /// confirmation by the other one, withdrawing it, and restricting processing.
        static let sharedPosts: Set<String> = ["erasure", "confirm", "withdraw", "restriction"]
        /// Client pages only the own coach opens (drafted from the whole file).
        static let ownCoachPages: Set<String> = ["peer-review"]

        enum RecordKind { case client, agencyRecord }

        static func kind(of route: Route) -> RecordKind? {
            let names = route.path.compactMap { component -> String? in
                if case .parameter(let name) = component { return name }
                return nil
            }
            if names.contains("client") { return .client }
            if names.contains("employer") || names.contains("workplace") { return .agencyRecord }
            return nil
        }

        static func expected(_ actor: Actor, route: Route, kind: RecordKind) -> Expected {
            let last = route.path.last.map { "\($0)" } ?? ""
            switch actor {
            case .anonymous: return .signInFirst
            case .client, .trainer, .assessor: return .forbidden
            case .otherAgencyCoach: return .notFound
            case .owner:
                // Assigning a client to a coach is the team lead's.
                return kind == .client && route.method == .POST && teamLeadPosts.contains(last) ? .forbidden : .reached
            case .sameTeamCoach, .otherTeamCoach, .otherTeamLead:
                return kind == .agencyRecord ? .reached : .notFound
            case .teamLead:
                if kind == .agencyRecord { return .reached }
                if route.method == .GET { return ownCoachPages.contains(last) ? .forbidden : .reached }
                return teamLeadPosts.contains(last) || sharedPosts.contains(last) ? .reached : .forbidden
            }
        }

        @Test func everyRecordRouteFollowsTheAccessRulesForEveryActor() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency(name: "Een")
                let other = try await app.makeAgency(name: "Twee")
                var browsers: [Actor: TestBrowser] = [:]
                browsers[.owner] = try await app.member("owner@example.org", of: agency, team: agency.north).1
                browsers[.sameTeamCoach] = try await app.member("same@example.org", of: agency, team: agency.north).1
                browsers[.otherTeamCoach] = try await app.member("south@example.org", of: agency, team: agency.south).1
                browsers[.teamLead] = try await app.member("lead@example.org", role: .teamLead, of: agency, team: agency.north).1
                browsers[.otherTeamLead] = try await app.member("lead-south@example.org", role: .teamLead, of: agency, team: agency.south).1
                browsers[.otherAgencyCoach] = try await app.member("outsider@example.org", of: other, team: other.north).1
                browsers[.trainer] = try await app.signedIn("trainer@example.org", role: .trainer).1
                browsers[.assessor] = try await app.signedIn("assessor@example.org", role: .assessor).1
                browsers[.anonymous] = TestBrowser(app)

                let owner = browsers[.owner]!
                let clientPath = try await owner.newClient("Sanne Bakker")
                let client = try await app.clientRecord(named: "Sanne Bakker")
                let workplacePath = try await owner.newWorkplace(employer: "Bakkerij Korenaar", form: ["title": "Inpakker"])
                let employer = try await Employer.query(on: app.db).first()!
                let workplace = try await Workplace.query(on: app.db).first()!
                #expect(workplacePath == "/workplaces/\(workplace.id!)")
                #expect(clientPath == "/clients/\(client.id!)")

                let (clientUser, clientBrowser) = try await app.signedIn("sanne@example.org", role: .client)
                let account = ClientAccount()
                account.organisationID = agency.id
                account.$client.id = client.id!
                account.$user.id = clientUser.id!
                try await account.create(on: app.db)
                browsers[.client] = clientBrowser

                var tokens: [Actor: String] = [:]
                for (actor, browser) in browsers where actor != .anonymous {
                    tokens[actor] = try TestBrowser.csrfToken(in: try await browser.get("/account/password").body.string)
                }

                let values = ["client": client.id!.uuidString, "employer": employer.id!.uuidString,
                              "workplace": workplace.id!.uuidString, "kind": ReportKind.progress.rawValue]
                let routes = app.routes.all.compactMap { route in Self.kind(of: route).map { (route, $0) } }
                    .sorted { "\($0.0.method) \($0.0.path.string)" < "\($1.0.method) \($1.0.path.string)" }
                #expect(routes.count >= 45, "the matrix covers every client, employer and workplace route")

                // Refused requests first, then the owner's (which may change the record).
                let order = Actor.allCases.filter { $0 != .owner } + [.owner]
                var refusals = 0
                for actor in order {
                    let browser = browsers[actor]!
                    let auditBefore = try await app.auditActionsButRefusals().count
                    for (route, kind) in routes {
                        let path = "/" + route.path.map { component -> String in
                            if case .parameter(let name) = component { return values[name] ?? UUID().uuidString }
                            return "\(component)"
                        }.joined(separator: "/")
                        let expectation = Self.expected(actor, route: route, kind: kind)
                        let response = route.method == .GET
                            ? try await browser.get(path)
                            : try await browser.post(path, form: tokens[actor].map { ["_csrf": $0] } ?? [:])
                        // A sub-record id made up here (a goal, a milestone) is not found even for its owner.
                        let madeUpSubRecord = route.path.contains { component in
                            if case .parameter(let name) = component { return values[name] == nil }
                            return false
                        }
                        let matches = expectation == .reached && madeUpSubRecord
                            ? response.status != .forbidden && response.status.code < 500
                            : expectation.matches(response.status, method: route.method)
                        #expect(matches, "\(actor) \(route.method) \(route.path.string): \(response.status.code), expected \(expectation)")
                        if expectation != .reached { refusals += 1 }
                    }
                    if [.otherAgencyCoach, .client, .trainer, .assessor, .anonymous].contains(actor) {
                        #expect(try await app.auditActionsButRefusals().count == auditBefore, "\(actor): refused requests write nothing but the refusal")
                    }
                }
                #expect(refusals > 300)
                #expect(try await app.trajectory(of: client).phase == .intake, "nobody but the owner moved the trajectory")
            }
        }

        /// Record ids the register and the administration take in their paths.
        static let otherRecords: Set<String> = ["user", "application", "assignment", "evidence", "certificate", "activity",
                                                "complaint", "organisation", "item"]

        /// Every other page route that takes a record id, with an id nobody holds: refused or not
        /// found for everyone signed in (an administrator and a register officer included), never a
        /// server error, nothing written; the sign-in page for nobody signed in.
        @Test func everyOtherRecordRouteAnswersAnUnknownIdWith404Or403() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                var browsers: [String: TestBrowser] = [
                    "coach": try await app.member("coach@example.org", of: agency, team: agency.north).1,
                    "team lead": try await app.member("lead@example.org", role: .teamLead, of: agency, team: agency.north).1,
                ]
                for role in [Role.admin, .registerOfficer, .assessor, .trainer, .client] {
                    browsers[role.rawValue] = try await app.signedIn("\(role.rawValue)@example.org", role: role).1
                }
                var tokens: [String: String] = [:]
                for (name, browser) in browsers {
                    tokens[name] = try TestBrowser.csrfToken(in: try await browser.get("/account/password").body.string)
                }
                let routes = app.routes.all.filter { route in
                    guard route.path.first.map({ "\($0)" }) != "api" else { return false }
                    return route.path.contains { component in
                        if case .parameter(let name) = component { return Self.otherRecords.contains(name) }
                        return false
                    }
                }
                #expect(routes.count >= 20, "the register's and administration's record routes")
                let auditBefore = try await app.auditActionsButRefusals().count
                for route in routes {
                    let path = "/" + route.path.map { component -> String in
                        if case .parameter(let name) = component { return name == "kind" ? "education" : UUID().uuidString }
                        return "\(component)"
                    }.joined(separator: "/")
                    for (name, browser) in browsers {
                        let response = route.method == .GET ? try await browser.get(path)
                            : try await browser.post(path, form: ["_csrf": tokens[name]!])
                        #expect([.notFound, .forbidden].contains(response.status), "\(name) \(route.method) \(path): \(response.status.code)")
                    }
                    let anonymous = route.method == .GET ? try await TestBrowser(app).get(path) : try await TestBrowser(app).post(path, form: [:])
                    #expect(anonymous.status == (route.method == .GET ? .seeOther : .forbidden), "nobody \(route.method) \(path)")
                }
                #expect(try await app.auditActionsButRefusals().count == auditBefore, "unknown ids write nothing")
            }
        }
    }
}
