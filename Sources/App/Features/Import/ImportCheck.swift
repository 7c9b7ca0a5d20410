import Fluent
import Foundation
import JobcoachCore
import SQLKit

/// What the rows of an import file are checked against: who imports (and so whose caseload the
/// clients join), the agency's coaches in their reach, commissioners and employers, and what is
/// already there, so that nothing is imported twice.
struct ImportContext: Sendable {
    var actor: PracticeActor
    var organisation: Organisation
    var coaches: [User]
    var coachTeams: [UUID: UUID]
    var commissioners: [(id: UUID, name: String)]
    var employers: [(id: UUID, name: String, place: String)]
    /// Client numbers of the agency, and name with date of birth of the clients the actor sees.
    var clientReferences: Set<String>
    var clientPeople: Set<String>
    var employerKeys: Set<String>
    var today: CalendarDate
    var now: Date
    var timeZone: TimeZone
    var standard: ProfessionalStandard
    var strings: UIStrings

    static func load(actor: PracticeActor, on database: any Database, standard: ProfessionalStandard, strings: UIStrings,
                     now: Date, timeZone: TimeZone) async throws -> ImportContext {
        guard let organisation = try await Organisation.find(actor.organisationID, on: database) else {
            throw ImportFailure.noAgency
        }
        let coaches = actor.leadsTeam ? try await ClientController.teamCoaches(actor, on: database) : [actor.user]
        let coachIDs = coaches.compactMap(\.id)
        let memberships = try await Membership.query(on: database).filter(\.$user.$id ~~ coachIDs).all()
        let commissioners = try await Commissioner.query(on: database).filter(\.$organisationID == actor.organisationID).all()
            .map { (id: $0.id!, name: $0.name) }
        let employers = try await Employer.query(on: database).filter(\.$organisationID == actor.organisationID).all()
            .map { (id: $0.id!, name: $0.name, place: $0.place) }
        var references = Set<String>(), people = Set<String>()
        if let sql = database as? any SQLDatabase {
            for row in try await sql.select().columns("reference", "name", "date_of_birth", "coach_id", "team_id").from(Client.schema)
                .where("organisation_id", .equal, actor.organisationID).all() {
                let reference = try row.decode(column: "reference", as: String.self)
                if !reference.isEmpty { references.insert(ImportContext.key(reference)) }
                let coach = try row.decode(column: "coach_id", as: UUID.self), team = try row.decode(column: "team_id", as: UUID?.self)
                if coach == actor.userID || (actor.leadsTeam && team == actor.teamID) {
                    people.insert(personKey(try row.decode(column: "name", as: String.self), try row.decode(column: "date_of_birth", as: String?.self) ?? ""))
                }
            }
        }
        return ImportContext(
            actor: actor, organisation: organisation, coaches: coaches,
            coachTeams: Dictionary(memberships.compactMap { m in m.teamID.map { (m.$user.id, $0) } }, uniquingKeysWith: { first, _ in first }),
            commissioners: commissioners, employers: employers, clientReferences: references, clientPeople: people,
            employerKeys: Set(employers.map { employerKey($0.name, $0.place) }),
            today: CalendarDate(now, in: timeZone), now: now, timeZone: timeZone, standard: standard, strings: strings)
    }

    static func key(_ text: String) -> String { text.lowercased().trimmingCharacters(in: .whitespaces) }
    static func personKey(_ name: String, _ dateOfBirth: String) -> String { key(name) + "|" + dateOfBirth }
    static func employerKey(_ name: String, _ place: String) -> String { key(name) + "|" + key(place) }

    /// A form problem in both languages.
    func words(_ problem: FormProblem) -> LocalizedText {
        LocalizedText(nl: strings.text(problem.messageKey, problem.parameters, .nl), en: strings.text(problem.messageKey, problem.parameters, .en))
    }
}

enum ImportFailure: Error {
    case noAgency
}

/// The rows of an import file as the rows to write, or every problem that stops it.
struct ImportCheck: Sendable {
    struct PlannedClient: Sendable {
        var line: Int
        var input: ClientForm.Valid
        var teamID: UUID?
        var reference: String
        var phase: TrajectoryPhase
        var startedAt: Date
    }

    struct PlannedEmployer: Sendable {
        var form: NewEmployerForm
        var jobCarving: Bool
    }

