import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Register demo data for `serve --demo`: the demo job coach certified (with permanent education),
/// and one applicant in every other state of the procedure, so every page of the register has
/// something to show. Made once; a second start leaves it as it is.
struct DemoRegisterStates {
    let application: Application
    static let secondAssessorEmail = "assessor-2@demo.jobcoach.test"

    func load(password hash: String) async throws {
        let app = application
        let db = app.db
        guard try await CertificationApplication.query(on: db).count() == 0 else { return }
        let today = CalendarDate(app.clock.now(), in: app.configuration.timeZone)
        guard let version = app.standard.frameworks.version("register-jobcoach", on: today) else { return }
        let assessor = try await User.query(on: db).filter(\.$email == DemoData.email(for: .assessor)).first()
        let secondAssessor = try await user(email: Self.secondAssessorEmail, name: "Bas Beoordelaar", role: .assessor, hash: hash)
        guard let assessor else { return }
        let officer = try await User.query(on: db).filter(\.$email == DemoData.email(for: .registerOfficer)).first()

        // The demo coach: certified, with permanent education recorded.
        if let coach = try await User.query(on: db).filter(\.$email == DemoData.email(for: .jobCoach)).first() {
            try await portfolio(for: coach, place: "Utrecht", seed: 1, today: today)
            let submitted = try await submit(coach, version: version, today: today)
            try await assess(submitted, by: [assessor, secondAssessor], submit: [true, true], version: version)
            try await decide(submitted, .certified, reasons: nil, officer: officer, today: today)
            for (title, category, hours, daysAgo) in [("Supported Employment verdieping", "cpd-training", 16.0, 200),
                                                     ("Intervisie jobcoaches regio Utrecht", "cpd-intervision", 12.0, 120),
                                                     ("Congres inclusief werkgeverschap", "cpd-conference", 7.0, 40)] {
                let row = CPDActivityRow()
                row.$user.id = try coach.requireID()
                row.title = title
                row.category = category
                row.hours = hours
                row.completedOn = CalendarDate(app.clock.now().addingTimeInterval(-Double(daysAgo) * 86_400), in: app.configuration.timeZone).description
                try await row.create(on: db)
            }
        }
        let applicants: [(String, String, ApplicationStatus)] = [
            ("Daan de Vries", "Rotterdam", .submitted), ("Eva Jansen", "Groningen", .inAssessment),
            ("Fatima El Amrani", "Den Haag", .readyForDecision), ("Gijs Bakker", "Zwolle", .notCertified),
            ("Hanna Visser", "Arnhem", .moreInformationNeeded), ("Ibrahim Kaya", "Eindhoven", .certified),
            ("Julia Smit", "Maastricht", .certified),
        ]
        for (index, (name, place, status)) in applicants.enumerated() {
            let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "@demo.jobcoach.test"
            let coach = try await user(email: email, name: name, role: .jobCoach, hash: hash)
            try await portfolio(for: coach, place: place, seed: UInt64(index + 2), today: today)
            let submitted = try await submit(coach, version: version, today: today)
            switch status {
            case .submitted: break
            case .inAssessment: try await assess(submitted, by: [assessor, secondAssessor], submit: [false, true], version: version)
            default: try await assess(submitted, by: [assessor, secondAssessor], submit: [true, true], version: version)
            }
            switch status {
            case .notCertified:
                try await decide(submitted, .notCertified, reasons: "De werkervaring is nog te kort: er zijn minder dan 1.200 uur aangetoond.", officer: officer, today: today)
            case .moreInformationNeeded:
                try await decide(submitted, .moreInformationNeeded, reasons: "Voeg een kopie van uw jobcoachdiploma toe.", officer: officer, today: today)
            case .certified where name == "Julia Smit":
                // Certified almost four years ago: her certificate is in the list of those expiring soon.
                let longAgo = CalendarDate(today.startOfDayUTC.addingTimeInterval(-Double(4 * 365 - 90) * 86_400), in: TimeZone(identifier: "UTC")!)
                try await decide(submitted, .certified, reasons: nil, officer: officer, today: longAgo)
            case .certified:
                try await decide(submitted, .certified, reasons: nil, officer: officer, today: today)
                if let certificate = try await Certificate.query(on: db).filter(\.$holder.$id == coach.requireID()).first(), let officer {
                    let complaint = Complaint()
                    complaint.$certificate.id = try certificate.requireID()
                    complaint.receivedOn = today.description
                    complaint.summary = "Een werkgever meldt dat afspraken over de begeleiding op de werkplek niet zijn nagekomen."
                    complaint.status = .underReview
                    complaint.recordedBy = try officer.requireID()
                    complaint.complainantName = "Marco Visser"
                    complaint.complainantRole = ComplainantRole.employer.rawValue
                    complaint.complainantContact = "m.visser@example.nl"
                    try await complaint.create(on: db)
                }
            default: break
            }
        }
    }

    private func user(email: String, name: String, role: Role, hash: String) async throws -> User {
        if let existing = try await User.query(on: application.db).filter(\.$email == email).first() { return existing }
        let user = User(email: email, displayName: name, passwordHash: hash, role: role, mustChangePassword: false)
        try await user.create(on: application.db)
        return user
    }

