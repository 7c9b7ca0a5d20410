import Fluent
import Foundation
import JobcoachCore

/// Loads many portfolios at once, as core values, in five queries whatever their number: for
/// re-checking the whole register after a framework revision.
enum BulkPortfolioLoader {
    /// Core portfolios on a day, keyed by the coach's user id, for the given users (all when nil).
    static func load(userIDs: Set<UUID>?, on database: any Database, date: CalendarDate) async throws -> [UUID: Portfolio] {
        var portfolioQuery = CoachPortfolio.query(on: database)
        if let userIDs { portfolioQuery = portfolioQuery.filter(\.$user.$id ~~ Array(userIDs)) }
        let portfolios = try await portfolioQuery.all()
        let owner = Dictionary(portfolios.compactMap { portfolio in portfolio.id.map { ($0, portfolio.$user.id) } }, uniquingKeysWith: { first, _ in first })
        let wanted = userIDs == nil ? nil : Array(owner.keys)
        func rows<M: Model>(_ type: M.Type, _ key: KeyPath<M, ParentProperty<M, CoachPortfolio>>) async throws -> [M] {
            var query = M.query(on: database)
            if let wanted { query = query.filter(key.appending(path: \.$id) ~~ wanted) }
            return try await query.all()
        }
        var education: [UUID: [EducationRecord]] = [:], diplomas: [UUID: [JobcoachDiplomaRecord]] = [:]
        var courses: [UUID: [CourseRecord]] = [:], periods: [UUID: [ExperiencePeriod]] = [:]
        for row in try await rows(PortfolioEducation.self, \.$portfolio) {
            guard let kind = EducationEvidenceKind(rawValue: row.kind), let framework = QualificationFrameworkID(rawValue: row.levelFramework),
                  let day = CalendarDate(row.completedOn) else { continue }
            education[row.$portfolio.id, default: []].append(EducationRecord(kind: kind, level: LevelReference(framework: framework, level: row.levelCode), completedOn: day))
        }
        for row in try await rows(PortfolioDiploma.self, \.$portfolio) {
            guard let day = CalendarDate(row.completedOn) else { continue }
            diplomas[row.$portfolio.id, default: []].append(JobcoachDiplomaRecord(provider: row.provider, completedOn: day))
        }
        for row in try await rows(PortfolioCourse.self, \.$portfolio) {
            guard let day = CalendarDate(row.completedOn) else { continue }
            courses[row.$portfolio.id, default: []].append(CourseRecord(title: row.title, hours: row.hours, ects: row.ects, completedOn: day))
        }
        for row in try await rows(PortfolioExperience.self, \.$portfolio) {
            guard let start = CalendarDate(row.startedOn) else { continue }
            periods[row.$portfolio.id, default: []].append(ExperiencePeriod(startedOn: start, endedOn: row.endedOn.flatMap(CalendarDate.init), hours: row.hours))
        }
        var result: [UUID: Portfolio] = [:]
        for (portfolioID, userID) in owner {
            result[userID] = Portfolio(education: education[portfolioID] ?? [], jobcoachDiplomas: diplomas[portfolioID] ?? [],
                                       courses: courses[portfolioID] ?? [],
                                       experience: ExperienceRecord(log: periods[portfolioID] ?? [], on: date))
        }
        return result
    }
}
