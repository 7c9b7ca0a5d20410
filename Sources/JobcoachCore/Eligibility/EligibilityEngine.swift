/// Evaluates the entry requirements of any framework version (as its data file states them) against a
/// portfolio on a reference date, and explains each verdict. The rules are the data's; this type only
/// knows what each kind of condition means.
public struct EligibilityEngine: Sendable {
    public let levels: QualificationLevelCatalog
    /// The register's recognised trainings: the shipped list and those officers added.
    public let recognitions: [ProgrammeRecognition]
    private let describer: RequirementDescriber

    public init(levels: QualificationLevelCatalog, recognitions: [ProgrammeRecognition]) {
        self.levels = levels
        self.recognitions = recognitions
        self.describer = RequirementDescriber(levels: levels, recognitions: recognitions)
    }

    /// The full verdict with explanations.
    public func evaluate(_ version: FrameworkVersion, portfolio: Portfolio, on date: CalendarDate) -> EligibilityVerdict {
        let results = version.entryRequirements.map { evaluate($0, portfolio, date, version.id) }
        return EligibilityVerdict(framework: version.id, version: version.version, referenceDate: date,
                                  eligible: results.allSatisfy(\.met), requirements: results)
    }

    /// Only whether the portfolio meets every requirement: no texts, for re-checking many portfolios.
    public func isEligible(_ version: FrameworkVersion, portfolio: Portfolio, on date: CalendarDate) -> Bool {
        version.entryRequirements.allSatisfy { meets($0, portfolio, date, version.id) }
    }

    /// The verdict of the first condition of a type (`courseHours`) in the version's requirements, as
    /// the full verdict explains it; nil when the version has none.
    public func firstResult(ofType typeName: String, in version: FrameworkVersion, portfolio: Portfolio,
                            on date: CalendarDate) -> RequirementResult? {
        func find(_ nodes: [RequirementNode]) -> RequirementNode? {
            for node in nodes {
                switch node.rule {
                case .condition(let condition) where condition.typeName == typeName: return node
                case .condition: continue
                case .allOf(let children), .anyOf(let children): if let found = find(children) { return found }
                }
            }
            return nil
        }
        return find(version.entryRequirements).map { evaluate($0, portfolio, date, version.id) }
    }

    // MARK: Trees

    private func meets(_ node: RequirementNode, _ portfolio: Portfolio, _ date: CalendarDate, _ framework: String) -> Bool {
        switch node.rule {
        case .allOf(let children): children.allSatisfy { meets($0, portfolio, date, framework) }
        case .anyOf(let children): children.contains { meets($0, portfolio, date, framework) }
        case .condition(let condition): satisfies(condition, portfolio, date, framework)
        }
    }

    /// The same test as `check`, without making explanations: the re-check of a whole register runs
    /// this for every portfolio.
    private func satisfies(_ condition: RequirementCondition, _ portfolio: Portfolio, _ date: CalendarDate, _ framework: String) -> Bool {
        switch condition {
        case let .qualification(minimum, shownBy):
            return portfolio.education.contains { shownBy.contains($0.kind) && $0.completedOn <= date && levels.isAtLeast($0.level, minimum) }
        case let .jobcoachDiploma(providers, onOrAfter, before):
            return portfolio.jobcoachDiplomas.contains { diploma in
                diploma.completedOn <= date
                    && (providers.map { names in names.contains { Self.sameProvider($0, diploma.provider) } } ?? true)
                    && (onOrAfter.map { diploma.completedOn >= $0 } ?? true) && (before.map { diploma.completedOn < $0 } ?? true)
            }
        case let .recognisedDiploma(providers):
            return portfolio.jobcoachDiplomas.contains { diploma in
                diploma.completedOn <= date && Self.from(providers, diploma) && recognition(of: diploma, for: framework) != nil
            }
        case let .courseHours(minimumHours, minimumEcts, hoursPerEcts, _):
            return Self.courseHours(portfolio, date, hoursPerEcts: hoursPerEcts ?? minimumEcts.map { minimumHours / $0 }) >= minimumHours
        case let .experienceYears(years):
            guard let since = portfolio.experience.jobcoachSince, since <= date,
                  let reached = portfolio.experience.reached(years: years) else { return false }
            return reached.day <= date
        case let .experienceHours(minimum):
            return portfolio.experience.jobcoachHours >= Double(minimum)
        case .practising:
            return portfolio.experience.practisingNow
        }
    }

