/// What a person brings to an eligibility check: education, job coach diplomas, courses and
/// experience. The same shape serves the public self-check (nothing stored) and a stored portfolio.
public struct Portfolio: Hashable, Codable, Sendable {
    public var education: [EducationRecord]
    public var jobcoachDiplomas: [JobcoachDiplomaRecord]
    public var courses: [CourseRecord]
    public var experience: ExperienceRecord
    /// What the coach means to learn next (003's professional attitude asks for it): read by the
    /// assessors and the officer at recertification. Not part of any entry requirement.
    public var developmentPlan: String?

    public init(education: [EducationRecord] = [], jobcoachDiplomas: [JobcoachDiplomaRecord] = [],
                courses: [CourseRecord] = [], experience: ExperienceRecord = ExperienceRecord(), developmentPlan: String? = nil) {
        self.education = education
        self.jobcoachDiplomas = jobcoachDiplomas
        self.courses = courses
        self.experience = experience
        self.developmentPlan = developmentPlan
    }
}

/// A completed education, or an education level shown by an EVC procedure or an assessment.
public struct EducationRecord: Hashable, Codable, Sendable {
    public var kind: EducationEvidenceKind
    public var level: LevelReference
    public var completedOn: CalendarDate

    public init(kind: EducationEvidenceKind, level: LevelReference, completedOn: CalendarDate) {
        self.kind = kind
        self.level = level
        self.completedOn = completedOn
    }
}

/// A job coach diploma and who issued it.
public struct JobcoachDiplomaRecord: Hashable, Codable, Sendable {
    public var provider: String
    public var completedOn: CalendarDate

    public init(provider: String, completedOn: CalendarDate) {
        self.provider = provider
        self.completedOn = completedOn
    }
}

/// A relevant course or training, in hours, EC or both.
public struct CourseRecord: Hashable, Codable, Sendable {
    public var title: String
    public var hours: Double?
    public var ects: Double?
    public var completedOn: CalendarDate

    public init(title: String, hours: Double?, ects: Double?, completedOn: CalendarDate) {
        self.title = title
        self.hours = hours
        self.ects = ects
        self.completedOn = completedOn
    }
}

/// Experience as a job coach.
public struct ExperienceRecord: Hashable, Codable, Sendable {
    /// The day the person started working as a job coach, if they have.
    public var jobcoachSince: CalendarDate?
    public var jobcoachHours: Double
    /// Whether the person works as a job coach on the reference date.
    public var practisingNow: Bool

    /// The periods of work from the experience log, when there is one. Without them the person has
    /// worked without a break since `jobcoachSince` (what the self-check asks).
    public var periods: [ExperiencePeriod]

    public init(jobcoachSince: CalendarDate? = nil, jobcoachHours: Double = 0, practisingNow: Bool = false,
                periods: [ExperiencePeriod] = []) {
        self.jobcoachSince = jobcoachSince
        self.jobcoachHours = jobcoachHours
        self.practisingNow = practisingNow
        self.periods = periods
    }

    private enum CodingKeys: String, CodingKey {
        case jobcoachSince, jobcoachHours, practisingNow, periods
    }

    /// Records stored before the log's periods were kept decode as worked without a break.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        jobcoachSince = try container.decodeIfPresent(CalendarDate.self, forKey: .jobcoachSince)
        jobcoachHours = try container.decode(Double.self, forKey: .jobcoachHours)
        practisingNow = try container.decode(Bool.self, forKey: .practisingNow)
        periods = try container.decodeIfPresent([ExperiencePeriod].self, forKey: .periods) ?? []
    }
}
