import JobcoachCore
import Vapor

/// "Do I qualify?": the form and, after a check, the verdict of every profile side by side.
struct EligibilityPageContext: Encodable {
    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct EducationRow: Encodable {
        var number: Int
        var kindID: String
        var levelID: String
        var dateID: String
        var kinds: [Option]
        var levels: [LevelOptionGroup]
        var date: String
        var levelError: String?
        var dateError: String?
    }

    struct DiplomaRow: Encodable {
        var number: Int
        var providerID: String
        var dateID: String
        var provider: String
        var date: String
        var providerError: String?
        var dateError: String?
    }

    struct CourseRow: Encodable {
        var number: Int
        var titleID: String
        var hoursID: String
        var ectsID: String
        var dateID: String
        var title: String
        var hours: String
        var ects: String
        var date: String
        var hoursError: String?
        var ectsError: String?
        var dateError: String?
    }

    struct Verdict: Encodable {
        var title: String
        var version: String
        var url: String
        var eligible: Bool
        var requirements: [Requirement]
    }

    struct Requirement: Encodable {
        var title: String
        var met: Bool
        var explanation: String
        var parts: [Part]
    }

    struct Part: Encodable {
        var title: String
        var met: Bool
        var explanation: String
    }

    var layout: Layout
    var formURL: String
    var csrfToken: String
    var referenceDate: String
    var education: [EducationRow]
    var diplomas: [DiplomaRow]
    var courses: [CourseRow]
    var providers: [String]
    var experienceSince: String
    var experienceHours: String
    var practising: Bool
    var errors: [FieldError]
    var hasErrors: Bool
    var referenceDateError: String?
    var experienceSinceError: String?
    var experienceHoursError: String?
    var hasVerdicts: Bool
    var verdicts: [Verdict]
    var referenceDateText: String
    /// "You meet the entry requirements of 2 of 5 profiles": the results in one line, first on the page.
    var verdictSummary: String

    init(request: Request, form: EligibilityForm, verdicts: [(EligibilityVerdict, FrameworkVersion)]?, problems: [FormProblem] = []) {
        let language = request.language
        let levels = request.standard.levels
        layout = Layout(request: request, title: request.t("eligibilityTitle"), current: .eligibility)
        let messages = problems.fieldErrors(request).byField
        formURL = SiteURL.eligibility.path
        csrfToken = request.csrfToken
        referenceDate = form.value("referenceDate")
        education = (0..<EligibilityForm.educationRows).map { row in
            let kind = form.value("education-\(row)-kind"), level = form.value("education-\(row)-level")
            return EducationRow(
                number: row + 1, kindID: "education-\(row)-kind", levelID: "education-\(row)-level", dateID: "education-\(row)-date",
                kinds: EducationEvidenceKind.allCases.map { Option(value: $0.rawValue, label: $0.title[language], selected: $0.rawValue == kind) },
                levels: LevelOptionGroup.all(levels, language: language, selected: level),
                date: form.value("education-\(row)-date"),
                levelError: messages["education-\(row)-level"], dateError: messages["education-\(row)-date"])
        }
        diplomas = (0..<EligibilityForm.diplomaRows).map { row in
            DiplomaRow(number: row + 1, providerID: "diploma-\(row)-provider", dateID: "diploma-\(row)-date",
                       provider: form.value("diploma-\(row)-provider"), date: form.value("diploma-\(row)-date"),
                       providerError: messages["diploma-\(row)-provider"], dateError: messages["diploma-\(row)-date"])
        }
        courses = (0..<EligibilityForm.courseRows).map { row in
            CourseRow(number: row + 1, titleID: "course-\(row)-title", hoursID: "course-\(row)-hours", ectsID: "course-\(row)-ects",
                      dateID: "course-\(row)-date", title: form.value("course-\(row)-title"), hours: form.value("course-\(row)-hours"),
                      ects: form.value("course-\(row)-ects"), date: form.value("course-\(row)-date"),
                      hoursError: messages["course-\(row)-hours"], ectsError: messages["course-\(row)-ects"],
                      dateError: messages["course-\(row)-date"])
        }
        // Providers the data files name, offered as suggestions.
        var names: [String] = []
        for version in request.standard.frameworks.allVersions {
            for case let .jobcoachDiploma(providers?, _, _) in version.entryRequirements.flatMap(\.conditions) {
                for name in providers where !names.contains(name) { names.append(name) }
            }
        }
        providers = names.sorted()
        experienceSince = form.value("experience-since")
        experienceHours = form.value("experience-hours")
        practising = form.value("experience-practising") == "on"
        // The summary names each field with its group, as the form shows it: "Course 1 › Completed on".
        errors = problems.fieldErrors(request).map { error in
            FieldError(field: error.field, message: Self.fieldName(error.field, request).map { "\($0): \(error.message)" } ?? error.message)
        }
        hasErrors = !errors.isEmpty
        referenceDateError = messages["referenceDate"]
        experienceSinceError = messages["experience-since"]
        experienceHoursError = messages["experience-hours"]
        hasVerdicts = verdicts != nil
        self.verdicts = (verdicts ?? []).map { verdict, version in
            Verdict(title: version.title[language], version: version.version,
                    url: SiteURL.frameworkVersion(.value(version.id), .value(version.version)).path,
                    eligible: verdict.eligible,
                    requirements: verdict.requirements.map { result in
                        Requirement(title: result.title[language], met: result.met, explanation: result.explanation[language],
                                    parts: result.children.map { Part(title: $0.title[language], met: $0.met, explanation: $0.explanation[language]) })
                    })
        }
        referenceDateText = form.referenceDate.text(in: language)
        let met = (verdicts ?? []).filter { $0.0.eligible }.count
        verdictSummary = request.t(met == 1 ? "eligibilitySummaryOne" : "eligibilitySummary",
                                   ["met": String(met), "count": String(verdicts?.count ?? 0)])
    }

    /// "Course 1 › Completed on" for `course-0-date`: the group's name with its number, and the field's
    /// label; nil for a field that stands alone.
    static func fieldName(_ field: String, _ request: Request) -> String? {
        let parts = field.split(separator: "-").map(String.init)
        guard parts.count == 3, let row = Int(parts[1]) else {
            switch field {
            case "referenceDate": return request.t("eligibilityReferenceDate")
            case "experience-since": return request.t("eligibilityExperience") + " › " + request.t("eligibilitySince")
            case "experience-hours": return request.t("eligibilityExperience") + " › " + request.t("eligibilityExperienceHours")
            default: return nil
            }
        }
        let group: String
        switch parts[0] {
        case "education": group = request.t("eligibilityEducationRow")
        case "diploma": group = request.t("eligibilityDiplomaRow")
        case "course": group = request.t("eligibilityCourseRow")
        default: return nil
        }
        let label: String
        switch (parts[0], parts[2]) {
        case ("education", "kind"): label = request.t("eligibilityShownBy")
        case ("education", "level"): label = request.t("eligibilityLevel")
        case ("education", "date"), ("course", "date"): label = request.t("eligibilityCompletedOn")
        case ("diploma", "provider"): label = request.t("eligibilityProvider")
        case ("diploma", "date"): label = request.t("eligibilityObtainedOn")
        case ("course", "title"): label = request.t("eligibilityCourseTitle")
        case ("course", "hours"): label = request.t("eligibilityHours")
        case ("course", "ects"): label = request.t("eligibilityEcts")
        default: return group + " \(row + 1)"
        }
        return "\(group) \(row + 1) › \(label)"
    }
}
