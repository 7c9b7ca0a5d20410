import Fluent
import SQLKit
import Foundation
import JobcoachCore
import Vapor

/// Practice demo data for `serve --demo`: one agency with two teams, commissioners, employers with
/// workplaces (ESCO occupations), and clients of the demo job coach in every phase, with intakes,
/// profiles, checklist ticks, moves (one of them back, with its reason), decisions and placements.
/// All names are made up. Made once; a second start leaves it as it is.
struct DemoPractice {
    let application: Application
    static let organisationName = "Werkpad Utrecht"
    static let secondCoachEmail = "job-coach-2@demo.jobcoach.test"
    static let otherTeamCoachEmail = "job-coach-zuid@demo.jobcoach.test"

    /// A demo client: name, home town, the phase they are in, and the moves that got them there
    /// (target phase, days ago, reason).
    struct ClientPlan {
        var name: String
        var place: String
        var startedDaysAgo: Double
        var moves: [(TrajectoryPhase, Double, String)]
        var profile: ProfilePlan?
        var placement: (employer: String, workplace: String, daysAgo: Double, hours: Double, contract: ContractKind)?
    }

    struct ProfilePlan {
        var occupations: [String]
        var skills: [String]
        var hours: (Double, Double)
        var maxTravelKm: Double
        var needs: [String]
        var cannot: [String]
        var agreedDaysAgo: Double?
    }

    struct WorkplacePlan {
        var title: String
        var occupation: String
        var skills: [String]
        var hours: (Double, Double)
        var demands: [String]
        var adjustable: [String]
        var offers: [String]
        var status: String
    }

    static let employers: [(name: String, sector: String, place: String, carving: Bool, workplaces: [WorkplacePlan])] = [
        ("Bakkerij Korenaar", "Voeding", "Utrecht", true, [
            WorkplacePlan(title: "Hulp in de bakkerij", occupation: "kitchen assistant", skills: ["hygiëne", "afwassen"], hours: (16, 24),
                          demands: ["prolonged-standing", "high-time-pressure"], adjustable: ["high-time-pressure"],
                          offers: ["fixed-routine", "clear-instructions", "fixed-contact-person"], status: "open"),
            WorkplacePlan(title: "Inpakker", occupation: "hand packer", skills: ["inpakken"], hours: (12, 20),
                          demands: ["prolonged-standing"], adjustable: [], offers: ["fixed-routine", "quiet-environment", "fixed-workplace"], status: "open"),
        ]),
        ("Hotel De Wachttoren", "Horeca", "Amersfoort", false, [
            WorkplacePlan(title: "Afwasser", occupation: "kitchen porter", skills: ["afwassen", "hygiëne"], hours: (20, 32),
                          demands: ["night-shifts", "weekend-work", "noisy-environment"], adjustable: ["night-shifts"],
                          offers: ["clear-instructions"], status: "open"),
            WorkplacePlan(title: "Kamermedewerker", occupation: "room attendant", skills: ["schoonmaken"], hours: (16, 28),
                          demands: ["weekend-work", "high-time-pressure"], adjustable: [], offers: ["fixed-routine", "working-alone-possible"], status: "open"),
        ]),
        ("Supermarkt Versplein", "Detailhandel", "Nieuwegein", true, [
            WorkplacePlan(title: "Vakkenvuller", occupation: "shelf filler", skills: ["vakken vullen"], hours: (12, 24),
                          demands: ["customer-contact", "heavy-lifting"], adjustable: ["heavy-lifting"],
                          offers: ["fixed-routine", "clear-instructions", "gradual-build-up"], status: "open"),
        ]),
        ("Distributiecentrum Lekdal", "Logistiek", "Houten", false, [
            WorkplacePlan(title: "Orderpicker", occupation: "warehouse order picker", skills: ["orderpicken", "scanner gebruiken"], hours: (24, 38),
                          demands: ["heavy-lifting", "irregular-shifts", "noisy-environment"], adjustable: ["irregular-shifts"],
                          offers: ["clear-instructions", "visual-instructions"], status: "open"),
        ]),
        ("Groenbedrijf Het Eiland", "Groenvoorziening", "Zeist", true, [
            WorkplacePlan(title: "Medewerker groen", occupation: "garden labourer", skills: ["snoeien", "maaien"], hours: (16, 32),
                          demands: ["outdoor-work", "changing-locations"], adjustable: ["changing-locations"],
                          offers: ["quiet-environment", "fixed-contact-person", "working-alone-possible"], status: "open"),
        ]),
        ("Restaurant De Pleinen", "Horeca", "Utrecht", false, [
            WorkplacePlan(title: "Keukenhulp", occupation: "kitchen assistant", skills: ["hygiëne", "groente snijden"], hours: (16, 24),
                          demands: ["night-shifts", "customer-contact"], adjustable: ["night-shifts"],
                          offers: ["fixed-routine", "fixed-contact-person"], status: "open"),
        ]),
        ("Documentcentrum Domstad", "Zakelijke dienstverlening", "Utrecht", true, [
            WorkplacePlan(title: "Medewerker scannen", occupation: "data entry clerk", skills: ["computer gebruiken", "nauwkeurig werken"], hours: (12, 24),
                          demands: ["screen-work"], adjustable: [],
                          offers: ["quiet-environment", "fixed-routine", "fixed-workplace", "step-free-access", "flexible-hours"], status: "open"),
        ]),
    ]

