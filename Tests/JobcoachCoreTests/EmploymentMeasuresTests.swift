import Foundation
import Testing
@testable import JobcoachCore

/// The IPS employment measures (Bond et al. 2012) at their boundaries: the window clipped at both
/// ends, overlapping jobs, sheltered jobs, employed at start, the benchmark bands, rounding and nulls.
@Suite struct EmploymentMeasuresTests {
    func day(_ text: String) -> CalendarDate { CalendarDate(text)! }
    let year2025 = OutcomePeriod(from: CalendarDate("2025-01-01")!, to: CalendarDate("2025-12-31")!)

    func job(_ start: String, _ end: String?, hours: Double = 24, wage: Double? = 14.40, regular: Bool = true) -> OutcomeJob {
        OutcomeJob(start: day(start), end: end.map(day), hoursPerWeek: hours, hourlyWage: wage, regular: regular)
    }

    func client(_ id: String, _ start: String, end: String? = nil, employedAtStart: Bool = false, _ jobs: [OutcomeJob] = []) -> OutcomeClient {
        OutcomeClient(id: id, start: day(start), end: end.map(day), employedAtStart: employedAtStart, jobs: jobs)
    }

    @Test func theIssuesExampleClient() {
        let measures = EmploymentMeasures.measure([client("c1", "2025-01-06", [job("2025-03-03", nil)])], in: year2025)
        // Job days 2025-03-03 … 2025-12-31: 304 days.
        #expect(measures.served == 1)
        #expect(measures.outOfWorkAtStart == 1)
        #expect(measures.employed == 1)
        #expect(measures.employedRate == 1)
        #expect(measures.employedRateOutOfWorkAtStart == 1)
        #expect(measures.daysToFirstJob.median == 56)
        #expect(measures.daysToFirstJob.mean == 56)
        #expect(measures.weeksWorked.total == 43.43)
        #expect(measures.longestJobWeeks.mean == 43.43)
        #expect(measures.totalHours == OutcomeRounding.round(24 * 304 / 7.0, places: 2))
        #expect(measures.hoursPerWeek == 24)
        #expect(measures.working20Plus == EmploymentMeasures.CountRate(count: 1, rate: 1))
        #expect(measures.totalWages == OutcomeRounding.round(24 * 14.40 * 304 / 7.0, places: 2))
        #expect(measures.band == EmploymentBand.excellent)
    }

    @Test func theWindowIsClippedAtBothEnds() {
        // Support from 2024-06-01 to 2026-03-01; the job runs from 2024-10-01 to 2026-02-01.
        let measures = EmploymentMeasures.measure([client("c", "2024-06-01", end: "2026-03-01", [job("2024-10-01", "2026-02-01")])], in: year2025)
        #expect(measures.weeksWorked.total == OutcomeRounding.round(365 / 7.0, places: 2))
        // Days to first job count from the client's own start, not from the period's.
        #expect(measures.daysToFirstJob.median == 122)
        // A client whose support ended before the period, or starts after it, is not served.
        let outside = EmploymentMeasures.measure([client("a", "2024-01-01", end: "2024-12-31"), client("b", "2026-01-01")], in: year2025)
        #expect(outside.served == 0)
        #expect(outside.employedRate == nil)
        #expect(outside.band == nil)
        // One day in the window is enough to be served, and a job on that day counts.
        let edge = EmploymentMeasures.measure([client("c", "2024-01-01", end: "2025-01-01", [job("2025-01-01", nil)])], in: year2025)
        #expect(edge.served == 1)
        #expect(edge.employed == 1)
        #expect(edge.weeksWorked.total == OutcomeRounding.round(1 / 7.0, places: 2))
    }

    @Test func overlappingJobsCountEachDayOnceForWeeksButAddHours() {
        let jobs = [job("2025-01-01", "2025-01-14", hours: 10, wage: 15), job("2025-01-08", "2025-01-21", hours: 20, wage: 15)]
        let measures = EmploymentMeasures.measure([client("c", "2025-01-01", jobs)], in: year2025)
        #expect(measures.weeksWorked.total == 3)
        #expect(measures.longestJobWeeks.mean == 2)
        #expect(measures.totalHours == 60)
        #expect(measures.hoursPerWeek == 20)
        #expect(measures.totalWages == 900)
        #expect(measures.daysToFirstJob.median == 0)
    }

