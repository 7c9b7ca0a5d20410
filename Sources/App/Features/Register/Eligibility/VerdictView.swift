import JobcoachCore

/// An eligibility verdict in one language, for pages.
struct VerdictView: Encodable {
    struct Line: Encodable {
        var title: String
        var met: Bool
        var explanation: String
        var route: String?
    }

    var eligible: Bool
    var referenceDate: String
    var lines: [Line]

    init(_ verdict: EligibilityVerdict, language: Language) {
        eligible = verdict.eligible
        referenceDate = verdict.referenceDate.text(in: language)
        lines = verdict.requirements.map {
            Line(title: $0.title[language], met: $0.met, explanation: $0.explanation[language], route: $0.route)
        }
    }
}

/// A portfolio snapshot in one language, for the officer and the assessors.
struct PortfolioView: Encodable {
    var education: [String]
    var diplomas: [String]
    var courses: [String]
    var experienceSince: String
    var experienceHours: String
    var practising: Bool
    var developmentPlan: String?

    init(_ portfolio: Portfolio, language: Language, describer: RequirementDescriber, hoursUnit: String) {
        education = portfolio.education.map {
            "\($0.kind.title[language]), \(describer.levelText($0.level)[language]), \($0.completedOn.text(in: language))"
        }
        diplomas = portfolio.jobcoachDiplomas.map { "\($0.provider), \($0.completedOn.text(in: language))" }
        courses = portfolio.courses.map { course in
            var parts = [course.title]
            if let hours = course.hours { parts.append("\(NumberText.format(hours, in: language)) \(hoursUnit)") }
            if let ects = course.ects { parts.append("\(NumberText.format(ects, in: language)) EC") }
            parts.append(course.completedOn.text(in: language))
            return parts.joined(separator: ", ")
        }
        let record = portfolio.experience
        experienceSince = record.jobcoachSince?.text(in: language) ?? "—"
        experienceHours = "\(NumberText.format(record.jobcoachHours, in: language)) \(hoursUnit)"
        practising = record.practisingNow
        developmentPlan = portfolio.developmentPlan
    }
}