    private func evaluate(_ node: RequirementNode, _ portfolio: Portfolio, _ date: CalendarDate, _ framework: String) -> RequirementResult {
        switch node.rule {
        case .condition(let condition):
            let outcome = check(condition, portfolio, date, framework)
            return RequirementResult(id: node.id, title: node.title, met: outcome.met, route: nil,
                                     explanation: outcome.explanation, children: [])
        case .allOf(let nodes):
            let children = nodes.map { evaluate($0, portfolio, date, framework) }
            let met = children.allSatisfy(\.met)
            let routes = children.compactMap(\.route)
            let shown = met ? children : children.filter { !$0.met }
            return RequirementResult(id: node.id, title: node.title, met: met,
                                     route: met && !routes.isEmpty ? routes.joined(separator: ", ") : nil,
                                     explanation: Self.join(shown.map(\.explanation), separator: "; "), children: children)
        case .anyOf(let nodes):
            let children = nodes.map { evaluate($0, portfolio, date, framework) }
            if let chosen = children.first(where: \.met) {
                let route = chosen.route.map { "\(chosen.id): \($0)" } ?? chosen.id
                let explanation = LocalizedText(nl: "Via \(Self.trimmed(chosen.title.nl)): \(chosen.explanation.nl)",
                                                en: "Via \(Self.trimmed(chosen.title.en)): \(chosen.explanation.en)")
                return RequirementResult(id: node.id, title: node.title, met: true, route: route,
                                         explanation: explanation, children: children)
            }
            let reasons = Self.join(children.map(\.explanation), separator: " | ")
            let explanation = LocalizedText(nl: "Geen van de \(children.count) routes voldaan: \(reasons.nl)",
                                            en: "None of the \(children.count) routes met: \(reasons.en)")
            return RequirementResult(id: node.id, title: node.title, met: false, route: nil,
                                     explanation: explanation, children: children)
        }
    }

    /// A title without its closing full stop, to go before a colon.
    private static func trimmed(_ title: String) -> String {
        title.hasSuffix(".") ? String(title.dropLast()) : title
    }

    private static func join(_ texts: [LocalizedText], separator: String) -> LocalizedText {
        LocalizedText(nl: texts.map(\.nl).joined(separator: separator), en: texts.map(\.en).joined(separator: separator))
    }

    // MARK: Conditions

    private struct Outcome {
        var met: Bool
        var explanation: LocalizedText
    }

