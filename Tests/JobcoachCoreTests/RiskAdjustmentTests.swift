import Foundation
import Testing
@testable import JobcoachCore

/// Risk adjustment against creaming: the logistic fit against a case worked by hand, the ratio and
/// its interval, and what the model refuses to fit.
@Suite struct RiskAdjustmentTests {
    func clients(_ groups: [(unit: String, need: SupportNeed, total: Int, reached: Int)]) -> [RiskAdjustedClient] {
        var result: [RiskAdjustedClient] = []
        for group in groups {
            for index in 0..<group.total {
                result.append(RiskAdjustedClient(id: "\(group.unit)-\(group.need.rawValue)-\(index)", unit: group.unit,
                                                 outcome: index < group.reached, factors: IntakeFactors(supportNeed: group.need)))
            }
        }
        return result
    }

    @Test func withSupportNeedAloneEachClientIsExpectedAtTheRateOfItsGroup() throws {
        // Pooled rates: low 9/12 = 0.75, medium 5/10 = 0.5, high 2/10 = 0.2.
        let input = clients([
            ("coach-a", .low, 10, 8), ("coach-a", .medium, 2, 1),
            ("coach-b", .low, 2, 1), ("coach-b", .medium, 8, 4), ("coach-b", .high, 10, 2),
        ])
        let result = try RiskAdjustment.compute(input)
        let a = try #require(result.units.first { $0.unit == "coach-a" })
        let b = try #require(result.units.first { $0.unit == "coach-b" })
        #expect(abs(a.expected - (10 * 0.75 + 2 * 0.5)) < 1e-6)
        #expect(abs(b.expected - (2 * 0.75 + 8 * 0.5 + 10 * 0.2)) < 1e-6)
        #expect(a.outcomes == 9 && a.clients == 12 && a.rate == 0.75)
        #expect(abs(a.ratio - 9 / 8.5) < 1e-6)
        #expect(abs(b.ratio - 7 / 7.5) < 1e-6)
        // The model: low is the baseline; the coefficients are the log odds of each group.
        #expect(result.model.clients == 32)
        #expect(abs(result.model.intercept - log(0.75 / 0.25)) < 1e-5)
        #expect(result.model.terms.map(\.term) == ["supportNeed=medium", "supportNeed=high"])
        #expect(abs(result.model.terms[0].coefficient - (log(1.0) - log(3.0))) < 1e-5)
        #expect(abs(result.model.terms[1].coefficient - (log(0.25) - log(3.0))) < 1e-5)
        #expect(a.low < a.ratio && a.ratio < a.high)
    }

    @Test func theCoachWhoTakesTheEasyClientsHasAHighRateButNoBetterRatio() throws {
        let input = clients([
            ("creams", .low, 18, 14), ("creams", .high, 2, 0),
            ("takes-all", .low, 4, 3), ("takes-all", .high, 16, 6),
        ])
        let result = try RiskAdjustment.compute(input)
        let creams = try #require(result.units.first { $0.unit == "creams" })
        let takesAll = try #require(result.units.first { $0.unit == "takes-all" })
        #expect(creams.rate > takesAll.rate)
        #expect(creams.ratio < 1)
        #expect(takesAll.ratio > 1)
    }

    @Test func byarsIntervalMatchesPublishedValues() {
        // Breslow and Day: for 10 observed events the 95% limits are 4.80 and 18.39.
        let ten = RiskAdjustment.byarInterval(observed: 10)
        #expect(abs(ten.low - 4.80) < 0.02)
        #expect(abs(ten.high - 18.39) < 0.01)
        let zero = RiskAdjustment.byarInterval(observed: 0)
        #expect(zero.low == 0)
        #expect(abs(zero.high - 3.69) < 0.03)
    }