    static let clients: [ClientPlan] = [
        ClientPlan(name: "Noah de Wit", place: "Utrecht", startedDaysAgo: 6, moves: [], profile: nil, placement: nil),
        ClientPlan(name: "Fatima El Amrani", place: "Nieuwegein", startedDaysAgo: 30,
                   moves: [(.employeeProfile, 20, "")],
                   profile: ProfilePlan(occupations: ["data entry clerk"], skills: ["computer gebruiken"], hours: (12, 20), maxTravelKm: 12,
                                        needs: ["quiet-environment"], cannot: ["phone-work"], agreedDaysAgo: nil), placement: nil),
        ClientPlan(name: "Daan Jansen", place: "Zeist", startedDaysAgo: 55,
                   moves: [(.employeeProfile, 45, ""), (.workplaceProfile, 20, "")],
                   profile: ProfilePlan(occupations: ["garden labourer"], skills: ["maaien"], hours: (16, 24), maxTravelKm: 20,
                                        needs: ["working-alone-possible"], cannot: ["customer-contact"], agreedDaysAgo: 21), placement: nil),
        ClientPlan(name: "Sanne Bakker", place: "Utrecht", startedDaysAgo: 90,
                   moves: [(.employeeProfile, 80, ""), (.workplaceProfile, 62, ""), (.matching, 50, ""),
                           (.employeeProfile, 40, "Na twee meeloopdagen in de keuken wil Sanne liever werk met minder drukte; profiel bijgesteld."),
                           (.workplaceProfile, 33, ""), (.matching, 28, "")],
                   profile: ProfilePlan(occupations: ["kitchen assistant", "hand packer"], skills: ["hygiëne", "inpakken"], hours: (12, 24), maxTravelKm: 15,
                                        needs: ["quiet-environment", "fixed-routine"], cannot: ["night-shifts", "heavy-lifting"], agreedDaysAgo: 34), placement: nil),
        ClientPlan(name: "Youssef Haddou", place: "Nieuwegein", startedDaysAgo: 120,
                   moves: [(.employeeProfile, 110, ""), (.workplaceProfile, 95, ""), (.matching, 80, ""), (.coachingPlan, 12, "")],
                   profile: ProfilePlan(occupations: ["shelf filler"], skills: ["vakken vullen"], hours: (16, 24), maxTravelKm: 10,
                                        needs: ["clear-instructions"], cannot: ["heavy-lifting"], agreedDaysAgo: 100),
                   placement: ("Supermarkt Versplein", "Vakkenvuller", 14, 20, .fixedTerm)),
        ClientPlan(name: "Lotte Visser", place: "Houten", startedDaysAgo: 200,
                   moves: [(.employeeProfile, 190, ""), (.workplaceProfile, 170, ""), (.matching, 150, ""), (.coachingPlan, 100, ""), (.onTheJob, 90, "")],
                   profile: ProfilePlan(occupations: ["warehouse order picker"], skills: ["orderpicken"], hours: (24, 32), maxTravelKm: 15,
                                        needs: ["visual-instructions"], cannot: ["night-shifts"], agreedDaysAgo: 180),
                   placement: ("Distributiecentrum Lekdal", "Orderpicker", 95, 28, .permanent)),
        ClientPlan(name: "Bram Smit", place: "Amersfoort", startedDaysAgo: 330,
                   moves: [(.employeeProfile, 320, ""), (.workplaceProfile, 300, ""), (.matching, 280, ""), (.coachingPlan, 240, ""),
                           (.onTheJob, 230, ""), (.closing, 10, "")],
                   profile: ProfilePlan(occupations: ["room attendant"], skills: ["schoonmaken"], hours: (16, 24), maxTravelKm: 10,
                                        needs: ["fixed-routine"], cannot: ["phone-work"], agreedDaysAgo: 310),
                   placement: ("Hotel De Wachttoren", "Kamermedewerker", 235, 24, .permanent)),
        ClientPlan(name: "Eva Mulder", place: "Utrecht", startedDaysAgo: 420,
                   moves: [(.employeeProfile, 410, ""), (.workplaceProfile, 390, ""), (.matching, 370, ""), (.coachingPlan, 330, ""),
                           (.onTheJob, 320, ""), (.closing, 100, ""), (.aftercare, 80, "")],
                   profile: ProfilePlan(occupations: ["kitchen assistant"], skills: ["afwassen"], hours: (20, 28), maxTravelKm: 10,
                                        needs: ["fixed-contact-person"], cannot: ["night-shifts"], agreedDaysAgo: 400),
                   placement: ("Bakkerij Korenaar", "Hulp in de bakkerij", 325, 24, .permanent)),
        ClientPlan(name: "Kees Dekker", place: "Zeist", startedDaysAgo: 70,
                   moves: [(.employeeProfile, 60, ""), (.ended, 25, "Verhuisd naar een andere regio; warme overdracht aan de jobcoach daar.")],
                   profile: nil, placement: nil),
    ]

