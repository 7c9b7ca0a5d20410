import JobcoachCore

/// The "Do I qualify?" form: a few rows each for education, diplomas and courses, and the experience.
/// It keeps what was typed, so the page can show it again with the problems next to the fields.
struct EligibilityForm: Sendable {
    static let educationRows = 3
    static let diplomaRows = 2
    static let courseRows = 3

    var fields: FormFields
    var referenceDate: CalendarDate

    init(today: CalendarDate) {
        fields = FormFields(["referenceDate": today.description])
        referenceDate = today
    }

    init(fields values: [String: String], today: CalendarDate) {
        fields = FormFields(values)
        referenceDate = CalendarDate(fields.value("referenceDate")) ?? today
    }

    func value(_ field: String) -> String { fields.value(field) }

    /// The portfolio, or the problems that keep it from being read. Rows left empty are skipped.
    func parse(levels: QualificationLevelCatalog) -> (Portfolio?, [FormProblem]) {
        var form = fields
        _ = form.date("referenceDate", required: true)
        var education: [EducationRecord] = []
        for row in 0..<Self.educationRows {
            let kind = "education-\(row)-kind", level = "education-\(row)-level", completed = "education-\(row)-date"
            guard !form.isEmpty([level, completed]) else { continue }
            let reference = LevelOptionGroup.reference(form.value(level), in: levels)
            if reference == nil { form.problem(level, "formLevelMissing") }
            let day = form.date(completed, required: true)
            if let day, let reference {
                education.append(EducationRecord(kind: EducationEvidenceKind(rawValue: form.value(kind)) ?? .degree,
                                                 level: reference, completedOn: day))
            }
        }
        var diplomas: [JobcoachDiplomaRecord] = []
        for row in 0..<Self.diplomaRows {
            let provider = "diploma-\(row)-provider", completed = "diploma-\(row)-date"
            guard !form.isEmpty([provider, completed]) else { continue }
            let name = form.text(provider, missing: "formProviderMissing")
            let day = form.date(completed, required: true)
            if let name, let day { diplomas.append(JobcoachDiplomaRecord(provider: name, completedOn: day)) }
        }
        var courses: [CourseRecord] = []
        for row in 0..<Self.courseRows {
            let title = "course-\(row)-title", hours = "course-\(row)-hours", ects = "course-\(row)-ects", completed = "course-\(row)-date"
            guard !form.isEmpty([title, hours, ects, completed]) else { continue }
            let hoursValue = form.amount(hours), ectsValue = form.amount(ects)
            if form.isEmpty([hours, ects]) { form.problem(hours, "formCourseAmountMissing") }
            let day = form.date(completed, required: true)
            if let day, hoursValue != nil || ectsValue != nil {
                courses.append(CourseRecord(title: form.value(title), hours: hoursValue, ects: ectsValue, completedOn: day))
            }
        }
        let experience = ExperienceRecord(jobcoachSince: form.date("experience-since", required: false),
                                          jobcoachHours: form.amount("experience-hours") ?? 0,
                                          practisingNow: form.value("experience-practising") == "on")
        guard form.problems.isEmpty else { return (nil, form.problems) }
        return (Portfolio(education: education, jobcoachDiplomas: diplomas, courses: courses, experience: experience), [])
    }
}
