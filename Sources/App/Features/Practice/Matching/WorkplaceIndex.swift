import Foundation
import JobcoachCore

/// An agency's open workplaces in the form matching needs, with what a results page shows of each.
struct WorkplaceIndex: Sendable {
    struct Summary: Sendable {
        var title: String
        var employerID: UUID
        var employerName: String
        var place: String
    }

    let revision: Int
    let workplaces: [MatchWorkplace]
    let skills: SkillIndex
    let summaries: [String: Summary]
}
