import Fluent
import Foundation
import JobcoachCore
import SQLKit

/// Loads many portfolios at once, as core values, in five queries whatever their number: for
/// re-checking the whole register after a framework revision. Rows are read with SQLKit rather than
/// as Fluent models, which for hundreds of thousands of rows is several times faster.
enum BulkPortfolioLoader {
    /// Core portfolios on a day, keyed by the coach's user id, for the given users (all when nil).
    static func load(userIDs: Set<UUID>?, on database: any Database, date: CalendarDate) async throws -> [UUID: Portfolio] {
        guard let sql = database as? any SQLDatabase else { return [:] }
        var owner: [UUID: UUID] = [:]
        for row in try await sql.select().columns("id", "user_id").from(CoachPortfolio.schema).all() {
            let userID = try row.decode(column: "user_id", as: UUID.self)
            if userIDs?.contains(userID) ?? true { owner[try row.decode(column: "id", as: UUID.self)] = userID }
        }
        func rows(_ table: String, _ columns: [String]) async throws -> [(UUID, any SQLRow)] {
            try await sql.select().columns(["portfolio_id"] + columns).from(table).all().compactMap { row in
                let portfolioID = try row.decode(column: "portfolio_id", as: UUID.self)
                return owner[portfolioID] == nil ? nil : (portfolioID, row)
            }
        }
        var education: [UUID: [EducationRecord]] = [:], diplomas: [UUID: [JobcoachDiplomaRecord]] = [:]
        var courses: [UUID: [CourseRecord]] = [:], periods: [UUID: [ExperiencePeriod]] = [:]
        for (id, row) in try await rows(PortfolioEducation.schema, ["kind", "level_framework", "level_code", "completed_on"]) {
            guard let kind = EducationEvidenceKind(rawValue: try row.decode(column: "kind", as: String.self)),
                  let framework = QualificationFrameworkID(rawValue: try row.decode(column: "level_framework", as: String.self)),
                  let day = CalendarDate(try row.decode(column: "completed_on", as: String.self)) else { continue }
            education[id, default: []].append(EducationRecord(
                kind: kind, level: LevelReference(framework: framework, level: try row.decode(column: "level_code", as: String.self)), completedOn: day))
        }
        for (id, row) in try await rows(PortfolioDiploma.schema, ["provider", "completed_on"]) {
            guard let day = CalendarDate(try row.decode(column: "completed_on", as: String.self)) else { continue }
            diplomas[id, default: []].append(JobcoachDiplomaRecord(provider: try row.decode(column: "provider", as: String.self), completedOn: day))
        }
        for (id, row) in try await rows(PortfolioCourse.schema, ["title", "hours", "ects", "completed_on"]) {
            guard let day = CalendarDate(try row.decode(column: "completed_on", as: String.self)) else { continue }
            courses[id, default: []].append(CourseRecord(title: try row.decode(column: "title", as: String.self),
                                                         hours: try row.decode(column: "hours", as: Double?.self),
                                                         ects: try row.decode(column: "ects", as: Double?.self), completedOn: day))
        }
        for (id, row) in try await rows(PortfolioExperience.schema, ["started_on", "ended_on", "hours"]) {
            guard let start = CalendarDate(try row.decode(column: "started_on", as: String.self)) else { continue }
            periods[id, default: []].append(ExperiencePeriod(
                startedOn: start, endedOn: try row.decode(column: "ended_on", as: String?.self).flatMap(CalendarDate.init),
                hours: try row.decode(column: "hours", as: Double.self)))
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