    @Test func numericAndMultipleFactorsFitAndConstantTermsAreLeftOut() throws {
        var input: [RiskAdjustedClient] = []
        for index in 0..<60 {
            let months = Double(index % 30)
            let factors = IntakeFactors(supportNeed: index % 3 == 0 ? .high : .low, targetGroups: [.autism],
                                        monthsOutOfWork: months, age: Double(20 + index % 40), workExperience: index % 2 == 0)
            input.append(RiskAdjustedClient(id: "c\(index)", unit: index % 2 == 0 ? "x" : "y", outcome: (index * 7) % 5 < 2, factors: factors))
        }
        let result = try RiskAdjustment.compute(input)
        // Every client is in the autism group, so that term cannot be estimated and is not shown.
        #expect(result.model.terms.map(\.term) == ["supportNeed=high", "monthsOutOfWork", "age", "workExperience=true"])
        let expected = result.units.reduce(0) { $0 + $1.expected }
        // A maximum likelihood fit with an intercept expects as many outcomes in all as were observed.
        #expect(abs(expected - Double(input.count(where: \.outcome))) < 1e-4)
    }

    @Test func fewerThanTwentyClientsOrOneOutcomeForAllIsRefused() {
        let few = clients([("a", .low, 19, 5)])
        #expect(throws: OutcomeModelError.self) { try RiskAdjustment.compute(few) }
        let same = clients([("a", .low, 25, 25)])
        #expect(throws: OutcomeModelError.self) { try RiskAdjustment.compute(same) }
    }

    func decode(_ json: String) throws -> RiskAdjustmentRequest {
        try JSONDecoder().decode(RiskAdjustmentRequest.self, from: Data(json.utf8))
    }

    @Test(arguments: [
        (#"{"clients": [{"id": "x1", "unit": "a", "outcome": true, "factors": {"supportNeed": "huge"}}]}"#, "clients[0].factors.supportNeed"),
        (#"{"clients": [{"id": "x1", "unit": "a", "outcome": true, "factors": {"targetGroups": ["autism", "tall"]}}]}"#, "clients[0].factors.targetGroups[1]"),
        (#"{"clients": [{"id": "x1", "unit": "a", "outcome": true, "factors": {"age": 34}}, {"id": "x2", "unit": "a", "outcome": false, "factors": {}}]}"#, "clients[1].factors"),
        (#"{"clients": [{"id": "x1", "unit": " ", "outcome": true}]}"#, "clients[0].unit"),
    ])
    func badInputNamesTheField(_ json: String, _ field: String) throws {
        do {
            _ = try decode(json).prepare()
            Issue.record("expected an error for \(field)")
        } catch let error as InputFieldError {
            #expect(error.field == field)
        }
    }

    @Test func aMissingUnitIsADecodingErrorAtItsPath() {
        #expect(throws: DecodingError.self) { try decode(#"{"clients": [{"id": "x1", "outcome": true}]}"#) }
    }
}

extension RiskAdjustmentTests {
    @Test func anotherGroupingSumsTheSameFit() throws {
        let input = clients([("coach-a", .low, 10, 8), ("coach-a", .medium, 2, 1), ("coach-b", .low, 2, 1), ("coach-b", .high, 10, 2)])
        let fit = try RiskAdjustment.compute(input)
        // Everyone in one team: the team's expected is every outcome observed (a fit with an intercept).
        let team = fit.grouped(by: input.map { _ in "team" })
        #expect(team.count == 1)
        #expect(abs(team[0].expected - Double(input.count(where: \.outcome))) < 1e-6)
        // Leaving clients out leaves them out.
        let onlyA = fit.grouped(by: input.map { $0.unit == "coach-a" ? "a" : nil })
        #expect(onlyA.map(\.clients) == [12])
        #expect(abs(onlyA[0].expected - (fit.units.first { $0.unit == "coach-a" }!.expected)) < 1e-6)
    }

    @Test func theFunnelNarrowsAsMoreIsExpected() {
        let small = RiskAdjustment.funnelLimits(expected: 5)
        let large = RiskAdjustment.funnelLimits(expected: 500)
        #expect(small.low < large.low && large.low < 1 && 1 < large.high && large.high < small.high)
    }
}
