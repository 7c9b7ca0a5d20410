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

/// The simpler review: the EUSE stages from the data and the se-quality recommendations read from
/// the framework, scored on one four-point scale; and who may sign a review.
@Suite struct QualityReviewTests {
    let review = try! ProfessionalStandard.loadBundled().qualityReview

    @Test func theStagesAndTheFrameworksRecommendationsAreThere() {
        #expect(review.stages.map(\.id) == ["client-engagement", "vocational-profiling", "job-finding", "employer-engagement", "on-off-job-support"])
        #expect(review.recommendations.map(\.id).contains("recommendation-realistic-caseload"))
        #expect(review.recommendations.first { $0.id == "recommendation-realistic-caseload" }?.name.en == "Ensure realistic case load")
        #expect(review.scale.map(\.score) == [1, 2, 3, 4])
    }

    @Test func scoresOffTheScaleAreNamedAndEmptyOnesLeftOut() {
        let answers = ["client-engagement": "4", "job-finding": "5", "vocational-profiling": "", "recommendation-formal-training": "x"]
        let result = review.scores(answers)
        #expect(result.scores == ["client-engagement": 4])
        #expect(Set(result.invalid) == ["job-finding", "recommendation-formal-training"])
    }

    @Test func anExternalReviewNeedsTwoReviewers() {
        #expect(FidelityReviewKind.external.accepts(reviewers: "A. de Vries, B. Jansen"))
        #expect(!FidelityReviewKind.external.accepts(reviewers: "A. de Vries, "))
        #expect(FidelityReviewKind.selfAssessment.accepts(reviewers: ""))
    }
}

/// Scores proposed from the data follow the items' anchors.
@Suite struct FidelityProposalTests {
    func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    func proposed(_ facts: FidelityProposal.Facts, _ item: String) -> Int? {
        FidelityProposal.propose(facts).items.first { $0.item == item }?.score
    }

    func facts(active: Int = 0, fte: Double = 1, jobs: [FidelityProposal.Job] = [], days: [Int] = []) -> FidelityProposal.Facts {
        FidelityProposal.Facts(activeClients: active, coachFullTimeEquivalents: fte, jobs: jobs, daysToFirstEmployerContact: days,
                               placedFourMonthsAgo: 0, seenAfterFourMonths: 0, placedYearAgo: 0, followedAfterYear: 0)
    }

    @Test(arguments: [(20, 5), (21, 4), (40, 4), (41, 3), (60, 3), (61, 2), (80, 2), (81, 1)])
    func caseloadSizeAtItsAnchors(_ clients: Int, _ score: Int) {
        #expect(proposed(facts(active: clients), "caseload-size") == score)
    }

    @Test(arguments: [(30, 5), (31, 4), (60, 4), (61, 3), (150, 3), (151, 2), (270, 2), (271, 1)])
    func rapidJobSearchAtItsAnchors(_ days: Int, _ score: Int) {
        #expect(proposed(facts(days: [days]), "rapid-job-search") == score)
    }

    @Test func jobsAreRatedOnlyFromTenAndByTheirDiversity() {
        let few = (0..<9).map { FidelityProposal.Job(employer: "e\($0)", title: "t\($0)", regular: true) }
        #expect(proposed(facts(jobs: few), "competitive-jobs") == 1)
        let twenty = (0..<20).map { FidelityProposal.Job(employer: "e\($0 % 10)", title: "t\($0)", regular: $0 != 0) }
        #expect(proposed(facts(jobs: twenty), "competitive-jobs") == 5)
        #expect(proposed(facts(jobs: twenty), "job-type-diversity") == 5)
        #expect(proposed(facts(jobs: twenty), "employer-diversity") == 2)
    }

    @Test func followAlongCountsContactsAndChecksIntoTheJob() {
        let job = (job: OutcomeJob(start: day("2025-01-01"), end: nil, hoursPerWeek: 20, hourlyWage: nil), employer: "e", title: "t")
        let followed = FidelityProposal.Trajectory(start: day("2024-12-01"), active: true, firstEmployerContact: day("2024-12-15"),
                                                   jobs: [job], lastContact: day("2026-02-01"), lastFollowUpMonths: 12)
        let dropped = FidelityProposal.Trajectory(start: day("2024-12-01"), active: false, firstEmployerContact: nil,
                                                  jobs: [job], lastContact: day("2025-02-01"), lastFollowUpMonths: 3)
        let facts = FidelityProposal.facts([followed, dropped], coachFullTimeEquivalents: 1, today: day("2026-06-01"))
        #expect(facts.placedYearAgo == 2)
        #expect(facts.followedAfterYear == 1)
        #expect(facts.placedFourMonthsAgo == 2 && facts.seenAfterFourMonths == 1)
        #expect(facts.activeClients == 1)
        #expect(proposed(facts, "time-unlimited-follow-along") == 4)
    }
}
