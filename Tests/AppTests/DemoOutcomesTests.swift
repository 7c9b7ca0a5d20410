@testable import App
import Foundation
import JobcoachCore
import Testing

extension AppTests {
    /// The large demo agency shows what the outcome pages are for: one coach who takes on the easy
    /// clients (raw rate high, ratio below 1) and one whose raw rate looks poor but who does better
    /// than expected for the clients taken on.
    @Suite struct DemoOutcomesTests {
        @Test func theCreamingCoachAndTheStrongCoachStandOutOnceAdjusted() throws {
            var random = SeededRandom(seed: 4_2026)
            var clients: [RiskAdjustedClient] = []
            for index in 0..<20_000 {
                let coach = index % 100
                let draw = DemoOutcomes.draw(coach: coach, random: &random)
                clients.append(RiskAdjustedClient(
                    id: "c\(index)", unit: "\(coach)", outcome: draw.placed,
                    factors: IntakeFactors(supportNeed: draw.supportNeed, targetGroups: Set(draw.targetGroups),
                                           monthsOutOfWork: Double(draw.monthsOutOfWork), age: Double(draw.age), workExperience: draw.workExperience)))
            }
            let fit = try RiskAdjustment.compute(clients)
            let overall = Double(clients.count(where: \.outcome)) / Double(clients.count)
            let creams = try #require(fit.units.first { $0.unit == String(DemoOutcomes.creamingCoach) })
            let strong = try #require(fit.units.first { $0.unit == String(DemoOutcomes.strongCoach) })
            #expect(creams.rate > overall + 0.05, "the creaming coach's raw rate is high")
            #expect(creams.high < 1, "and clearly below what their clients predict")
            #expect(strong.rate < overall - 0.05, "the strong coach's raw rate looks poor")
            #expect(strong.low > 1, "but is clearly above what their clients predict")
        }
    }
}