    private func check(_ condition: RequirementCondition, _ portfolio: Portfolio, _ date: CalendarDate, _ framework: String) -> Outcome {
        switch condition {
        case let .qualification(minimum, shownBy):
            return qualification(minimum, shownBy, portfolio, date)
        case let .jobcoachDiploma(providers, onOrAfter, before):
            return diploma(providers, onOrAfter, before, portfolio, date)
        case let .recognisedDiploma(providers):
            return recognisedDiploma(providers, portfolio, date, framework)
        case let .courseHours(minimumHours, minimumEcts, hoursPerEcts, _):
            let perEcts = hoursPerEcts ?? minimumEcts.map { minimumHours / $0 }
            let total = Self.courseHours(portfolio, date, hoursPerEcts: perEcts)
            let counted = NumberText.localized(total), needed = NumberText.localized(minimumHours)
            if total >= minimumHours {
                return Outcome(met: true, explanation: LocalizedText(
                    nl: "\(counted.nl) van \(needed.nl) uur cursussen en trainingen", en: "\(counted.en) of \(needed.en) hours of courses and training"))
            }
            let missing = NumberText.localized(minimumHours - total)
            return Outcome(met: false, explanation: LocalizedText(
                nl: "\(counted.nl) van \(needed.nl) uur cursussen en trainingen: nog \(missing.nl) te gaan",
                en: "\(counted.en) of \(needed.en) hours of courses and training: \(missing.en) to go"))
        case let .experienceYears(years):
            return experienceYears(years, portfolio, date)
        case let .experienceHours(minimum):
            let have = portfolio.experience.jobcoachHours
            let counted = NumberText.localized(have), needed = NumberText.localized(Double(minimum))
            if have >= Double(minimum) {
                return Outcome(met: true, explanation: LocalizedText(
                    nl: "\(counted.nl) van \(needed.nl) uur ervaring als jobcoach", en: "\(counted.en) of \(needed.en) hours of job coach experience"))
            }
            let missing = NumberText.localized(Double(minimum) - have)
            return Outcome(met: false, explanation: LocalizedText(
                nl: "\(counted.nl) van \(needed.nl) uur: nog \(missing.nl) te gaan", en: "\(counted.en) of \(needed.en) hours: \(missing.en) to go"))
        case .practising:
            if portfolio.experience.practisingNow {
                return Outcome(met: true, explanation: LocalizedText(nl: "werkt als jobcoach", en: "practising as a job coach"))
            }
            return Outcome(met: false, explanation: LocalizedText(
                nl: "werkt op \(date.text(in: .nl)) niet als jobcoach", en: "not practising as a job coach on \(date.text(in: .en))"))
        }
    }

    /// Hours of courses completed by the day; a course given only in EC counts at `hoursPerEcts`.
    static func courseHours(_ portfolio: Portfolio, _ date: CalendarDate, hoursPerEcts: Double?) -> Double {
        portfolio.courses.filter { $0.completedOn <= date }.reduce(0) { total, course in
            total + (course.hours ?? course.ects.flatMap { ects in hoursPerEcts.map { ects * $0 } } ?? 0)
        }
    }

    private func qualification(_ minimum: LevelReference, _ shownBy: [EducationEvidenceKind],
                               _ portfolio: Portfolio, _ date: CalendarDate) -> Outcome {
        let relevant = portfolio.education.filter { shownBy.contains($0.kind) && $0.completedOn <= date }
        let needed = describer.levelText(minimum)
        if let match = relevant.first(where: { levels.isAtLeast($0.level, minimum) }) {
            let level = describer.levelText(match.level)
            return Outcome(met: true, explanation: LocalizedText(
                nl: "\(match.kind.title.nl) op \(level.nl), behaald \(match.completedOn.text(in: .nl))",
                en: "\(match.kind.title.en) at \(level.en), completed \(match.completedOn.text(in: .en))"))
        }
        let kinds = LocalizedText(nl: shownBy.map(\.title.nl).joined(separator: " of "), en: shownBy.map(\.title.en).joined(separator: " or "))
        guard let best = relevant.max(by: { eqfRank($0.level) < eqfRank($1.level) }) else {
            return Outcome(met: false, explanation: LocalizedText(
                nl: "geen \(kinds.nl) opgegeven (nodig: minimaal \(needed.nl))",
                en: "no \(kinds.en) given (needed: at least \(needed.en))"))
        }
        let have = describer.levelText(best.level)
        return Outcome(met: false, explanation: LocalizedText(
            nl: "minimaal \(needed.nl) nodig; hoogste opgegeven: \(have.nl)",
            en: "at least \(needed.en) needed; highest given: \(have.en)"))
    }

    private func eqfRank(_ reference: LevelReference) -> Int {
        levels.level(reference)?.eqf ?? 0
    }

