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
        var restricted: Bool
    }

    struct PhaseFilter: Encodable {
        var label: String
        var count: Int
        var url: String
        var current: Bool
    }

    struct LeadTimeRow: Encodable {
        var phase: String
        var clients: Int
        var average: String
        var longest: String
    }

    var layout: Layout
    /// "12 of 20 clients (60%)" and what it means; nil for a team lead without own hours.
    var load: String
    var loadPercentage: Int
    var loadOver: Bool
    var loadNote: String
    var agenda: [AgendaRow]
    var agendaMore: String
    var agendaURL: String
    var searchURL: String
    var leadTimes: [LeadTimeRow]
    var teamURL: String?
    var csvURL: String
    var settingsURL: String?
    var heading: String
    var lead: String
    var rows: [Row]
    var showCoach: Bool
    var phases: [PhaseFilter]
    var total: Int
    var newClientURL: String
    var importURL = SiteURL.imports.path
    var employersURL: String
    var commissionersURL: String
    var previousURL: String?
    var nextURL: String?
    var pageText: String
}
