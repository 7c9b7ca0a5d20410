@testable import App
import Fluent
import Foundation
import JobcoachCore
import Vapor
import VaporTesting

/// A minimal PDF, enough for the evidence type check.
let samplePDF = Data("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

extension TestBrowser {
    /// Fills a portfolio that meets the register's requirements, through the portfolio forms.
    func fillEligiblePortfolio(name: String = "Jamila de Jong", place: String = "Utrecht",
                               diploma: (String, String) = ("Capabel", "2016-05-01")) async throws {
        try await submit("/portfolio", to: "/portfolio/profile", form: [
            "publicName": name, "place": place, "developmentPlan": "Meer leren over jobcarving.",
            "codeOfConduct": "on", "complaintsRegulation": "on",
        ])
        try await submitMultipart("/portfolio", to: "/portfolio/education", form: [
            "education-title": "Bachelor Social Work", "education-kind": "degree", "education-level": "NLQF:6", "education-date": "2010-06-30",
        ], file: ("diploma.pdf", "application/pdf", samplePDF))
        try await submitMultipart("/portfolio", to: "/portfolio/diplomas", form: ["diplomas-provider": diploma.0, "diplomas-date": diploma.1])
        try await submitMultipart("/portfolio", to: "/portfolio/experience", form: [
            "experience-organisation": "Werkpad", "experience-description": "jobcoach", "experience-start": "2019-01-01", "experience-hours": "1300",
        ])
    }
}

extension Application {
    /// Signs in a new account of a role in its own browser.
    func signedIn(_ email: String, role: Role) async throws -> (User, TestBrowser) {
        let user = try await makeUser(email, role: role)
        let browser = TestBrowser(self)
        _ = try await browser.login(email)
        return (user, browser)
    }

    /// Runs an application through two assessors (every item scored "shown").
    func assessBoth(_ applicationID: UUID, first: TestBrowser, second: TestBrowser, officer: TestBrowser,
                    firstAssessor: User, secondAssessor: User) async throws {
        try await officer.submit("/office/applications/\(applicationID)", to: "/office/applications/\(applicationID)/assessors",
                                 form: ["assessor1": firstAssessor.id!.uuidString, "assessor2": secondAssessor.id!.uuidString])
        for (browser, assessor) in [(first, firstAssessor), (second, secondAssessor)] {
            let assignment = try await AssessorAssignment.query(on: db).filter(\.$assessor.$id == assessor.id!)
                .filter(\.$application.$id == applicationID).first()!
            try await browser.submit("/assessments/\(assignment.id!)", form: fullSheet(applicationID: applicationID, action: "submit"))
        }
    }

    func fullSheet(applicationID: UUID, action: String) throws -> [String: String] {
        var form = ["action": action]
        for item in AssessmentItem.items(of: standard.frameworks.version("register-jobcoach", "2023")!) {
            form["score-\(item.id)"] = "2"
            form["note-\(item.id)"] = "Shown in the portfolio."
        }
        return form
    }

    func latestApplication(of user: User) async throws -> CertificationApplication {
        try await CertificationApplication.query(on: db).filter(\.$applicant.$id == user.id!).sort(\.$submittedAt, .descending).first()!
    }
}