    struct PlannedWorkplace: Sendable {
        var employerID: UUID
        var input: WorkplaceForm.Valid
    }

    var kind: ImportKind
    var encoding: CSVDocument.Encoding?
    var separator: Character?
    var rowCount: Int
    var problems: [ImportProblem]
    var clients: [PlannedClient] = []
    var employers: [PlannedEmployer] = []
    var workplaces: [PlannedWorkplace] = []

    var plannedCount: Int { clients.count + employers.count + workplaces.count }

    /// Reads and checks a file: the sheet's own problems (encoding, headers), then every row's, all
    /// of them, in line order.
    static func run(_ data: Data, kind: ImportKind, context: ImportContext) -> ImportCheck {
        let sheet = ImportSheet.read(data, as: kind)
        var check = ImportCheck(kind: kind, encoding: sheet.encoding, separator: sheet.separator, rowCount: sheet.rows.count, problems: sheet.problems)
        // Without a required column the rows cannot be read.
        guard !sheet.problems.contains(where: { $0.line == 1 && $0.column == nil }) else { return check }
        switch kind {
        case .clients: check.checkClients(sheet, context)
        case .employers: check.checkEmployers(sheet, context)
        case .workplaces: check.checkWorkplaces(sheet, context)
        }
        check.problems.sort { ($0.line, $0.column ?? -1) < ($1.line, $1.column ?? -1) }
        return check
    }

    private mutating func formProblems(_ problems: [FormProblem], _ row: ImportSheet.Row, _ sheet: ImportSheet, _ context: ImportContext) {
        for problem in problems { self.problems.append(sheet.valueProblem(row, problem.field, context.words(problem))) }
    }

    // MARK: Clients

