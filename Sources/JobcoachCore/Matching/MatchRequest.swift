import Foundation

/// The stateless matching input of `POST /api/v1/matching/rank`, as sent. `prepare` checks every
/// field and turns it into the engine's types, naming the first field it cannot use.
public struct MatchRequest: Decodable, Sendable {
    public struct Hours: Decodable, Sendable {
        public var min: Double
        public var max: Double
    }

    public struct Point: Decodable, Sendable {
        public var lat: Double
        public var lon: Double
    }

    public struct Candidate: Decodable, Sendable {
        public var desiredOccupations: [String]?
        public var skills: [String]?
        public var hoursPerWeek: Hours?
        public var home: Point?
        public var maxTravelKm: Double?
        public var needs: [String]?
        public var cannot: [String]?
    }

    public struct Workplace: Decodable, Sendable {
        public var id: String
        public var occupation: String?
        public var requiredSkills: [String]?
        public var hoursPerWeek: Hours?
        public var location: Point?
        public var offers: [String]?
        public var demands: [String]?
        public var adjustable: [String]?
    }

    public var candidate: Candidate
    public var workplaces: [Workplace]
    public var limit: Int?

    public static let defaultLimit = 10
    public static let maximumLimit = 1_000
    public static let maximumWorkplaces = 50_000

    /// What the engine needs: the candidate, the workplaces, the skill names they share, the limit.
    public struct Prepared: Sendable {
        public var candidate: MatchCandidate
        public var workplaces: [MatchWorkplace]
        public var skills: SkillIndex
        public var limit: Int
    }

    public func prepare(vocabulary: ConditionVocabulary, occupations: OccupationCatalog) throws(InputFieldError) -> Prepared {
        let limit = self.limit ?? Self.defaultLimit
        guard (1...Self.maximumLimit).contains(limit) else {
            throw InputFieldError(field: "limit", message: "must be from 1 to \(Self.maximumLimit)")
        }
        guard workplaces.count <= Self.maximumWorkplaces else {
            throw InputFieldError(field: "workplaces", message: "at most \(Self.maximumWorkplaces) workplaces per request")
        }
        var skills = SkillIndex()
        var seen: Set<String> = []
        var prepared: [MatchWorkplace] = []
        prepared.reserveCapacity(workplaces.count)
        for (index, input) in workplaces.enumerated() {
            let field = "workplaces[\(index)]"
            let id = input.id.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !id.isEmpty else { throw InputFieldError(field: "\(field).id", message: "must not be empty") }
            guard seen.insert(id).inserted else { throw InputFieldError(field: "\(field).id", message: "'\(id)' is used by another workplace") }
            let occupation = try input.occupation.map { reference throws(InputFieldError) in
                try occupations.target(reference, field: "\(field).occupation")
            }
            var required: [Int] = []
            for (skillIndex, name) in (input.requiredSkills ?? []).enumerated() {
                guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw InputFieldError(field: "\(field).requiredSkills[\(skillIndex)]", message: "must not be empty")
                }
                let number = skills.number(name)
                if !required.contains(number) { required.append(number) }
            }
            let demands = try vocabulary.set(input.demands ?? [], use: .demand, field: "\(field).demands")
            let adjustable = try vocabulary.set(input.adjustable ?? [], use: .demand, field: "\(field).adjustable")
            if !adjustable.subtracting(demands).isEmpty {
                let extra = vocabulary.ids(adjustable.subtracting(demands), use: .demand).joined(separator: ", ")
                throw InputFieldError(field: "\(field).adjustable", message: "'\(extra)' is not among the workplace's demands")
            }
            prepared.append(MatchWorkplace(
                id: id, occupation: occupation, requiredSkills: required,
                hoursPerWeek: try Self.hours(input.hoursPerWeek, field: "\(field).hoursPerWeek"),
                location: try Self.point(input.location, field: "\(field).location"),
                offers: try vocabulary.set(input.offers ?? [], use: .need, field: "\(field).offers"),
                demands: demands, adjustable: adjustable))
        }
        var desired: [OccupationTarget] = []
        for (index, reference) in (candidate.desiredOccupations ?? []).enumerated() {
            desired.append(try occupations.target(reference, field: "candidate.desiredOccupations[\(index)]"))
        }
        if let maximum = candidate.maxTravelKm, !(maximum.isFinite && maximum >= 0 && maximum <= 1_000) {
            throw InputFieldError(field: "candidate.maxTravelKm", message: "must be from 0 to 1000 kilometres")
        }
        let match = MatchCandidate(
            desiredOccupations: desired,
            skills: (candidate.skills ?? []).compactMap { skills.existing($0) },
            hoursPerWeek: try Self.hours(candidate.hoursPerWeek, field: "candidate.hoursPerWeek"),
            home: try Self.point(candidate.home, field: "candidate.home"),
            maxTravelKm: candidate.maxTravelKm,
            needs: try vocabulary.set(candidate.needs ?? [], use: .need, field: "candidate.needs"),
            cannot: try vocabulary.set(candidate.cannot ?? [], use: .demand, field: "candidate.cannot"))
        return Prepared(candidate: match, workplaces: prepared, skills: skills, limit: limit)
    }

    static func hours(_ input: Hours?, field: String) throws(InputFieldError) -> HoursRange? {
        guard let input else { return nil }
        let range = HoursRange(min: input.min, max: input.max)
        guard range.isValid else {
            throw InputFieldError(field: field, message: "min and max must be hours per week from 0 to 168, min not above max")
        }
        return range
    }

    static func point(_ input: Point?, field: String) throws(InputFieldError) -> GeoPoint? {
        guard let input else { return nil }
        let point = GeoPoint(lat: input.lat, lon: input.lon)
        guard point.isValid else {
            throw InputFieldError(field: field, message: "lat must be from -90 to 90 and lon from -180 to 180")
        }
        return point
    }
}
