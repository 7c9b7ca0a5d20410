import Foundation

/// Ranks workplaces for a client and explains each result criterion by criterion.
///
/// Rules (docs/PRACTICE.md, "Matching"):
/// - a demand of the workplace the client cannot work with blocks, unless the employer marked it
///   adjustable: then the result is a match with adjustments that names them;
/// - hours ranges that do not overlap block; a distance over the client's maximum blocks;
/// - the score (0-100) is the share earned of the points that apply: desired occupation 40
///   (same unit group 25, same minor group 10), skills covered 30, needs offered 30. A criterion
///   applies when the client states a wish (occupations, needs) or the job asks something (skills).
/// Results are ordered by fit (match, with adjustments, no match), then score, then workplace id.
public struct MatchingEngine: Sendable {
    public static let occupationPoints = 40.0
    public static let skillPoints = 30.0
    public static let needPoints = 30.0

    public let vocabulary: ConditionVocabulary
    public let skills: SkillIndex

    public init(vocabulary: ConditionVocabulary, skills: SkillIndex) {
        self.vocabulary = vocabulary
        self.skills = skills
    }

    /// The best `limit` workplaces, explained. Every workplace is assessed; only the ones returned
    /// are put into words.
    public func rank(_ candidate: MatchCandidate, _ workplaces: [MatchWorkplace], limit: Int) -> [MatchResult] {
        guard limit > 0 else { return [] }
        let reach = TravelReach(candidate)
        var best: [(index: Int, assessment: MatchAssessment)] = []
        best.reserveCapacity(limit + 1)
        workplaces.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let assessment = assess(candidate, buffer[index], reach: reach)
                if best.count == limit, !Self.precedes(assessment, buffer[index].id, best[limit - 1].assessment, buffer[best[limit - 1].index].id) {
                    continue
                }
                var position = best.count
                while position > 0, Self.precedes(assessment, buffer[index].id, best[position - 1].assessment, buffer[best[position - 1].index].id) {
                    position -= 1
                }
                best.insert((index, assessment), at: position)
                if best.count > limit { best.removeLast() }
            }
        }
        return best.map { explain(candidate, workplaces[$0.index], $0.assessment) }
    }

    /// Every workplace's verdict, explained, in ranking order (for a client's page and for tests).
    public func results(_ candidate: MatchCandidate, _ workplaces: [MatchWorkplace]) -> [MatchResult] {
        rank(candidate, workplaces, limit: workplaces.count)
    }

    static func precedes(_ a: MatchAssessment, _ aID: String, _ b: MatchAssessment, _ bID: String) -> Bool {
        if a.fit != b.fit { return a.fit < b.fit }
        if a.score != b.score { return a.score > b.score }
        return aID < bID
    }

    /// Fit and score without words.
    public func assess(_ candidate: MatchCandidate, _ workplace: MatchWorkplace) -> MatchAssessment {
        assess(candidate, workplace, reach: TravelReach(candidate))
    }

    func assess(_ candidate: MatchCandidate, _ workplace: MatchWorkplace, reach: TravelReach) -> MatchAssessment {
        var fit = MatchFit.match
        let conflicts = candidate.cannot.intersection(workplace.demands)
        if !conflicts.isEmpty {
            fit = workplace.carvesJobs || conflicts.subtracting(workplace.adjustable).isEmpty ? .matchWithAdjustments : .noMatch
        }
        if let wanted = candidate.hoursPerWeek, let offered = workplace.hoursPerWeek, wanted.overlap(offered) == nil {
            fit = .noMatch
        }
        var distance: Double?
        if let location = workplace.location, let kilometres = reach.kilometres(to: location) {
            distance = kilometres
            if let maximum = candidate.maxTravelKm, kilometres > maximum { fit = .noMatch }
        } else if reach.isKnown, workplace.location != nil {
            fit = .noMatch // out of reach by latitude alone; the distance is worked out if it is explained
        }

        var earned = 0.0, possible = 0.0
        var occupation = OccupationLevel.none
        if !candidate.desiredOccupations.isEmpty {
            possible += Self.occupationPoints
            if let target = workplace.occupation {
                occupation = OccupationLevel.best(target, for: candidate.desiredOccupations)
                earned += occupation.points
            }
        }
        var covered = 0
        if !workplace.requiredSkills.isEmpty {
            possible += Self.skillPoints
            for skill in workplace.requiredSkills where candidate.skills.contains(skill) { covered += 1 }
            earned += Self.skillPoints * Double(covered) / Double(workplace.requiredSkills.count)
        }
        var offered = 0
        if !candidate.needs.isEmpty {
            possible += Self.needPoints
            offered = candidate.needs.intersection(workplace.offers).count
            earned += Self.needPoints * Double(offered) / Double(candidate.needs.count)
        }
        let score = possible == 0 ? 100 : Int((earned / possible * 100).rounded())
        return MatchAssessment(fit: fit, score: score, distanceKm: distance, occupation: occupation,
                               skillsCovered: covered, needsOffered: offered)
    }

    /// The result with its reasons, criterion by criterion.
    public func explain(_ candidate: MatchCandidate, _ workplace: MatchWorkplace) -> MatchResult {
        explain(candidate, workplace, assess(candidate, workplace))
    }

    func explain(_ candidate: MatchCandidate, _ workplace: MatchWorkplace, _ assessment: MatchAssessment) -> MatchResult {
        var reasons: [MatchReason] = []
        let conflicts = candidate.cannot.intersection(workplace.demands)
        let notAdjustable = conflicts.subtracting(workplace.adjustable)
        let blocking = workplace.carvesJobs ? ConditionSet.empty : notAdjustable
        let carved = workplace.carvesJobs ? notAdjustable : ConditionSet.empty
        let adjustments = conflicts.intersection(workplace.adjustable)
        if !carved.isEmpty {
            let names = vocabulary.labels(carved, use: .demand)
            reasons.append(MatchReason(criterion: .demands, effect: .minus, text: LocalizedText(
                nl: "Kan met job carving: de werkgever wil taken anders verdelen of een nieuwe functie maken, zonder wat de cliënt niet kan: \(names.nl).",
                en: "Possible with job carving: the employer is willing to divide tasks anew or make a new job, without what the client cannot do: \(names.en).")))
        }
        if !blocking.isEmpty {
            let names = vocabulary.labels(blocking, use: .demand)
            reasons.append(MatchReason(criterion: .demands, effect: .blocks, text: LocalizedText(
                nl: "Het werk vraagt iets waar de cliënt niet mee kan werken en dat de werkgever niet kan aanpassen: \(names.nl).",
                en: "The job asks for something the client cannot work with and the employer cannot adjust: \(names.en).")))
        }
        if !adjustments.isEmpty {
            let names = vocabulary.labels(adjustments, use: .demand)
            reasons.append(MatchReason(criterion: .demands, effect: .minus, text: LocalizedText(
                nl: "Kan alleen met aanpassing; de werkgever is bereid dit aan te passen: \(names.nl).",
                en: "Only with an adjustment; the employer is willing to adjust this: \(names.en).")))
        }
        if conflicts.isEmpty, !candidate.cannot.isEmpty {
            reasons.append(MatchReason(criterion: .demands, effect: .plus, text: LocalizedText(
                nl: "Het werk vraagt niets waar de cliënt niet mee kan werken.",
                en: "The job asks for nothing the client cannot work with.")))
        }

        if let wanted = candidate.hoursPerWeek, let offered = workplace.hoursPerWeek {
            if let overlap = wanted.overlap(offered) {
                reasons.append(MatchReason(criterion: .hours, effect: .plus, text: LocalizedText(
                    nl: "Uren passen: de cliënt wil \(wanted.text(in: .nl)) uur, het werk biedt \(offered.text(in: .nl)) uur; samen \(overlap.text(in: .nl)) uur per week.",
                    en: "Hours fit: the client wants \(wanted.text(in: .en)) hours, the job offers \(offered.text(in: .en)); together \(overlap.text(in: .en)) hours a week.")))
            } else {
                reasons.append(MatchReason(criterion: .hours, effect: .blocks, text: LocalizedText(
                    nl: "Uren passen niet: de cliënt wil \(wanted.text(in: .nl)) uur per week, het werk biedt \(offered.text(in: .nl)) uur.",
                    en: "Hours do not fit: the client wants \(wanted.text(in: .en)) hours a week, the job offers \(offered.text(in: .en)).")))
            }
        }

        if let maximum = candidate.maxTravelKm {
            let limit = (nl: NumberText.format(maximum, in: .nl), en: NumberText.format(maximum, in: .en))
            if let distance = assessment.distanceKm ?? candidate.home.flatMap({ home in workplace.location.map(home.kilometres(to:)) }) {
                let km = (nl: Self.kilometres(distance, .nl), en: Self.kilometres(distance, .en))
                reasons.append(distance > maximum
                    ? MatchReason(criterion: .distance, effect: .blocks, text: LocalizedText(
                        nl: "Te ver: \(km.nl) km hemelsbreed, meer dan de \(limit.nl) km die de cliënt wil reizen.",
                        en: "Too far: \(km.en) km in a straight line, more than the \(limit.en) km the client will travel."))
                    : MatchReason(criterion: .distance, effect: .plus, text: LocalizedText(
                        nl: "Dichtbij genoeg: \(km.nl) km hemelsbreed, binnen de \(limit.nl) km die de cliënt wil reizen.",
                        en: "Close enough: \(km.en) km in a straight line, within the \(limit.en) km the client will travel.")))
            } else {
                let missing = candidate.home == nil
                    ? LocalizedText(nl: "de woonplaats van de cliënt is niet bekend", en: "the client's home location is not known")
                    : LocalizedText(nl: "de locatie van de werkplek is niet bekend", en: "the workplace's location is not known")
                reasons.append(MatchReason(criterion: .distance, effect: .minus, text: LocalizedText(
                    nl: "Reisafstand niet te bepalen: \(missing.nl).", en: "Travel distance cannot be checked: \(missing.en).")))
            }
        }

        if !candidate.desiredOccupations.isEmpty {
            if let target = workplace.occupation {
                let (level, wish) = OccupationLevel.of(target, for: candidate.desiredOccupations)
                let wished = wish?.label ?? ""
                switch level {
                case .desired:
                    reasons.append(MatchReason(criterion: .occupation, effect: .plus, text: LocalizedText(
                        nl: "Een gewenst beroep: \(target.label) (ISCO \(target.iscoCode)).",
                        en: "One of the desired occupations: \(target.label) (ISCO \(target.iscoCode)).")))
                case .sameUnitGroup:
                    reasons.append(MatchReason(criterion: .occupation, effect: .plus, text: LocalizedText(
                        nl: "Verwant aan het gewenste beroep \(wished): \(target.label), zelfde beroepsgroep (ISCO \(target.iscoCode)).",
                        en: "Related to the desired occupation \(wished): \(target.label), same unit group (ISCO \(target.iscoCode)).")))
                case .sameMinorGroup:
                    reasons.append(MatchReason(criterion: .occupation, effect: .plus, text: LocalizedText(
                        nl: "Lijkt op het gewenste beroep \(wished): \(target.label) (ISCO \(target.iscoCode)).",
                        en: "Close to the desired occupation \(wished): \(target.label) (ISCO \(target.iscoCode)).")))
                case .none:
                    reasons.append(MatchReason(criterion: .occupation, effect: .minus, text: LocalizedText(
                        nl: "Geen gewenst beroep: \(target.label) (ISCO \(target.iscoCode)).",
                        en: "Not a desired occupation: \(target.label) (ISCO \(target.iscoCode)).")))
                }
            } else {
                reasons.append(MatchReason(criterion: .occupation, effect: .minus, text: LocalizedText(
                    nl: "Bij deze werkplek is geen beroep vastgelegd.", en: "No occupation is recorded for this workplace.")))
            }
        }

        if !workplace.requiredSkills.isEmpty {
            let have = workplace.requiredSkills.filter { candidate.skills.contains($0) }.map(skills.name)
            let lack = workplace.requiredSkills.filter { !candidate.skills.contains($0) }.map(skills.name)
            let total = workplace.requiredSkills.count
            if !have.isEmpty {
                reasons.append(MatchReason(criterion: .skills, effect: .plus, text: LocalizedText(
                    nl: "Heeft \(have.count) van de \(total) gevraagde vaardigheden: \(have.joined(separator: ", ")).",
                    en: "Has \(have.count) of the \(total) required skills: \(have.joined(separator: ", ")).")))
            }
            if !lack.isEmpty {
                reasons.append(MatchReason(criterion: .skills, effect: .minus, text: LocalizedText(
                    nl: "Mist \(lack.count) van de \(total) gevraagde vaardigheden: \(lack.joined(separator: ", ")).",
                    en: "Lacks \(lack.count) of the \(total) required skills: \(lack.joined(separator: ", ")).")))
            }
        }

        if !candidate.needs.isEmpty {
            let met = candidate.needs.intersection(workplace.offers)
            let unmet = candidate.needs.subtracting(workplace.offers)
            if !met.isEmpty {
                let names = vocabulary.labels(met, use: .need)
                reasons.append(MatchReason(criterion: .needs, effect: .plus, text: LocalizedText(
                    nl: "Biedt wat de cliënt nodig heeft: \(names.nl).", en: "Offers what the client needs: \(names.en).")))
            }
            if !unmet.isEmpty {
                let names = vocabulary.labels(unmet, use: .need)
                reasons.append(MatchReason(criterion: .needs, effect: .minus, text: LocalizedText(
                    nl: "Biedt niet: \(names.nl).", en: "Does not offer: \(names.en).")))
            }
        }

        return MatchResult(workplace: workplace.id, fit: assessment.fit, score: assessment.score,
                           adjustmentsNeeded: vocabulary.ids(adjustments.union(carved), use: .demand),
                           distanceKm: assessment.distanceKm ?? candidate.home.flatMap({ home in workplace.location.map(home.kilometres(to:)) }),
                           reasons: reasons)
    }

    static func kilometres(_ value: Double, _ language: Language) -> String {
        NumberText.format((value * 10).rounded() / 10, in: language)
    }
}
