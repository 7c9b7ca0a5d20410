import Foundation
import Testing
@testable import JobcoachCore

@Suite struct MatchingEngineTests {
    static var standard: ProfessionalStandard { get throws { try ShippedFrameworkTests.standard.get() } }

    /// Prepares a request the way the API does.
    func prepare(_ json: String) throws -> MatchRequest.Prepared {
        let request = try JSONDecoder().decode(MatchRequest.self, from: Data(json.utf8))
        let standard = try Self.standard
        return try request.prepare(vocabulary: standard.conditions, occupations: standard.occupations)
    }

    func rank(_ json: String) throws -> [MatchResult] {
        let prepared = try prepare(json)
        let engine = MatchingEngine(vocabulary: try Self.standard.conditions, skills: prepared.skills)
        return engine.rank(prepared.candidate, prepared.workplaces, limit: prepared.limit)
    }

    func one(candidate: String, workplace: String) throws -> MatchResult {
        try #require(try rank(#"{"candidate": \#(candidate), "workplaces": [{"id": "w", \#(workplace)}]}"#).first)
    }

    // MARK: Each rule alone

    @Test func aDemandTheClientCannotWorkWithBlocks() throws {
        let result = try one(candidate: #"{"cannot": ["night-shifts"]}"#, workplace: #""demands": ["night-shifts", "customer-contact"]"#)
        #expect(result.fit == .noMatch)
        #expect(result.reasons.map(\.effect) == [.blocks])
        #expect(result.reasons.first?.text.en == "The job asks for something the client cannot work with and the employer cannot adjust: Night shifts.")
        #expect(result.adjustmentsNeeded.isEmpty)
    }

    @Test func anAdjustableDemandMakesAMatchWithAdjustmentsNamingThem() throws {
        let result = try one(candidate: #"{"cannot": ["night-shifts", "heavy-lifting"]}"#,
                             workplace: #""demands": ["night-shifts", "heavy-lifting"], "adjustable": ["night-shifts", "heavy-lifting"]"#)
        #expect(result.fit == .matchWithAdjustments)
        #expect(result.adjustmentsNeeded == ["night-shifts", "heavy-lifting"])
        #expect(result.reasons.map(\.effect) == [.minus])
        #expect(result.reasons.first?.text.nl == "Kan alleen met aanpassing; de werkgever is bereid dit aan te passen: Nachtdiensten, Zwaar tillen.")
    }

    @Test func oneAdjustableAndOneFixedConflictStillBlocks() throws {
        let result = try one(candidate: #"{"cannot": ["night-shifts", "heavy-lifting"]}"#,
                             workplace: #""demands": ["night-shifts", "heavy-lifting"], "adjustable": ["night-shifts"]"#)
        #expect(result.fit == .noMatch)
        #expect(result.reasons.map(\.effect) == [.blocks, .minus])
        #expect(result.adjustmentsNeeded == ["night-shifts"])
    }

    @Test func atAnEmployerWhoCarvesJobsAFixedDemandBecomesAnAdjustmentNamingJobCarving() throws {
        var prepared = try prepare(#"{"candidate": {"cannot": ["night-shifts", "heavy-lifting"]}, "workplaces": [{"id": "w", "demands": ["night-shifts", "heavy-lifting"], "adjustable": ["night-shifts"]}]}"#)
        prepared.workplaces[0].carvesJobs = true
        let engine = MatchingEngine(vocabulary: try Self.standard.conditions, skills: prepared.skills)
        let result = try #require(engine.rank(prepared.candidate, prepared.workplaces, limit: prepared.limit).first)
        #expect(result.fit == .matchWithAdjustments)
        #expect(Set(result.adjustmentsNeeded) == ["night-shifts", "heavy-lifting"])
        #expect(result.reasons.map(\.effect) == [.minus, .minus])
        #expect(result.reasons.first?.text.nl == "Kan met job carving: de werkgever wil taken anders verdelen of een nieuwe functie maken, zonder wat de cliënt niet kan: Zwaar tillen.")
        #expect(engine.assess(prepared.candidate, prepared.workplaces[0]).fit == .matchWithAdjustments, "assess and explain agree")
    }

    @Test func demandsTheClientCanWorkWithDoNotCount() throws {
        let result = try one(candidate: #"{"cannot": ["night-shifts"]}"#, workplace: #""demands": ["customer-contact"]"#)
        #expect(result.fit == .match)
        #expect(result.score == 100)
        #expect(result.reasons.map(\.effect) == [.plus])
    }

    @Test(arguments: [
        (12.0, 24.0, 16.0, 32.0, true), (12, 16, 16, 32, true), (8, 12, 16, 32, false), (36, 40, 16, 32, false),
    ])
    func hoursRangesThatDoNotOverlapBlock(_ wantMin: Double, _ wantMax: Double, _ offerMin: Double, _ offerMax: Double, _ fits: Bool) throws {
        let result = try one(candidate: #"{"hoursPerWeek": {"min": \#(wantMin), "max": \#(wantMax)}}"#,
                             workplace: #""hoursPerWeek": {"min": \#(offerMin), "max": \#(offerMax)}"#)
        #expect(result.fit == (fits ? .match : .noMatch))
        #expect(result.reasons.map(\.criterion) == [.hours])
        #expect(result.reasons.first?.effect == (fits ? .plus : .blocks))
    }

    @Test func aDistanceOverTheMaximumBlocks() throws {
        // Utrecht to Amersfoort is 20 km in a straight line; Nieuwegein 7.2 km.
        let candidate = #"{"home": {"lat": 52.09, "lon": 5.12}, "maxTravelKm": 15}"#
        let far = try one(candidate: candidate, workplace: #""location": {"lat": 52.16, "lon": 5.39}"#)
        #expect(far.fit == .noMatch)
        #expect(far.reasons.map(\.effect) == [.blocks])
        let km = try #require(far.distanceKm)
        #expect(km > 19 && km < 21)
        #expect(far.reasons.first?.text.en == "Too far: 20 km in a straight line, more than the 15 km the client will travel.")
        let near = try one(candidate: candidate, workplace: #""location": {"lat": 52.03, "lon": 5.08}"#)
        #expect(near.fit == .match)
        #expect(near.reasons.map(\.effect) == [.plus])
    }

    @Test func theShortcutByLatitudeAgreesWithTheFullDistance() throws {
        // Groningen is out of reach by latitude alone (the engine skips the trigonometry), Amersfoort
        // only by the full distance; both are explained with the same figure GeoPoint gives.
        let home = GeoPoint(lat: 52.09, lon: 5.12)
        let candidate = #"{"home": {"lat": 52.09, "lon": 5.12}, "maxTravelKm": 15}"#
        for (lat, lon) in [(53.22, 6.57), (52.16, 5.39), (52.2249, 5.12)] {
            let result = try one(candidate: candidate, workplace: #""location": {"lat": \#(lat), "lon": \#(lon)}"#)
            #expect(result.fit == .noMatch)
            #expect(result.distanceKm == home.kilometres(to: GeoPoint(lat: lat, lon: lon)))
            #expect(result.reasons.first?.effect == .blocks)
        }
        // Just inside the limit straight north: 15 km is 0.1349 degrees of latitude.
        let inside = try one(candidate: candidate, workplace: #""location": {"lat": 52.2248, "lon": 5.12}"#)
        #expect(inside.fit == .match)
    }

    @Test func anUnknownLocationIsSaidNotGuessed() throws {
        let result = try one(candidate: #"{"home": {"lat": 52.09, "lon": 5.12}, "maxTravelKm": 15}"#, workplace: #""occupation": "9412""#)
        #expect(result.fit == .match)
        #expect(result.reasons.map(\.effect) == [.minus])
        #expect(result.reasons.first?.text.en == "Travel distance cannot be checked: the workplace's location is not known.")
    }

    @Test func theDesiredOccupationRaisesTheScore() throws {
        // kitchen assistant (9412) wanted; kitchen porter is the same unit group; a pizzaiolo (9411)
        // the same minor group; a window cleaner nothing.
        let kitchenAssistant = try #require(try Self.standard.occupations.search("kitchen assistant").first?.occupation.uri)
        let kitchenPorter = try #require(try Self.standard.occupations.search("kitchen porter").first?.occupation.uri)
        let results = try rank(#"""
            {"candidate": {"desiredOccupations": ["\#(kitchenAssistant)"]},
             "workplaces": [{"id": "a", "occupation": "9123"}, {"id": "b", "occupation": "\#(kitchenPorter)"},
                            {"id": "c", "occupation": "\#(kitchenAssistant)"}, {"id": "d", "occupation": "9411"},
                            {"id": "e"}]}
            """#)
        #expect(results.map(\.workplace) == ["c", "b", "d", "a", "e"])
        #expect(results.map(\.score) == [100, 63, 25, 0, 0])
        #expect(results.map { $0.reasons.first?.effect } == [.plus, .plus, .plus, .minus, .minus])
        #expect(results[1].reasons.first?.text.en == "Related to the desired occupation kitchen assistant: kitchen porter, same unit group (ISCO 9412).")
    }

    @Test func anISCOGroupAsWishCoversEveryOccupationInIt() throws {
        let results = try rank(#"{"candidate": {"desiredOccupations": ["94"]}, "workplaces": [{"id": "a", "occupation": "9412"}, {"id": "b", "occupation": "9334"}]}"#)
        #expect(results.map(\.workplace) == ["a", "b"])
        #expect(results.map(\.score) == [100, 0])
    }

    @Test func skillsCoveredRaiseTheScoreAndMissingOnesAreNamed() throws {
        let result = try one(candidate: #"{"skills": ["Order picking", "hygiene"]}"#,
                             workplace: #""requiredSkills": ["order  picking", "Hygiëne", "forklift"]"#)
        // Case, accents and spaces do not matter: "hygiene" covers "Hygiëne".
        #expect(result.score == 67)
        #expect(result.reasons.map(\.effect) == [.plus, .minus])
        #expect(result.reasons[0].text.en == "Has 2 of the 3 required skills: order picking, Hygiëne.")
        #expect(result.reasons[1].text.en == "Lacks 1 of the 3 required skills: forklift.")
    }

    @Test func needsOfferedRaiseTheScore() throws {
        let result = try one(candidate: #"{"needs": ["quiet-environment", "fixed-routine"]}"#, workplace: #""offers": ["quiet-environment"]"#)
        #expect(result.score == 50)
        #expect(result.reasons.map(\.text.en) == ["Offers what the client needs: Quiet environment.", "Does not offer: Fixed routine."])
    }

    // MARK: Together

    @Test func theIssuesExampleRanksByFitThenScore() throws {
        let results = try rank(#"""
            {"candidate": {"desiredOccupations": ["9412"], "skills": ["dishwashing"], "hoursPerWeek": {"min": 12, "max": 24},
                           "home": {"lat": 52.09, "lon": 5.12}, "maxTravelKm": 15,
                           "needs": ["quiet-environment", "fixed-routine"], "cannot": ["night-shifts", "heavy-lifting"]},
             "workplaces": [
               {"id": "w1", "occupation": "9412", "requiredSkills": ["dishwashing"], "hoursPerWeek": {"min": 16, "max": 32},
                "location": {"lat": 52.10, "lon": 5.11}, "offers": ["quiet-environment"],
                "demands": ["customer-contact", "night-shifts"], "adjustable": ["night-shifts"]},
               {"id": "w2", "occupation": "9412", "hoursPerWeek": {"min": 16, "max": 24}, "location": {"lat": 52.08, "lon": 5.13},
                "offers": ["quiet-environment", "fixed-routine"]},
               {"id": "w3", "occupation": "9412", "hoursPerWeek": {"min": 32, "max": 40}, "location": {"lat": 52.08, "lon": 5.13},
                "offers": ["quiet-environment", "fixed-routine"]},
               {"id": "w4", "occupation": "9334", "hoursPerWeek": {"min": 12, "max": 20}, "location": {"lat": 52.09, "lon": 5.10}}
             ],
             "limit": 10}
            """#)
        #expect(results.map(\.workplace) == ["w2", "w4", "w1", "w3"])
        #expect(results.map(\.fit) == [.match, .match, .matchWithAdjustments, .noMatch])
        #expect(results.map(\.score) == [100, 0, 85, 100])
        let w1 = results[2]
        #expect(w1.adjustmentsNeeded == ["night-shifts"])
        #expect(w1.reasons.map(\.criterion) == [.demands, .hours, .distance, .occupation, .skills, .needs, .needs])
        #expect(w1.reasons.map(\.effect) == [.minus, .plus, .plus, .plus, .plus, .plus, .minus])
        #expect(results[3].reasons.contains { $0.criterion == .hours && $0.effect == .blocks })
    }

    @Test func theLimitKeepsTheBestAndTiesGoByID() throws {
        let workplaces = (1...30).map { #"{"id": "w\#(String(format: "%02d", $0))", "offers": \#($0 % 3 == 0 ? #"["quiet-environment"]"# : "[]")}"# }
        let results = try rank(#"{"candidate": {"needs": ["quiet-environment"]}, "workplaces": [\#(workplaces.joined(separator: ","))], "limit": 4}"#)
        #expect(results.map(\.workplace) == ["w03", "w06", "w09", "w12"])
        let all = try rank(#"{"candidate": {"needs": ["quiet-environment"]}, "workplaces": [\#(workplaces.joined(separator: ","))], "limit": 1000}"#)
        #expect(all.count == 30)
        #expect(all.prefix(10).map(\.score) == Array(repeating: 100, count: 10))
        #expect(all[10].workplace == "w01")
    }

    @Test func rankingIsTheSameAsSortingEveryResult() throws {
        var generator = SplitMix(seed: 7)
        let vocabulary = try Self.standard.conditions
        var skills = SkillIndex()
        let skillNumbers = (0..<12).map { skills.number("skill \($0)") }
        let workplaces = (0..<2_000).map { index in
            MatchWorkplace(id: "w\(index)", occupation: OccupationTarget(uri: nil, iscoCode: ["9412", "9411", "9334", "5223"][Int(generator.next() % 4)], label: ""),
                           requiredSkills: (0..<Int(generator.next() % 4)).map { _ in skillNumbers[Int(generator.next() % 12)] },
                           hoursPerWeek: HoursRange(min: Double(generator.next() % 20), max: Double(20 + generator.next() % 20)),
                           location: GeoPoint(lat: 52 + Double(generator.next() % 100) / 200, lon: 5 + Double(generator.next() % 100) / 200),
                           offers: ConditionSet(bits: generator.next() & 0x3fff), demands: ConditionSet(bits: generator.next() & 0x1ffff),
                           adjustable: ConditionSet(bits: generator.next() & 0x1ffff))
        }
        let candidate = MatchCandidate(desiredOccupations: [OccupationTarget(uri: nil, iscoCode: "941", label: "")], skills: Array(skillNumbers.prefix(6)),
                                       hoursPerWeek: HoursRange(min: 16, max: 24), home: GeoPoint(lat: 52.2, lon: 5.2), maxTravelKm: 20,
                                       needs: ConditionSet(bits: 0b1011), cannot: ConditionSet(bits: 0b101))
        let engine = MatchingEngine(vocabulary: vocabulary, skills: skills)
        let ranked = engine.rank(candidate, workplaces, limit: 25)
        let sorted = workplaces.map { engine.explain(candidate, $0) }.sorted {
            ($0.fit, -$0.score, $0.workplace) < ($1.fit, -$1.score, $1.workplace)
        }
        #expect(ranked == Array(sorted.prefix(25)))
        #expect(Set(sorted.map(\.fit)) == [.match, .matchWithAdjustments, .noMatch])
    }

    // MARK: Input

    @Test(arguments: [
        (#"{"candidate": {"needs": ["quiet"]}, "workplaces": []}"#, "candidate.needs", "unknown term 'quiet'"),
        (#"{"candidate": {"cannot": ["quiet-environment"]}, "workplaces": []}"#, "candidate.cannot", "'quiet-environment' is a need, use it in needs or offers"),
        (#"{"candidate": {}, "workplaces": [{"id": "a", "demands": ["night-shift"]}]}"#, "workplaces[0].demands", "unknown term 'night-shift'"),
        (#"{"candidate": {}, "workplaces": [{"id": "a", "adjustable": ["night-shifts"]}]}"#, "workplaces[0].adjustable", "'night-shifts' is not among the workplace's demands"),
        (#"{"candidate": {}, "workplaces": [{"id": "a"}, {"id": "a"}]}"#, "workplaces[1].id", "'a' is used by another workplace"),
        (#"{"candidate": {"desiredOccupations": ["9999"]}, "workplaces": []}"#, "candidate.desiredOccupations[0]", "'9999' is not an ISCO-08 group code"),
        (#"{"candidate": {}, "workplaces": [{"id": "a", "occupation": "cook"}]}"#, "workplaces[0].occupation", "'cook' is neither an ESCO occupation URI nor an ISCO-08 code"),
        (#"{"candidate": {"hoursPerWeek": {"min": 30, "max": 20}}, "workplaces": []}"#, "candidate.hoursPerWeek", "min and max must be hours per week from 0 to 168, min not above max"),
        (#"{"candidate": {"home": {"lat": 152, "lon": 5}}, "workplaces": []}"#, "candidate.home", "lat must be from -90 to 90 and lon from -180 to 180"),
        (#"{"candidate": {"maxTravelKm": -1}, "workplaces": []}"#, "candidate.maxTravelKm", "must be from 0 to 1000 kilometres"),
        (#"{"candidate": {}, "workplaces": [], "limit": 0}"#, "limit", "must be from 1 to 1000"),
    ])
    func badInputIsNamed(_ json: String, _ field: String, _ start: String) throws {
        do {
            _ = try prepare(json)
            Issue.record("accepted: \(json)")
        } catch let error as InputFieldError {
            #expect(error.field == field)
            #expect(error.message.hasPrefix(start), "\(error.message)")
        }
    }

    @Test func theVocabularyHasTheTermsOfTheIssueInBothLanguages() throws {
        let vocabulary = try Self.standard.conditions
        for id in ["quiet-environment", "fixed-routine", "clear-instructions", "limited-customer-contact", "step-free-access"] {
            #expect(vocabulary.term(id)?.use == .need, "\(id)")
        }
        for id in ["night-shifts", "heavy-lifting", "high-time-pressure", "phone-work", "customer-contact"] {
            #expect(vocabulary.term(id)?.use == .demand, "\(id)")
        }
        #expect(vocabulary.terms.allSatisfy { $0.label.missingLanguages.isEmpty && $0.description.missingLanguages.isEmpty })
    }

    @Test func aBrokenVocabularyFailsNamingTheItem() {
        let yaml = """
            version: "1"
            needs:
              - id: quiet
                label: {nl: "Rustig", en: ""}
                description: {nl: "a", en: "b"}
              - id: quiet
                label: {nl: "Rustig", en: "Quiet"}
                description: {nl: "a", en: "b"}
            demands:
              - id: Night_Shifts
                label: {nl: "Nacht", en: "Night"}
                description: {nl: "a", en: "b"}
                colour: red
            """
        do {
            _ = try ConditionVocabulary.load(yaml: yaml, file: "conditions.yaml")
            Issue.record("accepted")
        } catch let error as FrameworkDataError {
            let text = error.issues.map(\.description)
            #expect(text.contains("conditions.yaml:4: quiet: 'label' has no English text (en): missing translation"))
            #expect(text.contains("conditions.yaml:6: quiet: duplicate id"))
            #expect(text.contains("conditions.yaml:10: Night_Shifts: id must be lower-case words joined by hyphens"))
            #expect(text.contains("conditions.yaml:13: Night_Shifts: unknown key 'colour'"))
        } catch {
            Issue.record("\(error)")
        }
    }
}

/// A small deterministic generator for property tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
