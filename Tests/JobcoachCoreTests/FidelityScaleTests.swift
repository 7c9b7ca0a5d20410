import Foundation
import Testing
@testable import JobcoachCore

/// The IPS-25 fidelity scale as shipped: its items in order, its sections, its band edges, and
/// scoring that names a missing, unknown or out-of-range item.
@Suite struct FidelityScaleTests {
    static let ids = ["caseload-size", "vocational-services-staff", "vocational-generalists", "integration-team-assignment",
                      "integration-team-contact", "vocational-rehabilitation-collaboration", "vocational-unit",
                      "employment-supervisor", "zero-exclusion", "agency-focus", "executive-support", "work-incentives-planning",
                      "disclosure", "ongoing-assessment", "rapid-job-search", "individualized-job-search",
                      "job-development-frequency", "job-development-quality", "job-type-diversity", "employer-diversity",
                      "competitive-jobs", "individualized-follow-along", "time-unlimited-follow-along",
                      "community-based-services", "assertive-engagement"]

    let scale = try! FidelityScale.loadBundled()

    @Test func theShippedScaleHasTheTwentyFiveItemsInOrder() {
        #expect(scale.items.map(\.id) == Self.ids)
        #expect(scale.sections.map(\.id) == ["staffing", "organisation", "services"])
        #expect(scale.items(in: "staffing").count == 3)
        #expect(scale.items(in: "organisation").count == 8)
        #expect(scale.items(in: "services").count == 14)
        #expect(scale.items.allSatisfy { $0.anchors.count == 5 && !$0.name.nl.isEmpty && !$0.name.en.isEmpty })
    }

    /// Scores that add up to `total`: every item at least 1, filled from the first item on.
    func scores(total: Int) -> [String: Double] {
        var remaining = total - 25
        var result: [String: Double] = [:]
        for id in Self.ids {
            let extra = min(4, remaining)
            remaining -= extra
            result[id] = Double(1 + extra)
        }
        return result
    }

    @Test(arguments: [(125, "exemplary"), (115, "exemplary"), (114, "good"), (100, "good"), (99, "fair"),
                      (74, "fair"), (73, "not-ips"), (25, "not-ips")])
    func theBandEdges(_ total: Int, _ band: String) throws {
        let result = try FidelityResult.score(scores(total: total), on: scale)
        #expect(result.total == total)
        #expect(result.band == band)
        #expect(result.sections.map(\.max) == [15, 40, 70])
        #expect(result.sections.reduce(0) { $0 + $1.total } == total)
    }

    @Test func aMissingUnknownOrOutOfRangeItemIsNamed() {
        var missing = scores(total: 80)
        missing["disclosure"] = nil
        var unknown = scores(total: 80)
        unknown["coffee-quality"] = 5
        var high = scores(total: 80)
        high["zero-exclusion"] = 6
        var half = scores(total: 80)
        half["agency-focus"] = 2.5
        for (input, field) in [(missing, "scores.disclosure"), (unknown, "scores.coffee-quality"),
                               (high, "scores.zero-exclusion"), (half, "scores.agency-focus")] {
            do {
                _ = try FidelityResult.score(input, on: scale)
                Issue.record("expected \(field) to be refused")
            } catch {
                #expect(error.field == field)
            }
        }
    }
}
