import Foundation
import JobcoachCore

/// Turns practice rows into the core's matching values. Stored lists are checked when saved; here a
/// term or occupation that the data no longer knows (after a vocabulary change) is left out rather
/// than failing a page.
enum PracticeMapping {
    /// Condition ids are stored separated by spaces.
    static func ids(_ stored: String) -> [String] {
        stored.split(separator: " ").map(String.init)
    }

    static func stored(_ ids: [String]) -> String {
        ids.joined(separator: " ")
    }

    /// Lines of a text area, trimmed, without empty ones and duplicates.
    static func lines(_ text: String) -> [String] {
        var seen: Set<String> = []
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert(OccupationCatalog.fold($0)).inserted }
    }

    static func conditions(_ stored: String, use: ConditionUse, vocabulary: ConditionVocabulary) -> ConditionSet {
        let known = ids(stored).filter { vocabulary.term($0)?.use == use }
        return (try? vocabulary.set(known, use: use, field: "")) ?? .empty
    }

    static func hours(_ min: Double?, _ max: Double?) -> HoursRange? {
        guard let min, let max else { return nil }
        let range = HoursRange(min: min, max: max)
        return range.isValid ? range : nil
    }

    static func point(_ lat: Double?, _ lon: Double?) -> GeoPoint? {
        guard let lat, let lon else { return nil }
        let point = GeoPoint(lat: lat, lon: lon)
        return point.isValid ? point : nil
    }

    static func occupation(uri: String?, isco: String?, catalog: OccupationCatalog) -> OccupationTarget? {
        if let uri, let target = try? catalog.target(uri, field: "") { return target }
        if let isco, let target = try? catalog.target(isco, field: "") { return target }
        return nil
    }

    static func workplace(_ row: Workplace, carvesJobs: Bool, skills: inout SkillIndex, standard: ProfessionalStandard) -> MatchWorkplace {
        var required: [Int] = []
        for name in lines(row.requiredSkills) {
            let number = skills.number(name)
            if !required.contains(number) { required.append(number) }
        }
        let demands = conditions(row.demands, use: .demand, vocabulary: standard.conditions)
        return MatchWorkplace(
            id: row.id?.uuidString ?? "",
            occupation: occupation(uri: row.occupationURI, isco: row.iscoCode, catalog: standard.occupations),
            requiredSkills: required,
            hoursPerWeek: hours(row.hoursMin, row.hoursMax),
            location: point(row.lat, row.lon),
            offers: conditions(row.offers, use: .need, vocabulary: standard.conditions),
            demands: demands,
            adjustable: conditions(row.adjustable, use: .demand, vocabulary: standard.conditions).intersection(demands),
            carvesJobs: carvesJobs)
    }

    static func candidate(_ profile: EmployeeProfile, skills: SkillIndex, standard: ProfessionalStandard) -> MatchCandidate {
        MatchCandidate(
            desiredOccupations: lines(profile.desiredOccupations).compactMap { try? standard.occupations.target($0, field: "") },
            skills: lines(profile.skills).compactMap { skills.existing($0) },
            hoursPerWeek: hours(profile.hoursMin, profile.hoursMax),
            home: point(profile.homeLat, profile.homeLon),
            maxTravelKm: profile.maxTravelKm,
            needs: conditions(profile.needs, use: .need, vocabulary: standard.conditions),
            cannot: conditions(profile.cannot, use: .demand, vocabulary: standard.conditions))
    }
}
