import Foundation
import JobcoachCore
import Vapor

/// The JSON body of `POST /api/v1/eligibility`. Everything is read leniently (strings, numbers, or
/// missing) and then checked by `PortfolioInput`, so every problem names its field.
struct EligibilityRequestBody: Decodable {
    var framework: String?
    var version: String?
    var referenceDate: String?
    var portfolio: PortfolioBody?

    struct PortfolioBody: Decodable {
        var education: [EducationBody]?
        var jobcoachDiplomas: [DiplomaBody]?
        var courses: [CourseBody]?
        var experience: ExperienceBody?
    }

    struct EducationBody: Decodable {
        var kind: String?
        var framework: String?
        var level: FlexibleText?
        var completedOn: String?
    }

    struct DiplomaBody: Decodable {
        var provider: String?
        var completedOn: String?
    }

    struct CourseBody: Decodable {
        var title: String?
        var hours: Double?
        var ects: Double?
        var completedOn: String?
    }

    struct ExperienceBody: Decodable {
        var jobcoachSince: String?
        var jobcoachHours: Double?
        var practisingNow: Bool?
    }

    /// A level given as a number (`6`) or a text (`"E3"`, `"entry"`).
    struct FlexibleText: Decodable {
        var text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                text = String(number)
            } else {
                text = try container.decode(String.self)
            }
        }
    }
}

/// Turns input into a core `Portfolio`, or a 422 naming the first field that is wrong.
enum PortfolioInput {
    static func problem(_ field: String, _ message: String) -> APIProblem {
        APIProblem(status: .unprocessableEntity, message: "\(field): \(message)", parameter: field)
    }

    static func date(_ text: String?, _ field: String, required: Bool = true) throws -> CalendarDate? {
        guard let text, !text.isEmpty else {
            if required { throw problem(field, "is required (a date as YYYY-MM-DD)") }
            return nil
        }
        guard let date = CalendarDate(text) else { throw problem(field, "'\(text)' is not a date (YYYY-MM-DD)") }
        return date
    }

    static func amount(_ value: Double?, _ field: String) throws -> Double? {
        guard let value else { return nil }
        guard value.isFinite, value >= 0 else { throw problem(field, "must be 0 or more") }
        guard value <= 1_000_000 else { throw problem(field, "is not a plausible amount") }
        return value
    }

    static func portfolio(_ body: EligibilityRequestBody.PortfolioBody?, levels: QualificationLevelCatalog) throws -> Portfolio {
        guard let body else { throw problem("portfolio", "is required") }
        let education = try (body.education ?? []).enumerated().map { index, entry -> EducationRecord in
            let field = "portfolio.education[\(index)]"
            guard let kindName = entry.kind, let kind = EducationEvidenceKind(rawValue: kindName) else {
                throw problem("\(field).kind", "must be degree, evc or assessment")
            }
            guard let frameworkName = entry.framework, let framework = QualificationFrameworkID(rawValue: frameworkName.uppercased()) else {
                throw problem("\(field).framework", "must be NLQF, EQF, RQF or SCQF")
            }
            guard let level = entry.level?.text else { throw problem("\(field).level", "is required") }
            let reference = LevelReference(framework: framework, level: level)
            guard levels.contains(reference) else { throw problem("\(field).level", "\(reference) is not a level of \(framework.rawValue)") }
            return EducationRecord(kind: kind, level: reference, completedOn: try date(entry.completedOn, "\(field).completedOn")!)
        }
        let diplomas = try (body.jobcoachDiplomas ?? []).enumerated().map { index, entry -> JobcoachDiplomaRecord in
            let field = "portfolio.jobcoachDiplomas[\(index)]"
            guard let provider = entry.provider?.trimmingCharacters(in: .whitespaces), !provider.isEmpty else {
                throw problem("\(field).provider", "is required")
            }
            return JobcoachDiplomaRecord(provider: provider, completedOn: try date(entry.completedOn, "\(field).completedOn")!)
        }
        let courses = try (body.courses ?? []).enumerated().map { index, entry -> CourseRecord in
            let field = "portfolio.courses[\(index)]"
            let hours = try amount(entry.hours, "\(field).hours")
            let ects = try amount(entry.ects, "\(field).ects")
            guard hours != nil || ects != nil else { throw problem("\(field).hours", "give hours, ects or both") }
            return CourseRecord(title: entry.title ?? "", hours: hours, ects: ects,
                                completedOn: try date(entry.completedOn, "\(field).completedOn")!)
        }
        let experience = ExperienceRecord(
            jobcoachSince: try date(body.experience?.jobcoachSince, "portfolio.experience.jobcoachSince", required: false),
            jobcoachHours: try amount(body.experience?.jobcoachHours, "portfolio.experience.jobcoachHours") ?? 0,
            practisingNow: body.experience?.practisingNow ?? false)
        return Portfolio(education: education, jobcoachDiplomas: diplomas, courses: courses, experience: experience)
    }
}