    private func diploma(_ providers: [String]?, _ onOrAfter: CalendarDate?, _ before: CalendarDate?,
                         _ portfolio: Portfolio, _ date: CalendarDate) -> Outcome {
        let held = portfolio.jobcoachDiplomas.filter { $0.completedOn <= date }
        let fromProvider = held.filter { diploma in
            providers.map { names in names.contains { Self.sameProvider($0, diploma.provider) } } ?? true
        }
        if let match = fromProvider.first(where: { diploma in
            (onOrAfter.map { diploma.completedOn >= $0 } ?? true) && (before.map { diploma.completedOn < $0 } ?? true)
        }) {
            return Outcome(met: true, explanation: LocalizedText(
                nl: "jobcoachdiploma van \(match.provider), behaald \(match.completedOn.text(in: .nl))",
                en: "job coach diploma from \(match.provider), obtained \(match.completedOn.text(in: .en))"))
        }
        if held.isEmpty {
            return Outcome(met: false, explanation: LocalizedText(nl: "geen jobcoachdiploma opgegeven", en: "no job coach diploma given"))
        }
        if let outside = fromProvider.first {
            let window = describer.window(onOrAfter: onOrAfter, before: before) ?? LocalizedText(nl: "", en: "")
            return Outcome(met: false, explanation: LocalizedText(
                nl: "het diploma van \(outside.provider) van \(outside.completedOn.text(in: .nl)) valt buiten de periode (\(window.nl))",
                en: "the diploma from \(outside.provider) of \(outside.completedOn.text(in: .en)) is outside the period (\(window.en))"))
        }
        let names = providers ?? []
        let list = { (conjunction: String) in
            names.count > 1 ? names.dropLast().joined(separator: ", ") + " \(conjunction) " + names.last! : names.first ?? ""
        }
        return Outcome(met: false, explanation: LocalizedText(nl: "geen diploma van \(list("of"))", en: "no diploma from \(list("or"))"))
    }

    private static func from(_ providers: [String]?, _ diploma: JobcoachDiplomaRecord) -> Bool {
        providers.map { names in names.contains { sameProvider($0, diploma.provider) } } ?? true
    }

    /// The recognition under which a diploma counts for the framework, if any.
    private func recognition(of diploma: JobcoachDiplomaRecord, for framework: String) -> ProgrammeRecognition? {
        recognitions.first { $0.framework == framework && Self.sameProvider($0.provider, diploma.provider) && $0.counts(completedOn: diploma.completedOn) }
    }

    private func recognisedDiploma(_ providers: [String]?, _ portfolio: Portfolio, _ date: CalendarDate, _ framework: String) -> Outcome {
        let held = portfolio.jobcoachDiplomas.filter { $0.completedOn <= date }
        let fromProvider = held.filter { Self.from(providers, $0) }
        for diploma in fromProvider {
            if let recognition = recognition(of: diploma, for: framework) {
                let window = describer.recognitionWindow(recognition)
                return Outcome(met: true, explanation: LocalizedText(
                    nl: "jobcoachdiploma van \(diploma.provider), behaald \(diploma.completedOn.text(in: .nl)) (opleiding \(window.nl))",
                    en: "job coach diploma from \(diploma.provider), obtained \(diploma.completedOn.text(in: .en)) (training \(window.en))"))
            }
        }
        if held.isEmpty {
            return Outcome(met: false, explanation: LocalizedText(nl: "geen jobcoachdiploma opgegeven", en: "no job coach diploma given"))
        }
        if let outside = fromProvider.first {
            let windows = recognitions.filter { $0.framework == framework && Self.sameProvider($0.provider, outside.provider) }
                .compactMap { describer.window(onOrAfter: $0.from, before: $0.until) }
            guard !windows.isEmpty else {
                return Outcome(met: false, explanation: LocalizedText(
                    nl: "de opleiding van \(outside.provider) is niet erkend door het register",
                    en: "the training of \(outside.provider) is not recognised by the register"))
            }
            return Outcome(met: false, explanation: LocalizedText(
                nl: "het diploma van \(outside.provider) van \(outside.completedOn.text(in: .nl)) valt buiten de periode (\(windows.map(\.nl).joined(separator: "; ")))",
                en: "the diploma from \(outside.provider) of \(outside.completedOn.text(in: .en)) is outside the period (\(windows.map(\.en).joined(separator: "; ")))"))
        }
        let names = providers ?? []
        let list = { (conjunction: String) in
            names.count > 1 ? names.dropLast().joined(separator: ", ") + " \(conjunction) " + names.last! : names.first ?? ""
        }
        return Outcome(met: false, explanation: LocalizedText(nl: "geen diploma van \(list("of"))", en: "no diploma from \(list("or"))"))
    }

