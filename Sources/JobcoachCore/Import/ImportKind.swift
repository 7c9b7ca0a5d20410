/// What an agency can bring in from its spreadsheets, and the columns of each kind's file.
public enum ImportKind: String, CaseIterable, Sendable {
    case clients, employers, workplaces

    public var title: LocalizedText {
        switch self {
        case .clients: LocalizedText(nl: "Cliënten", en: "Clients")
        case .employers: LocalizedText(nl: "Werkgevers", en: "Employers")
        case .workplaces: LocalizedText(nl: "Werkplekken", en: "Workplaces")
        }
    }

    /// The columns in the order of the template file.
    public var columns: [ImportColumn] {
        switch self {
        case .clients:
            [
                ImportColumn("reference", nl: "Cliëntnummer", en: "Client number", aliases: ["clientnummer", "nummer", "number", "reference", "referentie"],
                             hint: LocalizedText(nl: "Uw eigen nummer; uniek. Mag leeg.", en: "Your own number; unique. May be empty.")),
                ImportColumn("name", nl: "Naam", en: "Name", aliases: ["volledige naam", "full name"], required: true,
                             hint: LocalizedText(nl: "Voor- en achternaam.", en: "First and last name.")),
                ImportColumn("dateOfBirth", nl: "Geboortedatum", en: "Date of birth", aliases: ["geboren", "born", "birth date"],
                             hint: ImportValue.dateHint),
                ImportColumn("email", nl: "E-mail", en: "Email", aliases: ["e-mailadres", "emailadres", "e-mail address", "email address", "mail"]),
                ImportColumn("phone", nl: "Telefoon", en: "Phone", aliases: ["telefoonnummer", "phone number", "telephone", "mobiel", "mobile"]),
                ImportColumn("place", nl: "Woonplaats", en: "Place", aliases: ["plaats", "town", "city", "place of residence"]),
                ImportColumn("coach", nl: "Jobcoach", en: "Coach", aliases: ["job coach", "coach e-mail", "jobcoach e-mail"],
                             hint: LocalizedText(nl: "E-mailadres of naam van een jobcoach van uw team. Leeg: uzelf.",
                                                 en: "Email address or name of a coach of your team. Empty: yourself.")),
                ImportColumn("commissioner", nl: "Opdrachtgever", en: "Commissioner", aliases: ["financier", "payer"],
                             hint: LocalizedText(nl: "De naam zoals bij Opdrachtgevers. Mag leeg.", en: "The name as under Commissioners. May be empty.")),
                ImportColumn("phase", nl: "Fase", en: "Phase", aliases: ["stap", "step"],
                             hint: LocalizedText(nl: "Bijvoorbeeld Intake of Begeleiding op de werkplek. Leeg: Intake.",
                                                 en: "For example Intake or On-the-job support. Empty: Intake.")),
                ImportColumn("startedOn", nl: "Gestart op", en: "Started on", aliases: ["startdatum", "start date", "begonnen op", "start"],
                             hint: LocalizedText(nl: "De dag dat het traject begon. Leeg: vandaag.", en: "The day the trajectory began. Empty: today.")),
            ]
        case .employers:
            [
                ImportColumn("name", nl: "Naam", en: "Name", aliases: ["werkgever", "employer", "bedrijf", "company", "bedrijfsnaam"], required: true),
                ImportColumn("sector", nl: "Sector", en: "Sector", aliases: ["branche", "industry"]),
                ImportColumn("place", nl: "Plaats", en: "Place", aliases: ["vestigingsplaats", "woonplaats", "town", "city"]),
                ImportColumn("jobCarving", nl: "Jobcarving", en: "Job carving", aliases: ["job carving", "jobcarving"],
                             hint: LocalizedText(nl: "Ja of nee: de werkgever wil taken anders verdelen.",
                                                 en: "Yes or no: the employer is willing to carve jobs.")),
            ]
        case .workplaces:
            [
                ImportColumn("employer", nl: "Werkgever", en: "Employer", aliases: ["bedrijf", "company"], required: true,
                             hint: LocalizedText(nl: "De naam van een werkgever die er al is. Importeer werkgevers eerst.",
                                                 en: "The name of an employer already here. Import employers first.")),
                ImportColumn("title", nl: "Functie", en: "Job title", aliases: ["functienaam", "title", "job", "werkplek", "workplace"], required: true),
                ImportColumn("place", nl: "Plaats", en: "Place", aliases: ["werkplaats", "town", "city"],
                             hint: LocalizedText(nl: "Leeg: de plaats van de werkgever.", en: "Empty: the employer's place.")),
                ImportColumn("hoursMin", nl: "Uren van", en: "Hours from", aliases: ["uren minimaal", "min hours", "hours min"]),
                ImportColumn("hoursMax", nl: "Uren tot", en: "Hours to", aliases: ["uren maximaal", "max hours", "hours max"]),
                ImportColumn("occupation", nl: "Beroep", en: "Occupation", aliases: ["esco", "isco", "beroep (esco)", "occupation (esco)"],
                             hint: LocalizedText(nl: "ESCO-naam of ISCO-code. Mag leeg.", en: "ESCO name or ISCO code. May be empty.")),
                ImportColumn("tasks", nl: "Taken", en: "Tasks", aliases: ["werkzaamheden", "duties"]),
                ImportColumn("status", nl: "Status", en: "Status",
                             hint: LocalizedText(nl: "Open, Bezet of Gesloten. Leeg: Open.", en: "Open, Filled or Closed. Empty: Open.")),
                ImportColumn("source", nl: "Bron", en: "Source", aliases: ["herkomst"],
                             hint: LocalizedText(nl: "Vacature of Gesprek met de werkgever. Leeg: Vacature.",
                                                 en: "Vacancy or Interview with the employer. Empty: Vacancy.")),
            ]
        }
    }
}

/// One column of an import file: its id (the field it fills) and the headers it is known by.
public struct ImportColumn: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var aliases: [String]
    public var required: Bool
    /// What to write in it, for the template and the page.
    public var hint: LocalizedText

    public init(_ id: String, nl: String, en: String, aliases: [String] = [], required: Bool = false,
                hint: LocalizedText = LocalizedText(nl: "", en: "")) {
        self.id = id
        self.title = LocalizedText(nl: nl, en: en)
        self.aliases = aliases
        self.required = required
        self.hint = hint
    }

    /// Whether a header names this column: either title or an alias, in any case, ignoring spaces,
    /// dashes, underscores and a trailing "*" that marks a required column in the template.
    public func isNamed(_ header: String) -> Bool {
        let key = Self.key(header)
        return [title.nl, title.en, id].contains { Self.key($0) == key } || aliases.contains { Self.key($0) == key }
    }

    static func key(_ text: String) -> String {
        String(text.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            .filter { !" -_*.".contains($0) })
    }
}
