/// A single testable entry requirement, with the parameters the data file gives it. The eligibility
/// engine evaluates these; no framework has requirements written in Swift.
public enum RequirementCondition: Hashable, Encodable, Sendable {
    /// An education at or above a level, shown by one of the given kinds of evidence.
    case qualification(minimumLevel: LevelReference, shownBy: [EducationEvidenceKind])
    /// A job coach diploma from one of the providers (any provider when nil), inside a date window.
    case jobcoachDiploma(providers: [String]?, completedOnOrAfter: CalendarDate?, completedBefore: CalendarDate?)
    /// A diploma of a job coach training the register recognises for the framework, from one of the
    /// providers (any recognised provider when nil). The dates are the recognitions'
    /// (`ProgrammeRecognition`), not the requirement's.
    case recognisedDiploma(providers: [String]?)
    /// Relevant courses of at least so many hours, or EC converted at `hoursPerEcts`.
    case courseHours(minimumHours: Double, minimumEcts: Double?, hoursPerEcts: Double?, fields: [LocalizedText])
    /// Active as a job coach for at least so many years on the reference date.
    case experienceYears(minimumYears: Int)
    /// At least so many hours of job coach experience.
    case experienceHours(minimumHours: Int)
    /// Practising as a job coach on the reference date.
    case practising

    /// The type name used in data files.
    public var typeName: String {
        switch self {
        case .qualification: "qualification"
        case .jobcoachDiploma: "jobcoachDiploma"
        case .recognisedDiploma: "recognisedDiploma"
        case .courseHours: "courseHours"
        case .experienceYears: "experienceYears"
        case .experienceHours: "experienceHours"
        case .practising: "practising"
        }
    }

    /// The parameters each type accepts, for the data file check.
    public static let parameterNames: [String: Set<String>] = [
        "qualification": ["minimumLevel", "shownBy"],
        "jobcoachDiploma": ["providers", "completedOnOrAfter", "completedBefore"],
        "recognisedDiploma": ["providers"],
        "courseHours": ["minimumHours", "minimumEcts", "hoursPerEcts", "fields"],
        "experienceYears": ["minimumYears"],
        "experienceHours": ["minimumHours"],
        "practising": [],
    ]

    private enum CodingKeys: String, CodingKey {
        case type, minimumLevel, shownBy, providers, completedOnOrAfter, completedBefore
        case minimumHours, minimumEcts, hoursPerEcts, fields, minimumYears
    }

    /// Encodes as in the data file: `{type, ...parameters}`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(typeName, forKey: .type)
        switch self {
        case let .qualification(minimumLevel, shownBy):
            try container.encode(minimumLevel, forKey: .minimumLevel)
            try container.encode(shownBy, forKey: .shownBy)
        case let .jobcoachDiploma(providers, onOrAfter, before):
            try container.encodeIfPresent(providers, forKey: .providers)
            try container.encodeIfPresent(onOrAfter, forKey: .completedOnOrAfter)
            try container.encodeIfPresent(before, forKey: .completedBefore)
        case let .recognisedDiploma(providers):
            try container.encodeIfPresent(providers, forKey: .providers)
        case let .courseHours(hours, ects, hoursPerEcts, fields):
            try container.encode(hours, forKey: .minimumHours)
            try container.encodeIfPresent(ects, forKey: .minimumEcts)
            try container.encodeIfPresent(hoursPerEcts, forKey: .hoursPerEcts)
            if !fields.isEmpty { try container.encode(fields, forKey: .fields) }
        case let .experienceYears(years):
            try container.encode(years, forKey: .minimumYears)
        case let .experienceHours(hours):
            try container.encode(hours, forKey: .minimumHours)
        case .practising:
            break
        }
    }
}