    @Test func shelteredJobsDoNotCount() {
        let measures = EmploymentMeasures.measure([client("c", "2025-01-01", [job("2025-02-01", nil, regular: false)])], in: year2025)
        #expect(measures.served == 1)
        #expect(measures.employed == 0)
        #expect(measures.employedRate == 0)
        #expect(measures.weeksWorked.total == nil)
        #expect(measures.totalHours == nil)
        #expect(measures.daysToFirstJob.median == nil)
        #expect(measures.working20Plus == EmploymentMeasures.CountRate(count: 0, rate: 0))
        #expect(measures.band == EmploymentBand.belowMinimum)
    }

    @Test func employedAtStartCountsForTheEmploymentRateButNotForTheIPSGrowRate() {
        let clients = [
            client("working", "2025-01-01", employedAtStart: true, [job("2024-05-01", nil)]),
            client("placed", "2025-01-01", [job("2025-04-01", nil, hours: 12)]),
            client("searching", "2025-01-01"),
        ]
        let measures = EmploymentMeasures.measure(clients, in: year2025)
        #expect(measures.served == 3)
        #expect(measures.outOfWorkAtStart == 2)
        #expect(measures.employed == 2)
        #expect(measures.employedRate == 0.6667)
        #expect(measures.employedRateOutOfWorkAtStart == 0.5)
        // Only the client out of work at start has days to a first job; a job before the start is 0.
        #expect(measures.daysToFirstJob.median == 90)
        #expect(measures.working20Plus == EmploymentMeasures.CountRate(count: 1, rate: 0.3333))
    }

    @Test func theEarliestJobWithADayInTheWindowGivesTheDaysToFirstJob() {
        let clients = [
            client("a", "2024-11-01", [job("2024-11-11", "2024-12-20"), job("2025-02-01", nil)]),
            client("b", "2025-01-01", [job("2025-01-11", nil)]),
            client("c", "2025-01-01", [job("2025-01-31", nil)]),
            client("d", "2025-01-01", [job("2025-03-02", nil)]),
        ]
        let measures = EmploymentMeasures.measure(clients, in: year2025)
        // a: the first job ended before the window, so its first job in the window started 92 days in.
        #expect(measures.daysToFirstJob.median == 45)
        #expect(measures.daysToFirstJob.mean == OutcomeRounding.round((92.0 + 10 + 30 + 60) / 4, places: 2))
    }

    @Test(arguments: [(30, EmploymentBand.belowMinimum), (31, .minimum), (40, .minimum), (41, .average),
                      (49, .average), (50, .excellent), (0, .belowMinimum), (100, .excellent)])
    func theBandEdges(_ percent: Int, _ band: EmploymentBand) {
        let clients = (0..<100).map { index in
            client("c\(index)", "2025-01-01", index < percent ? [job("2025-06-01", nil)] : [])
        }
        let measures = EmploymentMeasures.measure(clients, in: year2025)
        #expect(measures.employedRateOutOfWorkAtStart == Double(percent) / 100)
        #expect(measures.band == band)
    }

    @Test func ratesRoundToFourDecimalsAndOtherFiguresToTwo() {
        let clients = (0..<3).map { index in client("c\(index)", "2025-01-01", index == 0 ? [job("2025-01-01", "2025-01-10", hours: 7.777)] : []) }
        let measures = EmploymentMeasures.measure(clients, in: year2025)
        #expect(measures.employedRate == 0.3333)
        #expect(measures.totalHours == 11.11)
        #expect(measures.weeksWorked.total == 1.43)
    }

    // MARK: The request

    func decode(_ json: String) throws -> EmploymentMeasuresRequest {
        try JSONDecoder().decode(EmploymentMeasuresRequest.self, from: Data(json.utf8))
    }