    static let clientWithAccount = "Lotte Visser"
    /// A number in the range the Dutch regulator keeps free for fiction.
    static let coachPhone = "030 123 4567"

    func load(password hash: String) async throws {
        let app = application
        guard try await Organisation.query(on: app.db).filter(\.$name == Self.organisationName).first() == nil else { return }
        let coach = try await User.query(on: app.db).filter(\.$email == DemoData.email(for: .jobCoach)).first()
        if let coach {
            coach.phone = Self.coachPhone
            try await coach.update(on: app.db)
        }
        let lead = try await User.query(on: app.db).filter(\.$email == DemoData.email(for: .teamLead)).first()
        let manager = try await User.query(on: app.db).filter(\.$email == DemoData.email(for: .agencyManager)).first()
        guard let coach, let lead, let manager else { return }
        let second = try await user(email: Self.secondCoachEmail, name: "Sem Stevens", role: .jobCoach, hash: hash)
        let other = try await user(email: Self.otherTeamCoachEmail, name: "Priya Ramdin", role: .jobCoach, hash: hash)
        let now = app.clock.now()
        let standard = app.standard
        let timeZone = app.configuration.timeZone
        try await app.changes.perform(on: app.db) { db in
            let organisation = Organisation(name: Self.organisationName, processFramework: ProcessFramework.defaultID)
            try await organisation.create(on: db)
            let organisationID = try organisation.requireID()
            let north = Team(organisationID: organisationID, name: "Team Noord")
            let south = Team(organisationID: organisationID, name: "Team Zuid")
            try await north.create(on: db)
            try await south.create(on: db)
            for (user, team) in [(coach, north), (lead, north), (second, north), (other, south)] {
                try await Membership(userID: try user.requireID(), organisationID: organisationID, teamID: try team.requireID()).create(on: db)
            }
            // The agency manager sees the whole agency's figures, so belongs to no one team.
            try await Membership(userID: try manager.requireID(), organisationID: organisationID, teamID: nil).create(on: db)
            var commissioners: [Commissioner] = []
            for (name, kind, contact) in [("UWV regio Midden-Utrecht", CommissionerKind.benefitsAgency, "Arbeidsdeskundige"),
                                          ("Gemeente Utrecht, Werk en Inkomen", CommissionerKind.municipality, "Klantmanager")] {
                let row = Commissioner()
                row.organisationID = organisationID
                row.name = name
                row.kind = kind.rawValue
                row.contactName = contact
                row.contactEmail = ""
                row.contactPhone = ""
                try await row.create(on: db)
                commissioners.append(row)
                // Results-based financing: per payment group, what each payment point earns.
                for (group, factor) in [("A", 1.0), ("B", 1.3)] {
                    for (point, euros) in [(PaymentPoint.start, 500.0), (.placement, 1_500), (.kept26Weeks, 1_000), (.kept52Weeks, 1_000)] {
                        let tariff = CommissionerTariff()
                        tariff.organisationID = organisationID
                        tariff.$commissioner.id = try row.requireID()
                        tariff.paymentGroup = group
                        tariff.paymentPoint = point.rawValue
                        tariff.amountCents = Int(euros * factor * 100)
                        try await tariff.create(on: db)
                    }
                }
            }
            var workplaces: [String: Workplace] = [:]
            for plan in Self.employers {
                let employer = Employer()
                employer.organisationID = organisationID
                employer.name = plan.name
                employer.sector = plan.sector
                employer.place = plan.place
                employer.profile = "Kennismakingsgesprek gevoerd met de leidinggevende; een vaste collega begeleidt nieuwe medewerkers."
                employer.inclusion = plan.carving ? "Heeft eerder mensen met een ondersteuningsbehoefte in dienst genomen." : "Staat open voor een eerste plaatsing."
                employer.jobCarving = plan.carving
                employer.newJob = false
                employer.adjustments = plan.carving ? "Taken opnieuw verdelen binnen het team." : ""
                employer.interviewedOn = CalendarDate(now.addingTimeInterval(-120 * 86_400), in: timeZone).description
                try await employer.create(on: db)
                let contact = EmployerContact()
                contact.organisationID = organisationID
                contact.$employer.id = try employer.requireID()
                contact.name = "Leidinggevende \(plan.name)"
                contact.role = "Leidinggevende"
                contact.email = ""
                contact.phone = ""
                try await contact.create(on: db)
                for item in plan.workplaces {
                    let row = Workplace()
                    row.organisationID = organisationID
                    row.$employer.id = try employer.requireID()
                    let place = standard.places.place(named: plan.place)
                    let occupation = standard.occupations.target(describedBy: item.occupation)
                    WorkplaceForm.Valid(title: item.title, source: "interview", tasks: "", hours: HoursRange(min: item.hours.0, max: item.hours.1),
                                        occupation: occupation, requiredSkills: item.skills, environment: "", place: plan.place, location: place?.point,
                                        status: item.status, demands: item.demands, adjustable: item.adjustable, offers: item.offers).apply(to: row)
                    try await row.create(on: db)
                    workplaces["\(plan.name)/\(item.title)"] = row
                }
            }
            let framework = ProcessFramework.version(on: CalendarDate(now, in: timeZone), in: standard.frameworks)
            for (index, plan) in Self.clients.enumerated() {
                try await makeClient(plan, coach: coach, team: north, organisationID: organisationID,
                                     commissioner: commissioners[index % commissioners.count], workplaces: workplaces,
                                     framework: framework, now: now, db: db)
            }
            // Clients of other coaches: the team lead sees them, the demo coach does not.
            try await makeClient(ClientPlan(name: "Mila Hoekstra", place: "Utrecht", startedDaysAgo: 15, moves: [(.employeeProfile, 5, "")], profile: nil, placement: nil),
                                 coach: second, team: north, organisationID: organisationID, commissioner: commissioners[0], workplaces: workplaces,
                                 framework: framework, now: now, db: db)
            try await makeClient(ClientPlan(name: "Jesse van Dijk", place: "Houten", startedDaysAgo: 40, moves: [(.employeeProfile, 30, "")], profile: nil, placement: nil),
                                 coach: other, team: south, organisationID: organisationID, commissioner: commissioners[1], workplaces: workplaces,
                                 framework: framework, now: now, db: db)
            try await AuditTrail(clock: app.clock).record(on: db, chain: .organisation(organisationID), actor: "system", action: "demo.practice-loaded",
                                                          subject: "organisation:\(organisationID.uuidString)")
        }
    }

