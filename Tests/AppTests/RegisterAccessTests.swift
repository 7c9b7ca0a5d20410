@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// Who may open what in the register, role by role and record by record.
    @Suite struct RegisterAccessTests {
        static let pages: [(String, Permission?)] = [
            ("/eligibility", nil), ("/register", nil), ("/verify", nil),
            ("/portfolio", .applyForCertification), ("/applications", .applyForCertification), ("/certificates", .applyForCertification),
            ("/cpd", .applyForCertification), ("/assessments", .assessApplications),
            ("/office", .manageRegister), ("/office/certificates", .manageRegister), ("/office/complaints", .manageRegister),
            ("/office/recheck", .manageRegister),
        ]

        @Test(arguments: Role.allCases)
        func registerPagesFollowThePermissions(_ role: Role) async throws {
            try await withApp { app async throws in
                let (_, browser) = try await app.signedIn("person@example.org", role: role)
                for (path, permission) in Self.pages {
                    let status = try await browser.get(path).status
                    let expected: HTTPStatus = permission.map { role.may($0) ? .ok : .forbidden } ?? .ok
                    #expect(status == expected, "\(role) \(path)")
                }
            }
        }

        @Test func aCoachSeesOnlyTheirOwnApplicationsAndEvidence() async throws {
            try await withApp { app async throws in
                let (owner, ownerBrowser) = try await app.signedIn("owner@example.org", role: .jobCoach)
                let (_, otherBrowser) = try await app.signedIn("other@example.org", role: .jobCoach)
                try await ownerBrowser.fillEligiblePortfolio()
                try await ownerBrowser.submit("/portfolio", to: "/applications", form: ["framework": "register-jobcoach"])
                let id = try await app.latestApplication(of: owner).requireID()
                let evidence = try #require(try await EvidenceFile.query(on: app.db).first())
                #expect(try await ownerBrowser.get("/applications/\(id)").status == .ok)
                #expect(try await otherBrowser.get("/applications/\(id)").status == .notFound)
                #expect(try await otherBrowser.submit("/applications", to: "/applications/\(id)/withdraw", form: [:]).status == .notFound)
                #expect(try await ownerBrowser.get("/evidence/\(evidence.id!)").body.string.hasPrefix("%PDF"))
                #expect(try await otherBrowser.get("/evidence/\(evidence.id!)").status == .notFound)
                let otherItem = try #require(try await PortfolioDiploma.query(on: app.db).first())
                #expect(try await otherBrowser.submit("/portfolio", to: "/portfolio/diplomas/\(otherItem.id!)/delete", form: [:]).status == .notFound)
                #expect(try await PortfolioDiploma.query(on: app.db).count() == 1)
                #expect(try await ownerBrowser.get("/applications/\(UUID())").status == .notFound)
            }
        }

        @Test func anAssessorSeesOnlyAssignedWorkAndItsEvidence() async throws {
            try await withApp { app async throws in
                let (owner, ownerBrowser) = try await app.signedIn("owner@example.org", role: .jobCoach)
                let (_, officer) = try await app.signedIn("officer@example.org", role: .registerOfficer)
                let (assigned, assignedBrowser) = try await app.signedIn("assigned@example.org", role: .assessor)
                let (second, _) = try await app.signedIn("second@example.org", role: .assessor)
                let (_, outsiderBrowser) = try await app.signedIn("outsider@example.org", role: .assessor)
                try await ownerBrowser.fillEligiblePortfolio()
                try await ownerBrowser.submit("/portfolio", to: "/applications", form: ["framework": "register-jobcoach"])
                let id = try await app.latestApplication(of: owner).requireID()
                try await officer.submit("/office/applications/\(id)", to: "/office/applications/\(id)/assessors",
                                         form: ["assessor1": assigned.id!.uuidString, "assessor2": second.id!.uuidString])
                let assignment = try #require(try await AssessorAssignment.query(on: app.db).filter(\.$assessor.$id == assigned.id!).first())
                let evidence = try #require(try await EvidenceFile.query(on: app.db).first())
                #expect(try await assignedBrowser.get("/assessments/\(assignment.id!)").status == .ok)
                #expect(try await outsiderBrowser.get("/assessments/\(assignment.id!)").status == .notFound)
                #expect(try await outsiderBrowser.submit("/assessments", to: "/assessments/\(assignment.id!)", form: ["action": "save"]).status == .notFound)
                #expect(try await assignedBrowser.get("/evidence/\(evidence.id!)").status == .ok)
                #expect(try await outsiderBrowser.get("/evidence/\(evidence.id!)").status == .notFound)
                #expect(try await officer.get("/evidence/\(evidence.id!)").status == .ok)
                let downloads = try await AuditEventRow.query(on: app.db).filter(\.$action == "evidence.downloaded").count()
                #expect(downloads == 2, "every read of evidence is in the audit trail")
                #expect(try await AuditEventRow.query(on: app.db).filter(\.$action == "application.viewed").count() >= 2)
            }
        }

        @Test func thePublicRegisterShowsOnlyPublicFields() async throws {
            try await withApp { app async throws in
                let response = try await app.testing().sendRequest(.GET, "/api/v1/register?q=a")
                #expect(response.status == .badRequest)
                let body = try await app.testing().sendRequest(.GET, "/api/v1/register?q=nobody").body.string
                #expect(body == #"{"count":0,"query":"nobody","results":[]}"#)
            }
        }
    }
}