    private mutating func checkClients(_ sheet: ImportSheet, _ context: ImportContext) {
        var referenceLines: [String: Int] = [:], personLines: [String: Int] = [:]
        let lead = context.actor.leadsTeam
        for row in sheet.rows {
            var rowProblems: [ImportProblem] = []
            func problem(_ column: String, nl: String, en: String) { rowProblems.append(sheet.valueProblem(row, column, LocalizedText(nl: nl, en: en))) }
            var values: [ClientForm.Field: String] = [.name: row["name"], .email: row["email"], .phone: row["phone"], .place: row["place"]]
            if !row["dateOfBirth"].isEmpty {
                if let day = ImportValue.date(row["dateOfBirth"]) {
                    values[.dateOfBirth] = day.description
                } else {
                    problem("dateOfBirth", nl: "Dit is geen datum. \(ImportValue.dateHint.nl)", en: "This is not a date. \(ImportValue.dateHint.en)")
                }
            }
            let coachText = ImportContext.key(row["coach"])
            let coach = coachText.isEmpty ? context.coaches.first { $0.id == context.actor.userID }
                : context.coaches.first { ImportContext.key($0.email) == coachText || ImportContext.key($0.displayName) == coachText }
            if let coach {
                values[.coach] = coach.id!.uuidString
            } else if lead {
                problem("coach", nl: "Geen jobcoach van uw team heeft dit e-mailadres of deze naam.",
                        en: "No coach of your team has this email address or name.")
            } else {
                problem("coach", nl: "U kunt alleen cliënten voor uzelf importeren. Laat de kolom leeg of zet uw eigen e-mailadres erin.",
                        en: "You can only import clients for yourself. Leave the column empty or put your own email address in it.")
            }
            let commissionerText = ImportContext.key(row["commissioner"])
            if !commissionerText.isEmpty {
                if let commissioner = context.commissioners.first(where: { ImportContext.key($0.name) == commissionerText }) {
                    values[.commissioner] = commissioner.id.uuidString
                } else {
                    let names = context.commissioners.map(\.name).sorted().joined(separator: ", ")
                    problem("commissioner", nl: "Deze opdrachtgever staat niet bij Opdrachtgevers." + (names.isEmpty ? " Voeg hem eerst toe." : " Bekend: \(names)."),
                            en: "This commissioner is not under Commissioners." + (names.isEmpty ? " Add it first." : " Known: \(names)."))
                }
            }
            var phase = TrajectoryPhase.intake
            if !row["phase"].isEmpty {
                if let read = ImportValue.phase(row["phase"]) {
                    if read == .ended {
                        problem("phase", nl: "Een beëindigd traject importeert u niet; alleen cliënten die nu begeleid worden.",
                                en: "An ended trajectory is not imported; only clients who are being supported now.")
                    }
                    phase = read
                } else {
                    let titles = TrajectoryPhase.sequence.map(\.title)
                    problem("phase", nl: "Deze fase kennen we niet. Kies uit: \(titles.map(\.nl).joined(separator: ", ")).",
                            en: "This phase is unknown. Choose from: \(titles.map(\.en).joined(separator: ", ")).")
                }
            }
            var startedAt = context.now
            if !row["startedOn"].isEmpty {
                if let day = ImportValue.date(row["startedOn"]) {
                    if day > context.today {
                        problem("startedOn", nl: "Deze datum ligt in de toekomst.", en: "This date is in the future.")
                    } else if day < context.today {
                        startedAt = day.start(in: context.timeZone).addingTimeInterval(9 * 3_600)
                    }
                } else {
                    problem("startedOn", nl: "Dit is geen datum. \(ImportValue.dateHint.nl)", en: "This is not a date. \(ImportValue.dateHint.en)")
                }
            }
            let reference = row["reference"]
            if reference.count > 100 {
                problem("reference", nl: "Dit nummer is te lang (meer dan 100 tekens).", en: "This number is too long (more than 100 characters).")
            } else if !reference.isEmpty {
                let key = ImportContext.key(reference)
                if let earlier = referenceLines[key] {
                    problem("reference", nl: "Regel \(earlier) heeft hetzelfde cliëntnummer.", en: "Line \(earlier) has the same client number.")
                } else if context.clientReferences.contains(key) {
                    problem("reference", nl: "Er is al een cliënt met dit nummer.", en: "A client with this number is already here.")
                }
                referenceLines[key] = referenceLines[key] ?? row.line
            }
            if !row["name"].isEmpty, let day = values[.dateOfBirth] {
                let key = ImportContext.personKey(row["name"], day)
                if let earlier = personLines[key] {
                    problem("name", nl: "Regel \(earlier) heeft dezelfde naam en geboortedatum.", en: "Line \(earlier) has the same name and date of birth.")
                } else if context.clientPeople.contains(key) {
                    problem("name", nl: "U heeft al een cliënt met deze naam en geboortedatum.", en: "You already have a client with this name and date of birth.")
                }
                personLines[key] = personLines[key] ?? row.line
            }
            var form = ClientForm(values)
            let valid = form.validate(today: context.today, places: context.standard.places, commissionerKnown: true,
                                      teamCoaches: lead ? context.coaches : nil, actorID: context.actor.userID)
            // The form's coach problem says less than the import's own.
            let formProblems = form.posted.problems.filter { $0.field != ClientForm.Field.coach.rawValue || coach != nil }
            formProblems.forEach { rowProblems.append(sheet.valueProblem(row, $0.field, context.words($0))) }
            problems += rowProblems
            if rowProblems.isEmpty, let valid {
                clients.append(PlannedClient(line: row.line, input: valid, teamID: context.coachTeams[valid.coachID], reference: reference,
                                             phase: phase, startedAt: startedAt))
            }
        }
    }

    // MARK: Employers

    private mutating func checkEmployers(_ sheet: ImportSheet, _ context: ImportContext) {
        var lines: [String: Int] = [:]
        for row in sheet.rows {
            var form = NewEmployerForm([.name: row["name"], .sector: row["sector"], .place: row["place"]])
            let valid = form.validate(places: context.standard.places)
            var rowProblems = form.posted.problems.map { sheet.valueProblem(row, $0.field, context.words($0)) }
            let jobCarving = ImportValue.yesNo(row["jobCarving"])
            if jobCarving == nil {
                rowProblems.append(sheet.valueProblem(row, "jobCarving", LocalizedText(nl: "Schrijf ja of nee.", en: "Write yes or no.")))
            }
            if valid {
                let place = context.standard.places.place(typed: row["place"])?.name ?? ""
                let key = ImportContext.employerKey(row["name"], place)
                if let earlier = lines[key] {
                    rowProblems.append(sheet.valueProblem(row, "name", LocalizedText(nl: "Regel \(earlier) heeft dezelfde werkgever in dezelfde plaats.",
                                                                                en: "Line \(earlier) has the same employer in the same place.")))
                } else if context.employerKeys.contains(key) {
                    rowProblems.append(sheet.valueProblem(row, "name", LocalizedText(nl: "Deze werkgever staat er al, in dezelfde plaats.",
                                                                                en: "This employer is already here, in the same place.")))
                }
                lines[key] = lines[key] ?? row.line
                form.posted.set(.place, place)
            }
            problems += rowProblems
            if rowProblems.isEmpty, valid, let jobCarving { employers.append(PlannedEmployer(form: form, jobCarving: jobCarving)) }
        }
    }

