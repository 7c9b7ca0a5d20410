import Fluent
import Foundation
import JobcoachCore
import SQLKit
import Vapor

/// Keeps each agency's `WorkplaceIndex` in memory, so that a client's matching page does not read
/// every workplace. The agency row's `workplace_revision` goes up with every workplace change (in the
/// same transaction), so an instance that finds a newer revision reloads: app instances never serve
/// a stale index for longer than one request.
actor WorkplaceIndexCache {
    private var entries: [UUID: WorkplaceIndex] = [:]
    private var order: [UUID] = []
    private let capacity = 16

    func index(organisationID: UUID, on database: any Database, standard: ProfessionalStandard) async throws -> WorkplaceIndex {
        let revision = try await Organisation.query(on: database).filter(\.$id == organisationID).first()?.workplaceRevision ?? 0
        if let cached = entries[organisationID], cached.revision == revision { return cached }
        let index = try await Self.load(organisationID: organisationID, revision: revision, on: database, standard: standard)
        entries[organisationID] = index
        order.removeAll { $0 == organisationID }
        order.append(organisationID)
        if order.count > capacity { entries[order.removeFirst()] = nil }
        return index
    }

    /// Reads the open workplaces with their employers' names: only the columns matching needs, as
    /// plain rows (no models), in one query (paging would sort the rows once per page).
    static func load(organisationID: UUID, revision: Int, on database: any Database, standard: ProfessionalStandard) async throws -> WorkplaceIndex {
        guard let sql = database as? any SQLDatabase else {
            return WorkplaceIndex(revision: revision, workplaces: [], skills: SkillIndex(), summaries: [:])
        }
        var employers: [UUID: String] = [:]
        var carving: Set<UUID> = []
        for row in try await sql.select().column("id").column("name").column("job_carving").column("new_job").from(Employer.schema)
            .where("organisation_id", .equal, organisationID).all() {
            let id = try row.decode(column: "id", as: UUID.self)
            employers[id] = try row.decode(column: "name", as: String.self)
            if try row.decode(column: "job_carving", as: Bool.self) || row.decode(column: "new_job", as: Bool.self) { carving.insert(id) }
        }
        var skills = SkillIndex()
        var workplaces: [MatchWorkplace] = []
        var summaries: [String: WorkplaceIndex.Summary] = [:]
        // Occupations and condition lists repeat a lot: read each distinct text once.
        var occupationCache: [String: OccupationTarget?] = [:]
        var conditionCache: [String: ConditionSet] = [:]
        func conditions(_ text: String, _ use: ConditionUse) -> ConditionSet {
            let key = use.rawValue + ":" + text
            if let known = conditionCache[key] { return known }
            let set = PracticeMapping.conditions(text, use: use, vocabulary: standard.conditions)
            conditionCache[key] = set
            return set
        }
        do {
            let query = sql.select()
                .columns("id", "employer_id", "title", "place", "occupation_uri", "isco_code", "required_skills", "demands", "adjustable",
                         "offers", "hours_min", "hours_max", "lat", "lon")
                .from(Workplace.schema)
                .where("organisation_id", .equal, organisationID)
                .where("status", .equal, "open")
            let rows = try await query.all()
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let uri = try row.decode(column: "occupation_uri", as: String?.self)
                let isco = try row.decode(column: "isco_code", as: String?.self)
                let occupationKey = (uri ?? "") + "|" + (isco ?? "")
                let occupation: OccupationTarget?
                if let known = occupationCache[occupationKey] {
                    occupation = known
                } else {
                    occupation = PracticeMapping.occupation(uri: uri, isco: isco, catalog: standard.occupations)
                    occupationCache[occupationKey] = occupation
                }
                var required: [Int] = []
                for name in PracticeMapping.lines(try row.decode(column: "required_skills", as: String.self)) {
                    let number = skills.number(name)
                    if !required.contains(number) { required.append(number) }
                }
                let demands = conditions(try row.decode(column: "demands", as: String.self), .demand)
                let key = id.uuidString
                let employerID = try row.decode(column: "employer_id", as: UUID.self)
                workplaces.append(MatchWorkplace(
                    id: key, occupation: occupation, requiredSkills: required,
                    hoursPerWeek: PracticeMapping.hours(try row.decode(column: "hours_min", as: Double?.self), try row.decode(column: "hours_max", as: Double?.self)),
                    location: PracticeMapping.point(try row.decode(column: "lat", as: Double?.self), try row.decode(column: "lon", as: Double?.self)),
                    offers: conditions(try row.decode(column: "offers", as: String.self), .need),
                    demands: demands,
                    adjustable: conditions(try row.decode(column: "adjustable", as: String.self), .demand).intersection(demands),
                    carvesJobs: carving.contains(employerID)))
                summaries[key] = WorkplaceIndex.Summary(title: try row.decode(column: "title", as: String.self), employerID: employerID,
                                                        employerName: employers[employerID] ?? "", place: try row.decode(column: "place", as: String.self))
            }
        }
        return WorkplaceIndex(revision: revision, workplaces: workplaces, skills: skills, summaries: summaries)
    }

    /// Raises the agency's revision: call it in the transaction of every workplace change.
    static func touch(organisationID: UUID, on database: any Database) async throws {
        guard let organisation = try await Organisation.find(organisationID, on: database) else { return }
        organisation.workplaceRevision += 1
        try await organisation.update(on: database)
    }
}

extension Application {
    private struct WorkplaceIndexCacheKey: StorageKey { typealias Value = WorkplaceIndexCache }

    var workplaceIndexes: WorkplaceIndexCache {
        get {
            guard let cache = storage[WorkplaceIndexCacheKey.self] else { fatalError("configure(_:) has not made the workplace index cache") }
            return cache
        }
        set { storage[WorkplaceIndexCacheKey.self] = newValue }
    }
}
