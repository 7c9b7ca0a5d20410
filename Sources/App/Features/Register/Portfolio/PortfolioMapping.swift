import Fluent
import Foundation
import JobcoachCore

/// Reads a coach's stored portfolio into the core's `Portfolio`, the form every check uses.
enum PortfolioMapping {
    /// The portfolio with everything the checks need, or nil when the coach has none yet.
    static func load(userID: UUID, on database: any Database) async throws -> CoachPortfolio? {
        try await CoachPortfolio.query(on: database)
            .filter(\.$user.$id == userID)
            .with(\.$education).with(\.$diplomas).with(\.$courses).with(\.$experience)
            .first()
    }

    /// The core portfolio on a day. Rows whose stored values no longer parse are left out (they
    /// were checked when written).
    static func core(_ portfolio: CoachPortfolio?, on date: CalendarDate) -> Portfolio {
        guard let portfolio else { return Portfolio() }
        let education = portfolio.education.compactMap { row -> EducationRecord? in
            guard let kind = EducationEvidenceKind(rawValue: row.kind), let framework = QualificationFrameworkID(rawValue: row.levelFramework),
                  let day = CalendarDate(row.completedOn) else { return nil }
            return EducationRecord(kind: kind, level: LevelReference(framework: framework, level: row.levelCode), completedOn: day)
        }
        let diplomas = portfolio.diplomas.compactMap { row in
            CalendarDate(row.completedOn).map { JobcoachDiplomaRecord(provider: row.provider, completedOn: $0) }
        }
        let courses = portfolio.courses.compactMap { row in
            CalendarDate(row.completedOn).map { CourseRecord(title: row.title, hours: row.hours, ects: row.ects, completedOn: $0) }
        }
        let periods = portfolio.experience.compactMap { row -> ExperiencePeriod? in
            guard let start = CalendarDate(row.startedOn) else { return nil }
            return ExperiencePeriod(startedOn: start, endedOn: row.endedOn.flatMap(CalendarDate.init), hours: row.hours)
        }
        return Portfolio(education: education, jobcoachDiplomas: diplomas, courses: courses,
                         experience: ExperienceRecord(log: periods, on: date),
                         developmentPlan: portfolio.developmentPlan.isEmpty ? nil : portfolio.developmentPlan)
    }
}
