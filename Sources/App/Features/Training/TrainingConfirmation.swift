import Fluent
import Foundation
import JobcoachCore

/// What a training provider confirms lands in the register without the coach typing it: a passed
/// module as a course (hours, EC, provider, date), a completed programme as a job coach diploma, an
/// attended accredited activity as CPD points. Each carries `confirmedBy` and a `sourceKey`, so the
/// same confirmation lands once, and taking a result back takes its course back. Call inside the
/// change's transaction.
enum TrainingConfirmation {
    static func moduleKey(_ enrolmentID: UUID, _ module: String) -> String { "module:\(enrolmentID.uuidString):\(module)" }
    static func diplomaKey(_ enrolmentID: UUID) -> String { "diploma:\(enrolmentID.uuidString)" }
    static func activityKey(_ activityID: UUID, _ userID: UUID) -> String { "activity:\(activityID.uuidString):\(userID.uuidString)" }

    static func portfolio(of userID: UUID, on database: any Database) async throws -> CoachPortfolio {
        if let existing = try await CoachPortfolio.query(on: database).filter(\.$user.$id == userID).first() { return existing }
        guard let user = try await User.find(userID, on: database) else { throw ConfirmationError.noSuchUser }
        return try await PortfolioController.findOrCreate(for: user, on: database)
    }

    enum ConfirmationError: Error { case noSuchUser }

    /// A passed module becomes (or stays) a confirmed course; `nil` (not yet passed) removes it.
    static func module(_ module: TrainingModule, of programme: TrainingProgramme, enrolment: Enrolment, passedOn: CalendarDate?,
                       provider: Organisation, on database: any Database) async throws {
        let key = moduleKey(try enrolment.requireID(), module.id)
        let existing = try await PortfolioCourse.query(on: database).filter(\.$sourceKey == key).first()
        guard let passedOn else {
            try await existing?.delete(on: database)
            return
        }
        let course = existing ?? PortfolioCourse()
        if existing == nil {
            course.$portfolio.id = try await portfolio(of: enrolment.userID, on: database).requireID()
            course.sourceKey = key
        }
        course.title = "\(provider.name): \(programme.title.nl), \(module.title.nl)"
        course.hours = module.hours
        course.ects = module.ec
        course.completedOn = passedOn.description
        course.confirmedBy = try provider.requireID()
        try await course.save(on: database)
    }

    /// A completed programme becomes a confirmed job coach diploma of the provider.
    static func diploma(enrolment: Enrolment, completedOn: CalendarDate, provider: Organisation, on database: any Database) async throws {
        let key = diplomaKey(try enrolment.requireID())
        let diploma = try await PortfolioDiploma.query(on: database).filter(\.$sourceKey == key).first() ?? PortfolioDiploma()
        if diploma.id == nil {
            diploma.$portfolio.id = try await portfolio(of: enrolment.userID, on: database).requireID()
            diploma.sourceKey = key
        }
        diploma.provider = provider.name
        diploma.completedOn = completedOn.description
        diploma.confirmedBy = try provider.requireID()
        try await diploma.save(on: database)
    }

    /// An attended accredited activity as CPD points; false when it was credited before.
    static func activity(_ activity: AccreditedActivity, attendedBy userID: UUID, on database: any Database) async throws -> Bool {
        let key = activityKey(try activity.requireID(), userID)
        guard try await CPDActivityRow.query(on: database).filter(\.$sourceKey == key).first() == nil else { return false }
        let row = CPDActivityRow()
        row.$user.id = userID
        row.title = activity.title
        row.category = activity.category
        row.points = activity.points
        row.hours = nil
        row.completedOn = activity.heldOn
        row.confirmedBy = activity.organisationID
        row.sourceKey = key
        try await row.create(on: database)
        return true
    }
}
