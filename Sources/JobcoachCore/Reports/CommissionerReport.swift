/// A report for the commissioner, made from `ReportFacts` in one language. Data minimisation is
/// by construction: each kind names the fields it needs (`fields(for:)`) and a row outside that
/// list cannot be added.
public struct CommissionerReport: Sendable {
    public struct Row: Sendable {
        public let field: String
        public let label: String
        public let value: String
        public let items: [String]
    }

    public struct Section: Sendable {
        public let heading: String
        public let rows: [Row]
    }

    public let kind: ReportKind
    public let language: Language
    public let title: String
    public let sections: [Section]

    public var fieldsShown: [String] { sections.flatMap { $0.rows.map(\.field) } }

    /// Everything the report shows as text, for checks and for the sent copy's hash.
    public var plainText: String {
        ([title] + sections.flatMap { section in
            [section.heading] + section.rows.flatMap { [$0.label, $0.value] + $0.items }
        }).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static let identification = ["client", "dateOfBirth", "commissioner", "agency", "coach", "startedOn", "phase"]

    /// The fields a commissioner needs for each kind of report, and no others.
    public static func fields(for kind: ReportKind) -> Set<String> {
        let specific: [String] = switch kind {
        case .planOfApproach: ["question", "agreedTrajectory", "goals", "job"]
        case .progress: ["job", "goals", "supportHours", "supportByParty", "fading", "takeoverOn", "evaluations"]
        case .closing: ["job", "goals", "supportHours", "closedOn", "outcome", "closingSummary", "aftercareOffer", "followUps"]
        }
        return Set(identification + specific)
    }

    public init(kind: ReportKind, facts: ReportFacts, language: Language) {
        let allowed = Self.fields(for: kind)
        func text(_ nl: String, _ en: String) -> String { LocalizedText(nl: nl, en: en)[language] }
        func hours(_ value: Double) -> String { NumberText.format(CoachingDuration.roundedToQuarterHour(value), in: language) }
        var sections: [Section] = []
        var rows: [Row] = []
        func add(_ field: String, _ label: String, _ value: String, items: [String] = []) {
            guard allowed.contains(field), !value.isEmpty || !items.isEmpty else { return }
            rows.append(Row(field: field, label: label, value: value, items: items))
        }
        func close(_ heading: String) {
            if !rows.isEmpty { sections.append(Section(heading: heading, rows: rows)) }
            rows = []
        }

        add("client", text("Cliënt", "Client"), facts.clientName)
        add("dateOfBirth", text("Geboortedatum", "Date of birth"), facts.dateOfBirth?.text(in: language) ?? "")
        add("commissioner", text("Opdrachtgever", "Commissioner"), facts.commissioner)
        add("agency", text("Organisatie", "Agency"), facts.agency)
        add("coach", text("Jobcoach", "Job coach"), facts.coach)
        add("startedOn", text("Traject gestart op", "Trajectory started on"), facts.startedOn.text(in: language))
        add("phase", text("Fase nu", "Current phase"), facts.phase.title[language])
        close(text("Gegevens", "Details"))

        add("question", text("Vraag", "Question"), facts.question)
        add("agreedTrajectory", text("Afgesproken traject", "Agreed trajectory"), facts.agreedTrajectory)
        add("goals", text("Doelen", "Goals"), "", items: facts.goals.map { goal in
            var line = "\(goal.what): \(NumberText.format(goal.target, in: language)) \(goal.unit), "
                + text("uiterlijk", "by") + " \(goal.dueOn.text(in: language))"
            if let reached = goal.reachedOn { line += " (" + text("bereikt op", "reached on") + " \(reached.text(in: language)))" }
            else if kind != .planOfApproach { line += " (" + text("nog niet bereikt", "not yet reached") + ")" }
            return line
        })
        close(text("Doelen en aanpak", "Goals and approach"))

        if let job = facts.job {
            add("job", text("Werk", "Job"), "", items: [
                text("Werkgever", "Employer") + ": \(job.employer)",
                text("Functie", "Position") + ": \(job.position)",
                text("Gestart op", "Started on") + ": \(job.startOn.text(in: language))",
                text("Uren per week", "Hours per week") + ": \(NumberText.format(job.hoursPerWeek, in: language))",
                text("Contract", "Contract") + ": \(job.contract.title[language])",
            ])
        }
        close(text("Werk", "Work"))

        if !facts.contacts.isEmpty {
            let minutes = facts.contacts.reduce(0) { $0 + $1.minutes }
            add("supportHours", text("Ondersteuning gegeven", "Support given"),
                text("\(hours(Double(minutes) / 60)) uur in \(facts.contacts.count) contacten",
                     "\(hours(Double(minutes) / 60)) hours in \(facts.contacts.count) contacts"))
            add("supportByParty", text("Met wie", "With whom"), "", items: SupportParty.allCases.compactMap { party in
                let part = facts.contacts.filter { $0.party == party }.reduce(0) { $0 + $1.minutes }
                return part == 0 ? nil : "\(party.title[language]): \(hours(Double(part) / 60)) " + text("uur", "hours")
            })
        }
        if let fading = facts.fading {
            add("fading", text("Afbouw", "Fading"),
                text("gepland \(hours(fading.plannedTotal)) uur, gegeven \(hours(fading.givenTotal)) uur",
                     "planned \(hours(fading.plannedTotal)) hours, given \(hours(fading.givenTotal)) hours"))
        }
        add("takeoverOn", text("Werkgever neemt begeleiding over op", "Employer takes over support on"),
            facts.takeoverOn?.text(in: language) ?? "")
        add("evaluations", text("Evaluaties gehouden", "Evaluations held"), "",
            items: facts.evaluationsHeld.sorted().map { $0.text(in: language) })
        close(text("Begeleiding op de werkplek", "Support on the job"))

        add("closedOn", text("Afgesloten op", "Closed on"), facts.closedOn?.text(in: language) ?? "")
        add("outcome", text("Resultaat", "Outcome"), facts.outcome?.title[language] ?? "")
        add("closingSummary", text("Samenvatting", "Summary"), facts.closingSummary)
        add("aftercareOffer", text("Nazorg", "Aftercare"), facts.aftercareOffer)
        add("followUps", text("Nazorgcontroles", "Follow-up checks"), "", items: facts.checks.sorted { $0.monthsAfter < $1.monthsAfter }.map { check in
            let state = check.stillEmployed
                ? text("nog aan het werk", "still employed") + (check.hoursPerWeek.map { ", \(NumberText.format($0, in: language)) " + text("uur per week", "hours per week") } ?? "")
                : text("niet meer aan het werk", "no longer employed")
            return text("Na \(check.monthsAfter) maanden", "After \(check.monthsAfter) months") + " (\(check.heldOn.text(in: language))): \(state)"
        })
        close(text("Afsluiting", "Closing"))

        self.kind = kind
        self.language = language
        self.title = "\(kind.title[language]): \(facts.clientName)"
        self.sections = sections
    }
}