    @Test func defaultsAreRegularAndNotEmployedAtStart() throws {
        let request = try decode(#"{"period": {"from": "2025-01-01", "to": "2025-12-31"}, "clients": [{"id": "c1", "start": "2025-01-06", "end": null, "jobs": [{"start": "2025-03-03", "end": null, "hoursPerWeek": 24, "hourlyWage": 14.40}]}]}"#)
        let prepared = try request.prepare()
        #expect(prepared.clients[0].employedAtStart == false)
        #expect(prepared.clients[0].jobs[0].regular == true)
    }

    @Test(arguments: [
        (#"{"period": {"from": "2025-01-01", "to": "2024-12-31"}, "clients": []}"#, "period.to"),
        (#"{"period": {"from": "2025-01-01", "to": "2025-12-31"}, "clients": [{"id": "c1", "start": "2025-02-01", "end": "2025-01-31"}]}"#, "clients[0].end"),
        (#"{"period": {"from": "2025-01-01", "to": "2025-12-31"}, "clients": [{"id": "c1", "start": "2025-01-01", "jobs": [{"start": "2025-01-02", "hoursPerWeek": 8}, {"start": "2025-01-02", "hoursPerWeek": 0}]}]}"#, "clients[0].jobs[1].hoursPerWeek"),
        (#"{"period": {"from": "2025-01-01", "to": "2025-12-31"}, "clients": [{"id": "c1", "start": "2025-01-01", "jobs": [{"start": "2025-03-02", "end": "2025-03-01", "hoursPerWeek": 8}]}]}"#, "clients[0].jobs[0].end"),
        (#"{"period": {"from": "2025-01-01", "to": "2025-12-31"}, "clients": [{"id": "c1", "start": "2025-01-01"}, {"id": "c1", "start": "2025-01-01"}]}"#, "clients[1].id"),
    ])
    func badInputNamesTheField(_ json: String, _ field: String) throws {
        #expect(throws: InputFieldError.self) { try decode(json).prepare() }
        do { _ = try decode(json).prepare() } catch let error as InputFieldError { #expect(error.field == field) }
    }
}

/// What a purge keeps: the anonymous counts of an erased client give the agency the same counts and
/// rates it had with the client's records.
@Suite struct AnonymousOutcomeCountsTests {
    func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test func erasedCountsGiveTheSameCountsAndRates() {
        let erased = [
            OutcomeClient(id: "a", start: day("2024-11-01"), end: day("2025-08-31"), jobs: [OutcomeJob(start: day("2025-02-01"), end: nil, hoursPerWeek: 24, hourlyWage: 14)]),
            OutcomeClient(id: "b", start: day("2025-03-01"), end: day("2025-12-01"), jobs: []),
            OutcomeClient(id: "c", start: day("2025-01-01"), end: day("2025-06-30"), employedAtStart: true, jobs: [OutcomeJob(start: day("2024-01-01"), end: nil, hoursPerWeek: 12, hourlyWage: nil)]),
        ]
        let kept = [OutcomeClient(id: "d", start: day("2025-01-01"), end: nil, jobs: [OutcomeJob(start: day("2025-05-01"), end: nil, hoursPerWeek: 30, hourlyWage: 15)])]
        for period in [OutcomePeriod.year(2025), OutcomePeriod.quarter(of: day("2025-04-15")), OutcomePeriod.quarter(of: day("2025-10-01"))] {
            var counts: [String: Int] = [:]
            for client in erased {
                for (name, _, measure) in AnonymousOutcomeCounts.counts(client, groupings: ["all"], firstYear: 2024, lastYear: 2025) where name == period.name {
                    counts[measure, default: 0] += 1
                }
            }
            let whole = EmploymentMeasures.measure(erased + kept, in: period)
            let fromCounts = EmploymentMeasures.measure(kept, in: period, erased: counts)
            #expect(fromCounts.served == whole.served, "\(period.name)")
            #expect(fromCounts.outOfWorkAtStart == whole.outOfWorkAtStart)
            #expect(fromCounts.employed == whole.employed)
            #expect(fromCounts.employedRate == whole.employedRate)
            #expect(fromCounts.employedRateOutOfWorkAtStart == whole.employedRateOutOfWorkAtStart)
            #expect(fromCounts.band == whole.band)
            #expect(fromCounts.working20Plus == whole.working20Plus)
        }
    }
}
