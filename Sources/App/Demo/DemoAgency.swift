import Fluent
import Foundation
import JobcoachCore
import SQLKit
import Vapor

/// A synthetic agency at the size of a large one (`jobcoach demo --agency large`: 100 coaches in 10
/// teams, 20,000 clients, 100,000 workplaces), for trying the practice at size and for benchmarks.
/// Clients are spread over every phase with the records that phase implies (intake, profile, moves,
/// checklist ticks, placement). Multi-row inserts in batches, one transaction each.
struct DemoAgency {
    struct Size: Sendable {
        var coaches: Int
        var clients: Int
        var workplaces: Int

        static let large = Size(coaches: 100, clients: 20_000, workplaces: 100_000)
        static let small = Size(coaches: 4, clients: 40, workplaces: 200)
    }

    let application: Application
    static let batchSize = 400

    /// Occupations elementary and service jobs are found in; workplaces pick from these.
    static let occupationLabels = [
        "kitchen assistant", "kitchen porter", "hand packer", "room attendant", "shelf filler", "warehouse order picker",
        "garden labourer", "data entry clerk", "building cleaner", "warehouse worker", "materials handler", "factory hand",
        "quick service restaurant crew member", "vehicle cleaner", "fruit and vegetable picker", "recycling worker",
    ]
    static let skills = [
        "inpakken", "hygiëne", "afwassen", "schoonmaken", "vakken vullen", "orderpicken", "scanner gebruiken", "snoeien", "maaien",
        "computer gebruiken", "nauwkeurig werken", "kassawerk", "groente snijden", "heftruck rijden", "sorteren", "strijken",
        "koffie zetten", "tafels dekken", "post sorteren", "archiveren", "fietsen repareren", "dieren verzorgen",
    ]
    static let firstNames = ["Anouk", "Bram", "Daan", "Eva", "Fatima", "Gijs", "Hanna", "Ibrahim", "Julia", "Kees", "Lotte", "Mohamed",
                             "Noor", "Olaf", "Priya", "Quinten", "Roos", "Sem", "Tess", "Umar", "Vera", "Wouter", "Yara", "Zeynep"]
    static let lastNames = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
                            "Peters", "Hendriks", "van Dijk", "Yilmaz", "El Amrani", "Kaya", "van der Berg", "Dekker", "Brouwer"]
    static let employerWords = ["Bakkerij", "Supermarkt", "Hotel", "Distributiecentrum", "Groenbedrijf", "Restaurant", "Drukkerij",
                                "Wasserij", "Fietsenmaker", "Zorgcentrum", "Kantoor", "Tuincentrum", "Kringloopwinkel", "Garage"]
    static let employerNames = ["De Eik", "Het Anker", "Noord", "De Brug", "Zonnehoek", "De Linde", "Het Plein", "Oost", "De Molen",
                                "Het Baken", "De Poort", "West", "De Haven", "Het Veld", "Centrum", "De Toren"]

    /// Makes the agency; `progress(stage, done, total)` for a progress bar.
    /// The accounts that can log in when `JOBCOACH_DEMO_PASSWORD` is set, for the agency numbered `number`.
    static func loginEmails(number: Int) -> [String] {
        ["coach-\(number)-1@synthetic.jobcoach.test", "lead-\(number)-1@synthetic.jobcoach.test", "manager-\(number)-1@synthetic.jobcoach.test"]
    }

    func generate(size: Size, progress: @Sendable (String, Int, Int) -> Void) async throws -> (id: UUID, number: Int) {
        let app = application
        let standard = app.standard
        let now = app.clock.now()
        let timeZone = app.configuration.timeZone
        guard let framework = ProcessFramework.version(on: CalendarDate(now, in: timeZone), in: standard.frameworks) else {
            throw ConfigurationError("no process framework version in force")
        }
        var random = SeededRandom(seed: 4_2026)
        let unusableHash = try await app.accounts.hash(SecureToken.random())
        // With JOBCOACH_DEMO_PASSWORD set, the first coach, the first team lead and the agency manager can log in
        // with it (for trying the agency and for benchmarks); nobody else can.
        let knownHash = try await app.configuration.demoPassword.asyncMap { try await app.accounts.hash($0) }
        let organisationID = UUID()
        let number = try await Organisation.query(on: app.db).count() + 1
        let teamCount = max(1, size.coaches / 10)
        let teamIDs = (0..<teamCount).map { _ in UUID() }
        var coachIDs: [UUID] = []
        var coachTeams: [UUID] = []
        let occupations = Self.occupationLabels.compactMap { standard.occupations.target(describedBy: $0) }
        let places = standard.places.places
        let needIDs = standard.conditions.terms(.need).map(\.id)
        let demandIDs = standard.conditions.terms(.demand).map(\.id)

        // The agency, its teams, coaches (who cannot log in) and a team lead per team.
        try await app.changes.perform(on: app.db) { db in
            guard let sql = db as? any SQLDatabase else { return }
            try await sql.insert(into: Organisation.schema).columns("id", "name", "process_framework", "workplace_revision", "created_at")
                .values([organisationID, "Synthetisch bureau \(number)", ProcessFramework.defaultID, 1, now] as [any Encodable & Sendable]).run()
            var teams = sql.insert(into: Team.schema).columns("id", "organisation_id", "name")
            for (index, id) in teamIDs.enumerated() { teams = teams.values([id, organisationID, "Team \(index + 1)"] as [any Encodable & Sendable]) }
            try await teams.run()
            try await AuditTrail(clock: app.clock).record(on: db, chain: .organisation(organisationID), actor: "cli", action: "demo.agency-created",
                                                          subject: "organisation:\(organisationID.uuidString)",
                                                          details: ["coaches": String(size.coaches), "clients": String(size.clients), "workplaces": String(size.workplaces)])
        }
        var people: [(UUID, String, String, Role, UUID?)] = []
        for index in 0..<size.coaches {
            let team = teamIDs[index % teamCount]
            let id = UUID()
            coachIDs.append(id)
            coachTeams.append(team)
            people.append((id, "coach-\(number)-\(index + 1)@synthetic.jobcoach.test", "\(random.pick(Self.firstNames)) \(random.pick(Self.lastNames))", .jobCoach, team))
        }
        for (index, team) in teamIDs.enumerated() {
            people.append((UUID(), "lead-\(number)-\(index + 1)@synthetic.jobcoach.test", "\(random.pick(Self.firstNames)) \(random.pick(Self.lastNames))", .teamLead, team))
        }
        // The agency manager sees the whole agency's figures and belongs to no one team.
        people.append((UUID(), "manager-\(number)-1@synthetic.jobcoach.test", "\(random.pick(Self.firstNames)) \(random.pick(Self.lastNames))", .agencyManager, nil))
        try await insertBatches(people, stage: "accounts", progress: progress) { sql, batch in
            var users = sql.insert(into: User.schema).columns("id", "email", "display_name", "password_hash", "role", "must_change_password", "is_active", "created_at", "updated_at")
            var members = sql.insert(into: Membership.schema).columns("id", "user_id", "organisation_id", "team_id")
            for (id, email, name, role, team) in batch {
                let canLogIn = Self.loginEmails(number: number).contains(email)
                let hash = canLogIn ? knownHash ?? unusableHash : unusableHash
                users = users.values([id, email, name, hash, role.rawValue, false, true, now, now] as [any Encodable & Sendable])
                members = members.values([UUID(), id, organisationID, team] as [any Encodable & Sendable])
            }
            try await users.run()
            try await members.run()
        }

        // Commissioners.
        let commissionerIDs = (0..<4).map { _ in UUID() }
        try await insertBatches(Array(commissionerIDs.enumerated()), stage: "commissioners", progress: progress) { sql, batch in
            var rows = sql.insert(into: Commissioner.schema).columns("id", "organisation_id", "name", "kind", "contact_name", "contact_email", "contact_phone", "created_at")
            for (index, id) in batch {
                let kind = index % 2 == 0 ? CommissionerKind.benefitsAgency : CommissionerKind.municipality
                rows = rows.values([id, organisationID, "\(kind == .benefitsAgency ? "UWV regio" : "Gemeente") \(places[index % places.count].name)",
                                    kind.rawValue, "", "", "", now] as [any Encodable & Sendable])
            }
            try await rows.run()
        }

        // Employers with five workplaces each.
        let employerCount = max(1, size.workplaces / 5)
        var employers: [(UUID, String, Place)] = []
        for index in 0..<employerCount {
            employers.append((UUID(), "\(random.pick(Self.employerWords)) \(random.pick(Self.employerNames)) \(index + 1)", random.pick(places)))
        }
        try await insertBatches(employers, stage: "employers", progress: progress) { sql, batch in
            var rows = sql.insert(into: Employer.schema).columns("id", "organisation_id", "name", "sector", "place", "profile", "inclusion",
                                                                 "job_carving", "new_job", "adjustments", "created_at", "updated_at")
            for (id, name, place) in batch {
                rows = rows.values([id, organisationID, name, "", place.name, "", "", name.count % 3 == 0, false, "", now, now] as [any Encodable & Sendable])
            }
            try await rows.run()
        }
        var workplaces: [[any Encodable & Sendable]] = []
        workplaces.reserveCapacity(size.workplaces)
        for index in 0..<size.workplaces {
            let (employerID, _, place) = employers[index % employers.count]
            let occupation = random.pick(occupations)
            let low = Double(8 + random.next(17)), high = low + Double(4 + random.next(16))
            let demands = random.sample(demandIDs, count: random.next(4))
            let adjustable = demands.filter { _ in random.next(3) == 0 }
            workplaces.append([
                UUID(), organisationID, employerID, occupation.label.prefix(1).uppercased() + occupation.label.dropFirst(), "vacancy", "",
                low, high, occupation.uri, occupation.iscoCode,
                random.sample(Self.skills, count: 1 + random.next(3)).joined(separator: "\n"),
                PracticeMapping.stored(demands), PracticeMapping.stored(adjustable),
                PracticeMapping.stored(random.sample(needIDs, count: random.next(5))), "", place.name,
                place.point.lat + (random.unit() - 0.5) / 10, place.point.lon + (random.unit() - 0.5) / 6,
                random.next(10) == 0 ? "filled" : "open", now, now,
            ])
        }
        try await insertBatches(workplaces, stage: "workplaces", progress: progress) { sql, batch in
            var rows = sql.insert(into: Workplace.schema).columns(
                "id", "organisation_id", "employer_id", "title", "source", "tasks", "hours_min", "hours_max", "occupation_uri", "isco_code",
                "required_skills", "demands", "adjustable", "offers", "environment", "place", "lat", "lon", "status", "created_at", "updated_at")
            for row in batch { rows = rows.values(row) }
            try await rows.run()
        }

        // Clients, spread over the phases the way a caseload is: most in the middle of the walk.
        let weights: [(TrajectoryPhase, Int)] = [(.intake, 6), (.employeeProfile, 10), (.workplaceProfile, 10), (.matching, 18),
                                                 (.coachingPlan, 8), (.onTheJob, 22), (.closing, 6), (.aftercare, 12), (.ended, 8)]
        let day = 86_400.0
        struct Plan: Sendable {
            var clientID: UUID, trajectoryID: UUID, coachID: UUID, teamID: UUID, name: String, place: Place, phase: TrajectoryPhase
            var started: Date, moves: [(TrajectoryPhase, TrajectoryPhase, Date)], commissionerID: UUID, workplaceIndex: Int
            var outcome: DemoOutcomes.Draw
        }
        var plans: [Plan] = []
        plans.reserveCapacity(size.clients)
        for index in 0..<size.clients {
            let coach = index % coachIDs.count
            let outcome = DemoOutcomes.draw(coach: coach, random: &random)
            // Whether the client is placed decides which phases they can be in: three years of history.
            let placedPhases: Set<TrajectoryPhase> = [.coachingPlan, .onTheJob, .closing, .aftercare]
            var phase = TrajectoryPhase.intake
            let eligible = weights.filter { $0.0 == .ended || placedPhases.contains($0.0) == outcome.placed }
            var roll = random.next(eligible.reduce(0) { $0 + $1.1 })
            for (candidate, weight) in eligible {
                if roll < weight { phase = candidate; break }
                roll -= weight
            }
            let placedOrder = TrajectoryPhase.coachingPlan.order
            let endedPrefix = outcome.placed ? placedOrder + 1 + random.next(TrajectoryPhase.sequence.count - placedOrder - 1)
                : 1 + random.next(placedOrder)
            let path: [TrajectoryPhase] = phase == .ended
                ? Array(TrajectoryPhase.sequence.prefix(endedPrefix)) + [.ended]
                : Array(TrajectoryPhase.sequence.prefix(phase.order + 1))
            var moment = now.addingTimeInterval(-Double(20 + random.next(1_075)) * day)
            let started = moment
            var moves: [(TrajectoryPhase, TrajectoryPhase, Date)] = []
            for (from, to) in zip(path, path.dropFirst()) {
                moment = min(now.addingTimeInterval(-day), moment.addingTimeInterval(Double(3 + random.next(60)) * day))
                moves.append((from, to, moment))
            }
            plans.append(Plan(clientID: UUID(), trajectoryID: UUID(), coachID: coachIDs[coach], teamID: coachTeams[coach],
                              name: "\(random.pick(Self.firstNames)) \(random.pick(Self.lastNames))", place: random.pick(places),
                              phase: path.last ?? .intake, started: started, moves: moves, commissionerID: random.pick(commissionerIDs),
                              workplaceIndex: random.next(workplaces.count), outcome: outcome))
        }
        let workplaceRows = workplaces
        try await insertBatches(plans, stage: "clients", progress: progress) { sql, batch in
            var clients = sql.insert(into: Client.schema).columns("id", "organisation_id", "team_id", "coach_id", "name", "date_of_birth", "email", "phone", "place", "created_at")
            var trajectories = sql.insert(into: Trajectory.schema).columns("id", "organisation_id", "client_id", "commissioner_id", "framework_id",
                                                                           "framework_version", "phase", "started_at", "phase_since", "ended_at", "is_current")
            var moves = sql.insert(into: TrajectoryMoveRow.schema).columns("id", "organisation_id", "trajectory_id", "from_phase", "to_phase", "moved_at", "reason", "moved_by")
            var intakes = sql.insert(into: Intake.schema).columns("id", "organisation_id", "trajectory_id", "held_on", "reason", "question", "motivation",
                                                                  "life_world", "social_network", "professional_network", "agreed_trajectory",
                                                                  "expectations", "code_of_conduct_discussed", "follow_up")
            var profiles = sql.insert(into: EmployeeProfile.schema).columns(
                "id", "organisation_id", "trajectory_id", "motivators", "values", "skills", "interests", "wishes", "learning_style",
                "attention_points", "limitations", "possibilities", "lasting_participation", "goals", "plan_of_approach", "agreed_on",
                "desired_occupations", "hours_min", "hours_max", "home_place", "home_lat", "home_lon", "max_travel_km", "needs", "cannot")
            var ticks = sql.insert(into: ChecklistTick.schema).columns("id", "organisation_id", "trajectory_id", "indicator_id", "done", "note", "updated_by")
            var placements = sql.insert(into: Placement.schema).columns("id", "organisation_id", "trajectory_id", "workplace_id", "start_on",
                                                                        "hours_per_week", "contract", "agreements", "end_reason", "created_at")
            var factors = sql.insert(into: IntakeFactorsRow.schema).columns(
                "id", "organisation_id", "trajectory_id", "target_groups", "support_need", "months_out_of_work", "employed_at_intake",
                "work_experience", "age_at_intake", "payment_group")
            var spells = sql.insert(into: JobSpell.schema).columns(
                "id", "organisation_id", "trajectory_id", "employer_name", "job_title", "start_on", "end_on", "hours_per_week",
                "hourly_wage", "contract", "regular", "end_reason", "created_at")
            var ratings = sql.insert(into: SatisfactionRating.schema).columns(
                "id", "organisation_id", "trajectory_id", "respondent", "score", "comment", "given_on", "created_at")
            var hasRatings = false
            var hasMoves = false, hasIntakes = false, hasProfiles = false, hasPlacements = false
            var coaching = DemoCoaching()
            let today = CalendarDate(now, in: timeZone)
            var seed = SeededRandom(seed: UInt64(batch.first.map { $0.started.timeIntervalSince1970 } ?? 1))
            for plan in batch {
                let phaseSince = plan.moves.last?.2 ?? plan.started
                clients = clients.values([plan.clientID, organisationID, plan.teamID, plan.coachID, plan.name, nil as String?, "", "", plan.place.name, plan.started]
                                         as [any Encodable & Sendable])
                trajectories = trajectories.values([plan.trajectoryID, organisationID, plan.clientID, plan.commissionerID, framework.id, framework.version,
                                                    plan.phase.rawValue, plan.started, phaseSince, plan.phase == .ended ? phaseSince : nil as Date?, true]
                                                   as [any Encodable & Sendable])
                for (from, to, at) in plan.moves {
                    hasMoves = true
                    moves = moves.values([UUID(), organisationID, plan.trajectoryID, from.rawValue, to.rawValue, at,
                                          to == .ended ? "Traject gestopt op verzoek van de cliënt." : "", plan.coachID] as [any Encodable & Sendable])
                }
                let draw = plan.outcome
                factors = factors.values([UUID(), organisationID, plan.trajectoryID, draw.targetGroups.map(\.rawValue).joined(separator: " "),
                                          draw.supportNeed.rawValue, draw.monthsOutOfWork, draw.employedAtIntake, draw.workExperience,
                                          draw.age, seed.next(3) == 0 ? "B" : "A"] as [any Encodable & Sendable])
                let reached = Set(plan.moves.map(\.1) + [.intake])
                if reached.contains(.employeeProfile) {
                    hasIntakes = true
                    intakes = intakes.values([UUID(), organisationID, plan.trajectoryID, CalendarDate(plan.started, in: timeZone).description,
                                              "Aangemeld door de opdrachtgever.", "Betaald werk vinden.", "Wil een eigen inkomen.", "", "", "", "", "", true, ""]
                                             as [any Encodable & Sendable])
                    for indicator in ["task-1-1", "task-1-2", "task-0-7"] {
                        ticks = ticks.values([UUID(), organisationID, plan.trajectoryID, indicator, true, "", plan.coachID] as [any Encodable & Sendable])
                    }
                }
                if reached.contains(.workplaceProfile) {
                    hasProfiles = true
                    let desired = seed.sample(occupations, count: 1 + seed.next(2)).map { $0.uri ?? $0.iscoCode }.joined(separator: "\n")
                    let low = Double(8 + seed.next(17))
                    profiles = profiles.values([
                        UUID(), organisationID, plan.trajectoryID, "", "", seed.sample(Self.skills, count: 2 + seed.next(4)).joined(separator: "\n"),
                        "", "", "", "", "", "", "", "Betaald werk van minstens 12 uur per week.", "Werkplekken bezoeken, meeloopdagen, plaatsing.",
                        CalendarDate(plan.started, in: timeZone).description, desired, low, low + Double(4 + seed.next(12)),
                        plan.place.name, plan.place.point.lat, plan.place.point.lon, Double(10 + seed.next(30)),
                        PracticeMapping.stored(seed.sample(needIDs, count: 1 + seed.next(3))),
                        PracticeMapping.stored(seed.sample(demandIDs, count: seed.next(3))),
                    ] as [any Encodable & Sendable])
                }
                if reached.contains(.coachingPlan) {
                    hasPlacements = true
                    let workplace = workplaceRows[plan.workplaceIndex]
                    let start = plan.moves.first { $0.1 == .coachingPlan }?.2 ?? plan.started
                    let hours = Double(12 + seed.next(20))
                    let contract = seed.next(4) == 0 ? ContractKind.permanent.rawValue : ContractKind.fixedTerm.rawValue
                    placements = placements.values([UUID(), organisationID, plan.trajectoryID, workplace[0], CalendarDate(start, in: timeZone).description,
                                                    hours, contract, "", "", start] as [any Encodable & Sendable])
                    // The job as a spell: most still running; some ended after a while; one in ten sheltered.
                    let startDay = CalendarDate(start, in: timeZone)
                    let lasted = seed.next(5) == 0 ? 30 + seed.next(300) : nil
                    let endDay = lasted.map { startDay.adding(days: $0) }.flatMap { $0 < today ? $0 : nil }
                    spells = spells.values([UUID(), organisationID, plan.trajectoryID, String(describing: workplace[2]),
                                            (workplace[3] as? String) ?? "Medewerker", startDay.description, endDay?.description, hours,
                                            12.5 + Double(seed.next(60)) / 10, contract, seed.next(10) != 0,
                                            endDay == nil ? "" : "Contract niet verlengd.", start] as [any Encodable & Sendable])
                    // Satisfaction at closing, from the client and the employer: mostly good, now and then not.
                    if [.closing, .aftercare, .ended].contains(plan.phase) {
                        hasRatings = true
                        for respondent in SatisfactionRespondent.allCases {
                            ratings = ratings.values([UUID(), organisationID, plan.trajectoryID, respondent.rawValue, 5 + seed.next(6), "",
                                                      CalendarDate(phaseSince, in: timeZone).description, phaseSince] as [any Encodable & Sendable])
                        }
                    }
                    coaching.add(organisationID: organisationID, trajectoryID: plan.trajectoryID, coachID: plan.coachID, phase: plan.phase,
                                 placedOn: CalendarDate(start, in: timeZone), phaseSince: CalendarDate(phaseSince, in: timeZone), today: today,
                                 now: now, timeZone: timeZone, random: &seed)
                }
            }
            try await clients.run()
            try await trajectories.run()
            if hasMoves { try await moves.run() }
            if hasIntakes { try await intakes.run(); try await ticks.run() }
            if hasProfiles { try await profiles.run() }
            try await factors.run()
            if hasPlacements { try await placements.run(); try await spells.run() }
            if hasRatings { try await ratings.run() }
            try await coaching.insert(on: sql)
        }
        return (organisationID, number)
    }

    /// Runs `insert` over `rows` in batches, one transaction each.
    private func insertBatches<T: Sendable>(_ rows: [T], stage: String, progress: @Sendable (String, Int, Int) -> Void,
                                            insert: @escaping @Sendable (any SQLDatabase, ArraySlice<T>) async throws -> Void) async throws {
        var done = 0
        while done < rows.count {
            let batch = rows[done..<min(rows.count, done + Self.batchSize)]
            try await application.changes.perform(on: application.db) { db in
                guard let sql = db as? any SQLDatabase else { return }
                try await insert(sql, batch)
            }
            done += batch.count
            progress(stage, done, rows.count)
        }
    }
}