    private func makeClient(_ plan: ClientPlan, coach: User, team: Team, organisationID: UUID, commissioner: Commissioner,
                            workplaces: [String: Workplace], framework: FrameworkVersion?, now: Date, db: any Database) async throws {
        guard let framework else { return }
        let timeZone = application.configuration.timeZone
        func ago(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }
        let client = Client()
        client.organisationID = organisationID
        client.teamID = try team.requireID()
        client.$coach.id = try coach.requireID()
        client.name = plan.name
        client.email = ""
        client.phone = ""
        client.place = plan.place
        try await client.create(on: db)
        let trajectory = Trajectory()
        trajectory.organisationID = organisationID
        trajectory.$client.id = try client.requireID()
        trajectory.$commissioner.id = try commissioner.requireID()
        trajectory.frameworkID = framework.id
        trajectory.frameworkVersion = framework.version
        trajectory.startedAt = ago(plan.startedDaysAgo)
        trajectory.phase = plan.moves.last?.0 ?? .intake
        trajectory.phaseSince = plan.moves.last.map { ago($0.1) } ?? ago(plan.startedDaysAgo)
        trajectory.endedAt = trajectory.phase == .ended ? trajectory.phaseSince : nil
        trajectory.isCurrent = true
        try await trajectory.create(on: db)
        // What was recorded at intake for fair comparison: varied over the demo clients.
        let factors = IntakeFactorsRow()
        factors.organisationID = organisationID
        factors.$trajectory.id = try trajectory.requireID()
        let spread = plan.name.unicodeScalars.reduce(0) { $0 + Int($1.value) }
        factors.targetGroups = TargetGroup.allCases[spread % TargetGroup.allCases.count].rawValue
        factors.supportNeed = SupportNeed.allCases[spread % 3].rawValue
        factors.monthsOutOfWork = 3 + spread % 40
        factors.employedAtIntake = false
        factors.workExperience = spread % 4 != 0
        factors.ageAtIntake = 20 + spread % 40
        factors.paymentGroup = spread % 3 == 0 ? "B" : "A"
        try await factors.create(on: db)
        let trajectoryID = try trajectory.requireID()
        var from = TrajectoryPhase.intake
        for (to, days, reason) in plan.moves {
            let move = TrajectoryMoveRow()
            move.organisationID = organisationID
            move.$trajectory.id = trajectoryID
            move.fromPhase = from.rawValue
            move.toPhase = to.rawValue
            move.movedAt = ago(days)
            move.reason = reason
            move.movedBy = try coach.requireID()
            try await move.create(on: db)
            from = to
        }
        // Everyone past the first days has had their intake.
        if plan.startedDaysAgo > 5 {
            let intake = Intake()
            intake.organisationID = organisationID
            intake.$trajectory.id = trajectoryID
            intake.heldOn = CalendarDate(ago(plan.startedDaysAgo - 2), in: timeZone).description
            intake.reason = "Aangemeld door de opdrachtgever na een periode zonder werk."
            intake.question = "Betaald werk vinden dat past en dat vol te houden is."
            intake.motivation = "Wil graag weer meedoen en een eigen inkomen verdienen."
            intake.lifeWorld = "Woont zelfstandig; heeft een vaste dagstructuur nodig."
            intake.socialNetwork = "Ouders en een broer in de buurt; een vriend die meedenkt."
            intake.professionalNetwork = "Ambulant begeleider van de woonbegeleiding."
            intake.agreedTrajectory = "Traject volgens Supported Employment: eerst plaatsen, dan trainen."
            intake.expectations = "Wekelijks contact; de cliënt houdt zelf de regie."
            intake.codeOfConductDiscussed = true
            intake.followUp = "Volgende afspraak: werknemersprofiel opstellen."
            try await intake.create(on: db)
            for (indicator, note) in [("task-1-1", "Kennismaking in een rustige ruimte"), ("task-1-2", "Vraag samen opgeschreven"),
                                      ("task-0-7", "Privacyverklaring besproken en getekend")] {
                let tick = ChecklistTick()
                tick.organisationID = organisationID
                tick.$trajectory.id = trajectoryID
                tick.indicatorID = indicator
                tick.done = true
                tick.note = note
                tick.updatedBy = try coach.requireID()
                try await tick.create(on: db)
            }
        }
        if let profile = plan.profile {
            let row = EmployeeProfile()
            row.organisationID = organisationID
            row.$trajectory.id = trajectoryID
            row.motivators = "Collega's om zich heen; iets maken waar anderen wat aan hebben."
            row.values = "Betrouwbaarheid, rust."
            row.skills = profile.skills.joined(separator: "\n")
            row.interests = "Koken, buiten zijn."
            row.wishes = "Vaste werktijden overdag."
            row.learningStyle = "Leert door voordoen en nadoen, in kleine stappen."
            row.attentionPoints = "Raakt overprikkeld bij veel drukte; heeft tijd nodig om te wennen."
            row.limitations = "Korte concentratieboog; beperkt belastbaar bij tijdsdruk."
            row.possibilities = "Nauwkeurig, trouw, werkt graag met de handen."
            row.lastingParticipation = "Een vaste collega als aanspreekpunt en een voorspelbaar rooster."
            row.goals = profile.agreedDaysAgo == nil ? "" : "Binnen zes maanden een betaalde baan van minstens 12 uur per week."
            row.planOfApproach = profile.agreedDaysAgo == nil ? "" : "Samen werkplekken bezoeken, meeloopdagen, daarna plaatsing met begeleiding op de werkplek."
            row.agreedOn = profile.agreedDaysAgo.map { CalendarDate(ago($0), in: timeZone).description }
            row.desiredOccupations = profile.occupations.compactMap { application.standard.occupations.target(describedBy: $0) }
                .map { $0.uri ?? $0.iscoCode }.joined(separator: "\n")
            row.hoursMin = profile.hours.0
            row.hoursMax = profile.hours.1
            row.homePlace = plan.place
            let home = application.standard.places.place(named: plan.place)?.point
            row.homeLat = home?.lat
            row.homeLon = home?.lon
            row.maxTravelKm = profile.maxTravelKm
            row.needs = PracticeMapping.stored(profile.needs)
            row.cannot = PracticeMapping.stored(profile.cannot)
            try await row.create(on: db)
        }
        // The client in matching has two decisions: one match, one no match.
        if trajectory.phase == .matching, let profile = plan.profile {
            for (key, decision, commissionerText, employerText) in [
                ("Bakkerij Korenaar/Inpakker", MatchDecisionKind.match,
                 "Rustige werkplek met vaste taken; past bij het profiel. Voorstel: meeloopdag en daarna plaatsing.",
                 "Sanne werkt nauwkeurig en houdt van vaste taken; een vaste collega als aanspreekpunt helpt haar op weg."),
                ("Hotel De Wachttoren/Afwasser", MatchDecisionKind.noMatch,
                 "De keuken is te druk en de diensten wisselen; dat past niet bij wat Sanne nodig heeft.",
                 "Dank voor de mogelijkheid; voor deze cliënt is de drukte in de keuken nu te veel."),
            ] {
                guard let workplace = workplaces[key] else { continue }
                var skills = SkillIndex()
                let target = PracticeMapping.workplace(workplace, carvesJobs: false, skills: &skills, standard: application.standard)
                let stored = EmployeeProfile()
                stored.desiredOccupations = profile.occupations.compactMap { application.standard.occupations.target(describedBy: $0) }
                    .map { $0.uri ?? $0.iscoCode }.joined(separator: "\n")
                stored.skills = profile.skills.joined(separator: "\n")
                stored.hoursMin = profile.hours.0
                stored.hoursMax = profile.hours.1
                stored.homeLat = application.standard.places.place(named: plan.place)?.point.lat
                stored.homeLon = application.standard.places.place(named: plan.place)?.point.lon
                stored.maxTravelKm = profile.maxTravelKm
                stored.needs = PracticeMapping.stored(profile.needs)
                stored.cannot = PracticeMapping.stored(profile.cannot)
                let candidate = PracticeMapping.candidate(stored, skills: skills, standard: application.standard)
                let verdict = MatchingEngine(vocabulary: application.standard.conditions, skills: skills).explain(candidate, target)
                let row = MatchDecision()
                row.organisationID = organisationID
                row.$trajectory.id = trajectoryID
                row.$workplace.id = try workplace.requireID()
                row.decision = decision.rawValue
                row.engineFit = verdict.fit.rawValue
                row.engineScore = verdict.score
                row.engineReasons = String(decoding: try JSONEncoder().encode(verdict.reasons), as: UTF8.self)
                row.forCommissioner = commissionerText
                row.forEmployer = employerText
                row.decidedAt = ago(20)
                row.decidedBy = try coach.requireID()
                try await row.create(on: db)
            }
        }
        if let placement = plan.placement, let workplace = workplaces["\(placement.employer)/\(placement.workplace)"] {
            let row = Placement()
            row.organisationID = organisationID
            row.$trajectory.id = trajectoryID
            row.$workplace.id = try workplace.requireID()
            row.startOn = CalendarDate(ago(placement.daysAgo), in: timeZone).description
            row.hoursPerWeek = placement.hours
            row.contract = placement.contract.rawValue
            row.agreements = "Start met vier ochtenden; een vaste collega is aanspreekpunt; evaluatie na zes weken."
            row.endReason = ""
            try await row.create(on: db)
            workplace.status = "filled"
            try await workplace.update(on: db)
            let spell = JobSpell()
            spell.organisationID = organisationID
            spell.$trajectory.id = trajectoryID
            spell.placementID = row.id
            spell.employerID = workplace.$employer.id
            spell.employerName = placement.employer
            spell.jobTitle = workplace.title
            spell.startOn = row.startOn
            spell.hoursPerWeek = placement.hours
            spell.hourlyWage = 14.06 + Double(plan.name.count % 5)
            spell.contract = placement.contract.rawValue
            spell.regular = true
            spell.endReason = ""
            try await spell.create(on: db)
            // Job coaching paid as a UWV grant, from the placement; and, once closed, satisfaction.
            let grant = CoachingGrantRow()
            grant.organisationID = organisationID
            grant.$trajectory.id = trajectoryID
            grant.regime = application.standard.grantRegimes.first?.id ?? "uwv-jobcoaching"
            grant.startsOn = row.startOn
            grant.contractHours = placement.hours
            try await grant.create(on: db)
            if [.closing, .aftercare, .ended].contains(trajectory.phase) {
                for (respondent, score) in [(SatisfactionRespondent.client, 8), (.employer, 7)] {
                    let rating = SatisfactionRating()
                    rating.organisationID = organisationID
                    rating.$trajectory.id = trajectoryID
                    rating.respondent = respondent.rawValue
                    rating.score = score
                    rating.comment = ""
                    rating.givenOn = CalendarDate(trajectory.phaseSince, in: timeZone).description
                    try await rating.create(on: db)
                }
            }
            // The coaching records: plan, support, fading, closing and follow-ups as far as the trajectory has come.
            var coaching = DemoCoaching()
            var random = SeededRandom(seed: UInt64(plan.name.unicodeScalars.reduce(7) { $0 &* 31 &+ UInt64($1.value) }))
            coaching.add(organisationID: organisationID, trajectoryID: trajectoryID, coachID: try coach.requireID(), phase: trajectory.phase,
                         placedOn: CalendarDate(ago(placement.daysAgo), in: timeZone), phaseSince: CalendarDate(trajectory.phaseSince, in: timeZone),
                         today: CalendarDate(now, in: timeZone), now: now, timeZone: timeZone, random: &random,
                         appointmentInDays: plan.name == Self.clientWithAccount ? 5 : nil)
            if let sql = db as? any SQLDatabase { try await coaching.insert(on: sql) }
        }
        // The demo client account opens Lotte Visser's own page.
        if plan.name == Self.clientWithAccount,
           let user = try await User.query(on: db).filter(\.$email == DemoData.email(for: .client)).first() {
            user.displayName = plan.name
            try await user.update(on: db)
            let account = ClientAccount()
            account.organisationID = organisationID
            account.$client.id = try client.requireID()
            account.$user.id = try user.requireID()
            try await account.create(on: db)
        }
    }

    private func user(email: String, name: String, role: Role, hash: String) async throws -> User {
        if let existing = try await User.query(on: application.db).filter(\.$email == email).first() { return existing }
        let user = User(email: email, displayName: name, passwordHash: hash, role: role, mustChangePassword: false)
        try await user.create(on: application.db)
        return user
    }
}
