import Fluent
import Foundation
import JobcoachCore

/// The stored fading plan: the planned hours per week (one "YYYY-MM-DD hours" line per week) and
/// the day the employer takes over support.
final class FadingPlanRow: Model, @unchecked Sendable {
    static let schema = "fading_plans"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "trajectory_id") var trajectory: Trajectory
    @Field(key: "takeover_on") var takeoverOn: String
    @Field(key: "weeks") var weeks: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var core: FadingPlan? {
        guard let takeover = CalendarDate(takeoverOn) else { return nil }
        let rows = weeks.split(separator: "\n").compactMap { line -> FadingPlan.Week? in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let start = CalendarDate(String(parts[0])), let hours = Double(parts[1]) else { return nil }
            return FadingPlan.Week(startsOn: start, plannedHours: hours)
        }
        return FadingPlan(weeks: rows, takeoverOn: takeover)
    }

    static func stored(_ plan: FadingPlan) -> String {
        plan.weeks.map { "\($0.startsOn) \($0.plannedHours)" }.joined(separator: "\n")
    }
}