    // MARK: Workplaces

    private mutating func checkWorkplaces(_ sheet: ImportSheet, _ context: ImportContext) {
        let strings = context.strings
        func choices<T: RawRepresentable>(_ cases: [T], _ prefix: String) -> [(value: String, titles: [String])] where T.RawValue == String {
            cases.map { item in (item.rawValue, Language.allCases.map { language in strings.text(prefix + item.rawValue, language) }) }
        }
        let statuses = choices(WorkplaceStatus.allCases, "workplaceStatus_"), sources = choices(WorkplaceSource.allCases, "workplaceSource_")
        for row in sheet.rows {
            var rowProblems: [ImportProblem] = []
            let name = ImportContext.key(row["employer"])
            var named = context.employers.filter { ImportContext.key($0.name) == name }
            if named.count > 1, !row["place"].isEmpty {
                let place = ImportContext.key(context.standard.places.place(typed: row["place"])?.name ?? row["place"])
                named = named.filter { ImportContext.key($0.place) == place }
            }
            if name.isEmpty {
                rowProblems.append(sheet.valueProblem(row, "employer", LocalizedText(nl: "Vul de werkgever in.", en: "Fill in the employer.")))
            } else if named.isEmpty {
                rowProblems.append(sheet.valueProblem(row, "employer", LocalizedText(
                    nl: "Deze werkgever staat er niet. Importeer of maak eerst de werkgevers.", en: "This employer is not here. Import or add the employers first.")))
            } else if named.count > 1 {
                rowProblems.append(sheet.valueProblem(row, "employer", LocalizedText(
                    nl: "\(named.count) werkgevers heten zo. Zet de plaats van de werkgever in de kolom Plaats.",
                    en: "\(named.count) employers have this name. Put the employer's place in the column Place.")))
            }
            let status = row["status"].isEmpty ? WorkplaceStatus.open.rawValue : ImportValue.choice(row["status"], statuses)
            if status == nil {
                rowProblems.append(sheet.valueProblem(row, "status", LocalizedText(nl: "Schrijf Open, Bezet of Gesloten.", en: "Write Open, Filled or Closed.")))
            }
            let source = row["source"].isEmpty ? WorkplaceSource.vacancy.rawValue : ImportValue.choice(row["source"], sources)
            if source == nil {
                rowProblems.append(sheet.valueProblem(row, "source", LocalizedText(nl: "Schrijf Vacature of Gesprek met de werkgever.",
                                                                              en: "Write Vacancy or Interview with the employer.")))
            }
            let employer = named.count == 1 ? named[0] : nil
            var form = WorkplaceForm([
                .title: row["title"], .tasks: row["tasks"], .hoursMin: ImportValue.number(row["hoursMin"]), .hoursMax: ImportValue.number(row["hoursMax"]),
                .occupation: row["occupation"], .place: row["place"].isEmpty ? employer?.place ?? "" : row["place"],
                .status: status ?? WorkplaceStatus.open.rawValue, .source: source ?? WorkplaceSource.vacancy.rawValue,
            ])
            let valid = form.validate(standard: context.standard)
            rowProblems += form.posted.problems.map { sheet.valueProblem(row, $0.field, context.words($0)) }
            if let unknown = form.unknownOccupation {
                rowProblems.append(sheet.valueProblem(row, "occupation", context.words(FormProblem(field: "occupation", messageKey: "profileOccupationUnknown",
                                                                                                parameters: ["text": unknown]))))
            }
            problems += rowProblems
            if rowProblems.isEmpty, let valid, let employer { workplaces.append(PlannedWorkplace(employerID: employer.id, input: valid)) }
        }
    }
}
