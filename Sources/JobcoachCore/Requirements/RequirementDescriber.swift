/// Says in words what a condition asks, in both languages. Pages, comparisons and eligibility
/// explanations use the same sentences.
public struct RequirementDescriber: Sendable {
    public let levels: QualificationLevelCatalog
    /// The register's recognised trainings, whose dates a `recognisedDiploma` condition names.
    public let recognitions: [ProgrammeRecognition]

    public init(levels: QualificationLevelCatalog, recognitions: [ProgrammeRecognition] = []) {
        self.levels = levels
        self.recognitions = recognitions
    }

    /// `framework` says whose recognitions a recognised diploma names; without it, no dates are given.
    public func describe(_ condition: RequirementCondition, framework: String? = nil) -> LocalizedText {
        switch condition {
        case let .recognisedDiploma(providers):
            let held = recognitions.filter { recognition in
                recognition.framework == framework
                    && (providers.map { $0.contains { EligibilityEngine.sameProvider($0, recognition.provider) } } ?? true)
            }
            guard framework != nil, !held.isEmpty else {
                let names = providers ?? []
                return names.isEmpty
                    ? LocalizedText(nl: "Diploma van een door het register erkende jobcoachopleiding",
                                    en: "Diploma of a job coach training the register recognises")
                    : LocalizedText(nl: "Diploma van een erkende jobcoachopleiding van \(list(names, conjunction: "of"))",
                                    en: "Diploma of a recognised job coach training from \(list(names, conjunction: "or"))")
            }
            let nl = held.map { "\($0.provider) (\(recognitionWindow($0).nl))" }, en = held.map { "\($0.provider) (\(recognitionWindow($0).en))" }
            return LocalizedText(nl: "Diploma van een erkende jobcoachopleiding van \(list(nl, conjunction: "of"))",
                                 en: "Diploma of a recognised job coach training from \(list(en, conjunction: "or"))")
        case let .qualification(minimum, shownBy):
            let level = levelText(minimum)
            let kinds = LocalizedText(
                nl: list(shownBy.map(\.title.nl), conjunction: "of"),
                en: list(shownBy.map(\.title.en), conjunction: "or"))
            return LocalizedText(nl: "Minimaal \(level.nl), aangetoond met \(kinds.nl)",
                                 en: "At least \(level.en), shown by \(kinds.en)")
        case let .jobcoachDiploma(providers, onOrAfter, before):
            var nl = "Jobcoachdiploma", en = "Job coach diploma"
            if let providers {
                nl += " van \(list(providers, conjunction: "of"))"
                en += " from \(list(providers, conjunction: "or"))"
            }
            if let window = window(onOrAfter: onOrAfter, before: before) {
                nl += ", \(window.nl)"
                en += ", \(window.en)"
            }
            return LocalizedText(nl: nl, en: en)
        case let .courseHours(hours, ects, _, _):
            let hoursText = NumberText.localized(hours)
            var nl = "Minimaal \(hoursText.nl) uur", en = "At least \(hoursText.en) hours"
            if let ects {
                let ectsText = NumberText.localized(ects)
                nl += " (\(ectsText.nl) EC)"
                en += " (\(ectsText.en) EC)"
            }
            return LocalizedText(nl: nl + " relevante cursussen en trainingen",
                                 en: en + " of relevant courses and training")
        case let .experienceYears(years):
            return LocalizedText(nl: "Minimaal \(years) jaar actief als jobcoach",
                                 en: "At least \(years) year\(years == 1 ? "" : "s") active as a job coach")
        case let .experienceHours(hours):
            return LocalizedText(nl: "Minimaal \(NumberText.format(hours, in: .nl)) uur ervaring als jobcoach",
                                 en: "At least \(NumberText.format(hours, in: .en)) hours of job coach experience")
        case .practising:
            return LocalizedText(nl: "Nu werkzaam als jobcoach", en: "Practising as a job coach now")
        }
    }

    /// "erkend vanaf 1 januari 2015" / "recognised from 1 January 2015", with its end if it has one.
    public func recognitionWindow(_ recognition: ProgrammeRecognition) -> LocalizedText {
        var nl = "erkend vanaf \(recognition.from.text(in: .nl))", en = "recognised from \(recognition.from.text(in: .en))"
        if let until = recognition.until {
            nl += " tot \(until.text(in: .nl))"
            en += " until \(until.text(in: .en))"
        }
        return LocalizedText(nl: nl, en: en)
    }

    /// "obtained on or after 1 January 2015" / "behaald op of na 1 januari 2015"; nil without limits.
    public func window(onOrAfter: CalendarDate?, before: CalendarDate?) -> LocalizedText? {
        var nl: [String] = [], en: [String] = []
        if let onOrAfter {
            nl.append("behaald op of na \(onOrAfter.text(in: .nl))")
            en.append("obtained on or after \(onOrAfter.text(in: .en))")
        }
        if let before {
            nl.append("behaald vóór \(before.text(in: .nl))")
            en.append("obtained before \(before.text(in: .en))")
        }
        guard !en.isEmpty else { return nil }
        return LocalizedText(nl: nl.joined(separator: " en "), en: en.joined(separator: " and "))
    }

    /// "NLQF 6 (EQF 6)"; a level without an EQF level says so.
    public func levelText(_ reference: LevelReference) -> LocalizedText {
        guard let level = levels.level(reference) else {
            return LocalizedText(nl: reference.description, en: reference.description)
        }
        if reference.framework == .eqf { return level.label }
        guard let eqf = level.eqf else {
            return LocalizedText(nl: "\(level.label.nl) (geen EQF-niveau)", en: "\(level.label.en) (no EQF level)")
        }
        return LocalizedText(nl: "\(level.label.nl) (EQF \(eqf))", en: "\(level.label.en) (EQF \(eqf))")
    }

    /// The EQF level a requirement's minimum sits on, if any.
    public func eqfLevel(_ reference: LevelReference) -> Int? {
        levels.level(reference)?.eqf
    }

    private func list(_ items: [String], conjunction: String) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
        }
    }
}
