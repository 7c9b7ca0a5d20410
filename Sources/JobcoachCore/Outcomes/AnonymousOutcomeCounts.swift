import Foundation

/// The anonymous counts an erased trajectory leaves behind, per year and quarter it was served in,
/// so that an agency's figures over those periods do not change when the client is erased.
public enum AnonymousOutcomeCounts {
    public static let served = "served"
    public static let outOfWorkAtStart = "out-of-work-at-start"
    public static let employed = "employed"
    public static let employedOutOfWorkAtStart = "employed-out-of-work-at-start"
    public static let working20Plus = "working-20-plus"

    /// What the client adds to each measure of one period.
    public static func measures(_ client: OutcomeClient, in period: OutcomePeriod) -> [String] {
        guard let window = EmploymentMeasures.window(of: client, in: period) else { return [] }
        let jobs = client.jobs.filter { $0.regular && EmploymentMeasures.days(of: $0, in: window) != nil }
        var measures = [served]
        if !client.employedAtStart { measures.append(outOfWorkAtStart) }
        if !jobs.isEmpty { measures.append(employed) }
        if !jobs.isEmpty, !client.employedAtStart { measures.append(employedOutOfWorkAtStart) }
        if jobs.contains(where: { $0.hoursPerWeek >= 20 }) { measures.append(working20Plus) }
        return measures
    }

    /// `(period name, grouping, measure)` for every count the client adds, for the years from
    /// `firstYear` to `lastYear` and their quarters.
    public static func counts(_ client: OutcomeClient, groupings: [String], firstYear: Int, lastYear: Int) -> [(String, String, String)] {
        var result: [(String, String, String)] = []
        guard firstYear <= lastYear else { return result }
        for year in firstYear...lastYear {
            let yearPeriod = OutcomePeriod.year(year)
            let periods = [yearPeriod] + (0..<4).map { OutcomePeriod.quarter(of: yearPeriod.from.adding(months: 3 * $0)) }
            for period in periods {
                for measure in measures(client, in: period) {
                    for grouping in groupings { result.append((period.name, grouping, measure)) }
                }
            }
        }
        return result
    }
}
