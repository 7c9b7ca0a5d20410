import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The demo's training: a provider running the UK curriculum and the Polish minimum in two cohorts,
/// with trainees at every stage (just enrolled, under way, with a diploma, and one who becomes
/// eligible by the provider's confirmed hours alone), attendance, an accredited activity with its
/// credited points, a mentor with a meeting, and a peer group across three regions with a shared case.
struct DemoTraining {
    let application: Application

    static let providerName = "Jobcoach Academie"
    static let newTraineeEmail = "trainee-new@demo.jobcoach.test"
    static let eligibleTraineeEmail = "trainee-eligible@demo.jobcoach.test"
    static let graduateEmail = "trainee-graduate@demo.jobcoach.test"

    func load(password hash: String) async throws {
        let app = application
        guard try await Organisation.query(on: app.db).filter(\.$name == Self.providerName).first() == nil,
              let trainer = try await User.query(on: app.db).filter(\.$email == DemoData.email(for: .trainer)).first(),
              let coach = try await User.query(on: app.db).filter(\.$email == DemoData.email(for: .jobCoach)).first(),
              let uk = app.standard.programmes.programme("uk-job-coach-curriculum"),
              let pl = app.standard.programmes.programme("pl-job-coach-minimum") else { return }
        let today = CalendarDate(app.clock.now(), in: app.configuration.timeZone)
        @Sendable func day(_ offset: Int) -> CalendarDate { today.adding(days: offset) }
        try await app.changes.perform(on: app.db) { db in
            let provider = Organisation(name: Self.providerName, processFramework: "register-jobcoach", kind: .trainingProvider)
            try await provider.create(on: db)
            let providerID = try provider.requireID()
            try await Membership(userID: try trainer.requireID(), organisationID: providerID, teamID: nil).create(on: db)
            func user(_ email: String, _ name: String) async throws -> User {
                if let existing = try await User.query(on: db).filter(\.$email == email).first() { return existing }
                let user = User(email: email, displayName: name, passwordHash: hash, role: .jobCoach, mustChangePassword: false)
                try await user.create(on: db)
                return user
            }
            let newcomer = try await user(Self.newTraineeEmail, "Noor Nieuw")
            let eligible = try await user(Self.eligibleTraineeEmail, "Emre Erkend")
            let graduate = try await user(Self.graduateEmail, "Gerda Geslaagd")

            // Emre has a degree and two years of work, but no job coach training of his own typing.
            let portfolio = CoachPortfolio(userID: try eligible.requireID(), publicName: eligible.displayName)
            portfolio.place = "Arnhem"
            try await portfolio.create(on: db)
            let education = PortfolioEducation()
            education.$portfolio.id = try portfolio.requireID()
            education.title = "Bachelor Toegepaste Psychologie"
            education.kind = EducationEvidenceKind.degree.rawValue
            education.levelFramework = "NLQF"
            education.levelCode = "6"
            education.completedOn = "2015-06-30"
            try await education.create(on: db)
            let experience = PortfolioExperience()
            experience.$portfolio.id = try portfolio.requireID()
            experience.organisation = "Werkpad"
            experience.description = "jobcoach"
            experience.startedOn = day(-3 * 365).description
            experience.hours = 1_450
            try await experience.create(on: db)

            func cohort(_ programme: TrainingProgramme, _ name: String, _ region: String, from: Int, to: Int) async throws -> Cohort {
                let cohort = Cohort(organisationID: providerID, programme: programme.id, name: name, region: region,
                                    startsOn: day(from).description, endsOn: day(to).description)
                try await cohort.create(on: db)
                try await CohortTrainer(organisationID: providerID, cohortID: try cohort.requireID(), userID: try trainer.requireID()).create(on: db)
                return cohort
            }
            func enrol(_ user: User, in cohort: Cohort, on offset: Int) async throws -> Enrolment {
                let enrolment = Enrolment(organisationID: providerID, cohortID: try cohort.requireID(), userID: try user.requireID(),
                                          framework: "register-jobcoach", enrolledOn: day(offset).description)
                try await enrolment.create(on: db)
                return enrolment
            }
            func pass(_ enrolment: Enrolment, _ module: TrainingModule, of programme: TrainingProgramme, on offset: Int) async throws {
                let result = ModuleResult()
                result.organisationID = providerID
                result.enrolmentID = try enrolment.requireID()
                result.module = module.id
                result.result = "passed"
                result.note = ""
                result.decidedOn = day(offset).description
                result.decidedBy = try trainer.requireID()
                try await result.create(on: db)
                try await TrainingConfirmation.module(module, of: programme, enrolment: enrolment, passedOn: day(offset), provider: provider, on: db)
            }
            func session(_ cohort: Cohort, _ module: TrainingModule, on offset: Int, present: [Enrolment], of all: [Enrolment]) async throws {
                let session = TrainingSession(organisationID: providerID, cohortID: try cohort.requireID(), module: module.id,
                                              heldOn: day(offset).description, hours: 3.5)
                try await session.create(on: db)
                for enrolment in all {
                    try await SessionAttendance(organisationID: providerID, sessionID: try session.requireID(), enrolmentID: try enrolment.requireID(),
                                                present: present.contains { $0.id == enrolment.id }).create(on: db)
                }
            }

            // The UK curriculum, under way: Emre has passed two modules (140 hours), Noor has just started.
            let spring = try await cohort(uk, "Arnhem voorjaar", "Gelderland", from: -120, to: 120)
            let emre = try await enrol(eligible, in: spring, on: -125)
            let noor = try await enrol(newcomer, in: spring, on: -10)
            try await session(spring, uk.modules[0], on: -100, present: [emre], of: [emre, noor])
            try await session(spring, uk.modules[1], on: -60, present: [emre], of: [emre, noor])
            try await session(spring, uk.modules[2], on: -5, present: [emre, noor], of: [emre, noor])
            try await pass(emre, uk.modules[0], of: uk, on: -90)
            try await pass(emre, uk.modules[1], of: uk, on: -45)

            // The Polish minimum: Gerda has her diploma, Jamila is halfway.
            let autumn = try await cohort(pl, "Utrecht najaar", "Utrecht", from: -300, to: -30)
            let gerda = try await enrol(graduate, in: autumn, on: -310)
            let jamila = try await enrol(coach, in: autumn, on: -310)
            for (index, module) in pl.modules.enumerated() {
                try await session(autumn, module, on: -290 + index * 35, present: index < 3 ? [gerda, jamila] : [gerda], of: [gerda, jamila])
                try await pass(gerda, module, of: pl, on: -280 + index * 35)
                if index < 3 { try await pass(jamila, module, of: pl, on: -280 + index * 35) }
            }
            gerda.completedOn = day(-40).description
            try await gerda.save(on: db)
            try await TrainingConfirmation.diploma(enrolment: gerda, completedOn: day(-40), provider: provider, on: db)

            // An accredited activity, credited to the certified demo coach.
            let activity = AccreditedActivity(organisationID: providerID, title: "Regiodag jobcoaching: werken met de werkgever",
                                              category: "cpd-conference", points: 6, heldOn: day(-20).description)
            try await activity.create(on: db)
            if try await Certificate.query(on: db).filter(\.$holder.$id == coach.requireID()).first() != nil {
                _ = try await TrainingConfirmation.activity(activity, attendedBy: try coach.requireID(), on: db)
            }

            // A mentor for Noor, and a peer group across three regions.
            if let mentor = try await User.query(on: db).filter(\.$email == DemoPractice.secondCoachEmail).first() {
                let mentorship = Mentorship(mentorID: try mentor.requireID(), menteeID: try newcomer.requireID(), assignedBy: try trainer.requireID(),
                                            startedOn: day(-9).description)
                try await mentorship.create(on: db)
                try await MentorMeeting(mentorshipID: try mentorship.requireID(), heldOn: day(-3).description,
                                        topics: "Het eerste gesprek met een werkgever voorbereiden", nextSteps: "Noor loopt mee bij een werkplekbezoek").create(on: db)
                let group = PeerGroup(name: "Autisme en werk", targetGroup: TargetGroup.autism.rawValue, createdBy: try coach.requireID())
                try await group.create(on: db)
                var members = [(coach, "Utrecht"), (mentor, "Groningen")]
                if let other = try await User.query(on: db).filter(\.$email == DemoPractice.otherTeamCoachEmail).first() { members.append((other, "Zeeland")) }
                for (member, region) in members {
                    try await PeerGroupMember(groupID: try group.requireID(), userID: try member.requireID(), region: region).create(on: db)
                }
                let meeting = PeerMeeting()
                meeting.groupID = try group.requireID()
                meeting.heldOn = day(-14).description
                meeting.hours = 2
                meeting.log = "Openheid over autisme op het werk: wanneer en hoe vertel je het de werkgever?"
                meeting.createdBy = try coach.requireID()
                try await meeting.create(on: db)
                for (member, _) in members {
                    try await PeerMeetingAttendance(meetingID: try meeting.requireID(), userID: try member.requireID()).create(on: db)
                }
                // An anonymised case summary from Jamila's agency, shared with the group.
                if let agency = try await Membership.query(on: db).filter(\.$user.$id == coach.requireID()).first() {
                    let review = PeerReview()
                    review.organisationID = agency.organisationID
                    review.sharedBy = try coach.requireID()
                    review.sharedAt = app.clock.now().addingTimeInterval(-10 * 86_400)
                    review.question = "Hoe bouw ik de begeleiding af als de werkgever nog weinig ervaring heeft met autisme?"
                    review.summary = "Cliënt van 25 tot 30 jaar, 20 uur per week als medewerker logistiek. Na drie maanden gaat het goed, maar de leidinggevende belt bij elke verandering in het rooster."
                    try await review.create(on: db)
                    try await PeerGroupCase(groupID: try group.requireID(), peerReviewID: try review.requireID(), sharedBy: try coach.requireID()).create(on: db)
                }
            }
            try await AuditTrail(clock: app.clock).record(on: db, chain: .organisation(providerID), actor: "system", action: "demo.training-loaded", subject: "organisation:\(providerID.uuidString)")
        }
    }
}
