import Foundation
import JobcoachCore
import Vapor

/// The caseload: a coach's own clients, or a team lead's team, by phase, with how long each has been
/// in their phase.
struct CaseloadContext: Encodable {
    struct Row: Encodable {
        var name: String
        var url: String
        var phase: String
        var daysInPhase: String
        var started: String
        var coach: String
    }

    struct PhaseFilter: Encodable {
        var label: String
        var count: Int
        var url: String
        var current: Bool
    }

    var layout: Layout
    var heading: String
    var lead: String
    var rows: [Row]
    var showCoach: Bool
    var phases: [PhaseFilter]
    var total: Int
    var newClientURL: String
    var employersURL: String
    var commissionersURL: String
    var previousURL: String?
    var nextURL: String?
    var pageText: String
}