    /// A portfolio that meets the register's requirements.
    private func portfolio(for coach: User, place: String, seed: UInt64, today: CalendarDate) async throws {
        let userID = try coach.requireID()
        guard try await CoachPortfolio.query(on: application.db).filter(\.$user.$id == userID).first() == nil else { return }
        let portfolio = CoachPortfolio(userID: userID, publicName: coach.displayName)
        portfolio.place = place
        portfolio.developmentPlan = "Verdieping in jobcarving en in begeleiding van mensen met autisme."
        portfolio.codeOfConductOn = today.description
        portfolio.complaintsRegulationOn = today.description
        try await portfolio.create(on: application.db)
        let portfolioID = try portfolio.requireID()
        let education = PortfolioEducation()
        education.$portfolio.id = portfolioID
        education.title = "Bachelor Social Work"
        education.kind = EducationEvidenceKind.degree.rawValue
        education.levelFramework = "NLQF"
        education.levelCode = "6"
        education.completedOn = "20\(10 + seed % 5)-06-30"
        try await education.create(on: application.db)
        let diploma = PortfolioDiploma()
        diploma.$portfolio.id = portfolioID
        diploma.provider = ["Capabel", "Combo", "Saxion", "Elan"][Int(seed % 4)]
        diploma.completedOn = "201\(6 + seed % 3)-05-1\(seed % 9)"
        try await diploma.create(on: application.db)
        let experience = PortfolioExperience()
        experience.$portfolio.id = portfolioID
        experience.organisation = ["Werkpad", "Jobstap", "Passend Werk"][Int(seed % 3)]
        experience.description = "jobcoach"
        experience.startedOn = "201\(7 + seed % 2)-02-01"
        experience.hours = Double(1_500 + 250 * Int(seed))
        try await experience.create(on: application.db)
    }

    private func submit(_ coach: User, version: FrameworkVersion, today: CalendarDate) async throws -> CertificationApplication {
        let app = application
        let core = PortfolioMapping.core(try await PortfolioMapping.load(userID: try coach.requireID(), on: app.db), on: today)
        let verdict = app.standard.eligibility(adding: try await RecognitionRow.added(on: app.db)).evaluate(version, portfolio: core, on: today)
        let submitted = CertificationApplication()
        submitted.$applicant.id = try coach.requireID()
        submitted.frameworkID = version.id
        submitted.frameworkVersion = version.version
        submitted.kind = "initial"
        submitted.status = .submitted
        submitted.submittedAt = app.clock.now().addingTimeInterval(-14 * 86_400)
        submitted.portfolioSnapshot = try ApplicationSnapshot.encode(core)
        submitted.eligibilitySnapshot = try ApplicationSnapshot.encode(verdict)
        submitted.eligible = verdict.eligible
        try await submitted.create(on: app.db)
        submitted.$applicant.value = coach
        return submitted
    }

    private func assess(_ submitted: CertificationApplication, by assessors: [User], submit: [Bool], version: FrameworkVersion) async throws {
        let app = application
        for (index, assessor) in assessors.enumerated() {
            let assignment = AssessorAssignment()
            assignment.$application.id = try submitted.requireID()
            assignment.$assessor.id = try assessor.requireID()
            assignment.assignedAt = app.clock.now().addingTimeInterval(-10 * 86_400)
            assignment.submittedAt = submit[index] ? app.clock.now().addingTimeInterval(-3 * 86_400) : nil
            try await assignment.create(on: app.db)
            guard submit[index] else { continue }
            for (itemIndex, item) in AssessmentItem.items(of: version).enumerated() {
                let score = AssessmentScoreRow()
                score.$assignment.id = try assignment.requireID()
                score.itemID = item.id
                score.score = (itemIndex + index) % 5 == 0 ? AssessmentScore.partlyShown.rawValue : AssessmentScore.shown.rawValue
                score.note = "Aangetoond met het portfolio en het criteriumgericht interview."
                try await score.create(on: app.db)
            }
        }
        let all = submit.allSatisfy { $0 }
        submitted.status = all ? .readyForDecision : .inAssessment
        try await submitted.update(on: app.db)
    }

    private func decide(_ submitted: CertificationApplication, _ decision: ApplicationDecision, reasons: String?, officer: User?,
                        today: CalendarDate) async throws {
        let app = application
        let holder = submitted.applicant
        try await app.changes.perform(on: app.db) { db in
            submitted.status = decision.status
            submitted.decisionReasons = reasons
            submitted.decidedAt = app.clock.now()
            submitted.decidedBy = officer?.id
            try await submitted.update(on: db)
            if decision == .certified {
                let certificate = try await CertificateIssuing.issue(for: submitted, holder: holder, on: db, application: app, today: today)
                try await AuditTrail(clock: app.clock).record(on: db, chain: .register, actor: "system", action: "certificate.issued",
                                                              subject: "certificate:\(try certificate.requireID().uuidString)",
                                                              details: ["registrationNumber": certificate.registrationNumber, "demo": "true"])
            }
        }
    }
}