    /// Provider names compare without case, accents and surrounding spaces ("capabel" is Capabel).
    static func sameProvider(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if let equal = asciiEqualIgnoringCase(a, b) { return equal }
        return OccupationCatalog.fold(a) == OccupationCatalog.fold(b)
    }

    /// Compares two ASCII names without case and surrounding spaces, without allocating; nil when
    /// either is not ASCII (then the full Unicode folding decides). Re-checking a register compares
    /// provider names millions of times.
    private static func asciiEqualIgnoringCase(_ a: String, _ b: String) -> Bool? {
        func trimmed(_ bytes: String.UTF8View) -> Substring.UTF8View? {
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var slice = bytes[...]
            while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
            while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
            return slice
        }
        guard let left = trimmed(a.utf8), let right = trimmed(b.utf8) else { return nil }
        guard left.count == right.count else { return false }
        return zip(left, right).allSatisfy { x, y in
            (x | (x >= 0x41 && x <= 0x5A ? 0x20 : 0)) == (y | (y >= 0x41 && y <= 0x5A ? 0x20 : 0))
        }
    }

    private func experienceYears(_ years: Int, _ portfolio: Portfolio, _ date: CalendarDate) -> Outcome {
        guard let since = portfolio.experience.jobcoachSince, since <= date else {
            return Outcome(met: false, explanation: LocalizedText(
                nl: "geen startdatum als jobcoach opgegeven (nodig: \(years) jaar)", en: "no start date as a job coach given (needed: \(years) years)"))
        }
        guard let reached = portfolio.experience.reached(years: years) else {
            return Outcome(met: false, explanation: LocalizedText(
                nl: "jobcoach sinds \(since.text(in: .nl)), maar de periodes van werk als jobcoach zijn samen nog geen \(years) jaar; er loopt er geen",
                en: "job coach since \(since.text(in: .en)), but the periods of work as a job coach add up to less than \(years) years, and none runs"))
        }
        let gaps = reached.gapDays > 0 ? LocalizedText(
            nl: " (de \(reached.gapDays) dagen tussen de periodes tellen niet mee)",
            en: " (the \(reached.gapDays) days between the periods do not count)") : LocalizedText(nl: "", en: "")
        if reached.day <= date {
            return Outcome(met: true, explanation: LocalizedText(
                nl: "jobcoach sinds \(since.text(in: .nl)): \(years) jaar bereikt op \(reached.day.text(in: .nl))" + gaps.nl,
                en: "job coach since \(since.text(in: .en)): \(years) years reached on \(reached.day.text(in: .en))" + gaps.en))
        }
        let days = reached.day.days(since: date)
        return Outcome(met: false, explanation: LocalizedText(
            nl: "jobcoach sinds \(since.text(in: .nl)): \(years) jaar op \(reached.day.text(in: .nl)), nog \(days) dagen" + gaps.nl,
            en: "job coach since \(since.text(in: .en)): \(years) years on \(reached.day.text(in: .en)), \(days) days to go" + gaps.en))
    }
}
