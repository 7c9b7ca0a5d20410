/// What a trainee's finished modules cover of a framework on a day: the hours of the modules
/// completed on or before it, the top-level items those modules cover (an item counts as covered when
/// a module covers it or one of its indicators), the items none covers, and the framework's
/// course-hours rule (register-jobcoach: 98 hours) over those hours.
public struct TrainingCoverage: Hashable, Encodable, Sendable {
    public struct Module: Hashable, Sendable {
        public var id: String
        public var hours: Double
        /// Item ids of the framework: top-level items or indicators.
        public var covers: [String]
        /// Nil while the module is not completed.
        public var completedOn: CalendarDate?

        public init(id: String, hours: Double, covers: [String], completedOn: CalendarDate?) {
            self.id = id
            self.hours = hours
            self.covers = covers
            self.completedOn = completedOn
        }
    }

    public struct Requirement: Hashable, Encodable, Sendable {
        public var met: Bool
        public var explanation: LocalizedText
    }

    public var hours: Double
    public var covered: [String]
    public var notCovered: [String]
    /// Nil when the framework has no course-hours rule.
    public var trainingRequirement: Requirement?

    private enum CodingKeys: String, CodingKey { case hours, covered, notCovered, trainingRequirement }

    /// `trainingRequirement` is written as null when there is no rule, never left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hours, forKey: .hours)
        try container.encode(covered, forKey: .covered)
        try container.encode(notCovered, forKey: .notCovered)
        try container.encode(trainingRequirement, forKey: .trainingRequirement)
    }

    /// `modules` must name items of `version` (see `TrainingCoverageRequest`).
    public static func compute(_ version: FrameworkVersion, modules: [Module], on day: CalendarDate,
                               engine: EligibilityEngine) -> TrainingCoverage {
        let counted = modules.filter { $0.completedOn.map { $0 <= day } ?? false }
        let hours = counted.reduce(0) { $0 + $1.hours }
        var coveredIDs: Set<String> = []
        for module in counted {
            for id in module.covers {
                if let item = version.topLevelItem(containing: id) { coveredIDs.insert(item.id) }
            }
        }
        let items = version.topLevelItems.map(\.id)
        let portfolio = Portfolio(courses: counted.map { CourseRecord(title: $0.id, hours: $0.hours, ects: nil, completedOn: $0.completedOn ?? day) })
        let rule = engine.firstResult(ofType: "courseHours", in: version, portfolio: portfolio, on: day)
        return TrainingCoverage(hours: hours, covered: items.filter(coveredIDs.contains), notCovered: items.filter { !coveredIDs.contains($0) },
                                trainingRequirement: rule.map { Requirement(met: $0.met, explanation: $0.explanation) })
    }
}

/// The body of `POST /api/v1/training/coverage` as sent; `prepare` names the first field it cannot use.
public struct TrainingCoverageRequest: Decodable, Sendable {
    public struct Module: Decodable, Sendable {
        public var id: String
        public var hours: Double
        public var covers: [String]
        public var completedOn: String?
    }

    public var framework: String
    public var on: String
    public var modules: [Module]

    public static let maximumModules = 1_000

    public func prepare(_ catalog: FrameworkCatalog) throws(InputFieldError) -> (FrameworkVersion, CalendarDate, [TrainingCoverage.Module]) {
        guard catalog.contains(framework) else {
            throw InputFieldError(field: "framework", message: "'\(framework)' is not a framework; known: \(catalog.ids.joined(separator: ", "))")
        }
        guard let day = CalendarDate(on) else { throw InputFieldError(field: "on", message: "must be a date as YYYY-MM-DD, not '\(on)'") }
        guard let version = catalog.version(framework, on: day) else {
            throw InputFieldError(field: "on", message: "\(framework) has no version in force on \(on)")
        }
        guard modules.count <= Self.maximumModules else {
            throw InputFieldError(field: "modules", message: "at most \(Self.maximumModules) modules per request")
        }
        var prepared: [TrainingCoverage.Module] = []
        var seen: Set<String> = []
        for (index, module) in modules.enumerated() {
            let field = "modules[\(index)]"
            let id = module.id.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !id.isEmpty else { throw InputFieldError(field: "\(field).id", message: "must not be empty") }
            guard seen.insert(id).inserted else { throw InputFieldError(field: "\(field).id", message: "'\(id)' is used by another module") }
            guard module.hours.isFinite, (0...10_000).contains(module.hours) else {
                throw InputFieldError(field: "\(field).hours", message: "must be from 0 to 10000 hours")
            }
            for (itemIndex, item) in module.covers.enumerated() where version.topLevelItem(containing: item) == nil {
                throw InputFieldError(field: "\(field).covers[\(itemIndex)]", message: "'\(item)' is not an item of \(framework) \(version.version)")
            }
            var completed: CalendarDate?
            if let text = module.completedOn {
                guard let date = CalendarDate(text) else {
                    throw InputFieldError(field: "\(field).completedOn", message: "must be a date as YYYY-MM-DD, not '\(text)'")
                }
                completed = date
            }
            prepared.append(TrainingCoverage.Module(id: id, hours: module.hours, covers: module.covers, completedOn: completed))
        }
        return (version, day, prepared)
    }
}
