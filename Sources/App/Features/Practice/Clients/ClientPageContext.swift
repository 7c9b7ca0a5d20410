import Foundation
import JobcoachCore
import Vapor

/// A client's page: the trajectory's phase and history, the checklist from the framework data, the
/// moves open now, and the way to the intake, profile and matching.
struct ClientPageContext: Encodable {
    struct Step: Encodable {
        var label: String
        var state: String
        var stateText: String
        var current: Bool
    }

    struct ChecklistItem: Encodable {
        var id: String
        var number: String
        var text: String
        var done: Bool
        var note: String
    }

    struct ChecklistSection: Encodable {
        var id: String
        var heading: String
        var description: String
        var throughout: Bool
        var items: [ChecklistItem]
        var doneText: String
    }

    struct MoveRow: Encodable {
        var date: String
        var from: String
        var to: String
        var reason: String
        var by: String
    }

    struct LeadTimeRow: Encodable {
        var phase: String
        var days: String
        var visits: Int
        var current: Bool
    }

    struct PastTrajectory: Encodable {
        var started: String
        var ended: String
        var framework: String
    }

    struct AttachmentLink: Encodable {
        var url: String
        var title: String
        var description: String
    }

    var layout: Layout
    var csrfToken: String
    var name: String
    var details: [KeyValue]
    var phase: String
    var ended: Bool
    var daysInPhase: String
    var totalDays: String
    var framework: String
    var frameworkURL: String
    var steps: [Step]
    var checklistPhase: String
    var checklistPhaseCode: String
    var checklistPhases: [ChoiceOption]
    var checklist: [ChecklistSection]
    var checklistURL: String
    var canWork: Bool
    var moveURL: String
    var moveOptions: [ChoiceOption]
    var moveReason: String
    var moves: [MoveRow]
    var leadTimes: [LeadTimeRow]
    var intakeURL: String
    var intakeStatus: String
    var profileURL: String
    var profileStatus: String
    var matchingURL: String
    var placement: String?
    var workLinks: [LinkView]
    var canAssign: Bool
    var coachURL: String
    var coaches: [ChoiceOption]
    var past: [PastTrajectory]
    var newTrajectoryURL: String
    var attachments: [AttachmentLink]
    var attachmentsURL: String
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]
}

/// A label and its value, for definition lists.
struct KeyValue: Encodable {
    var key: String
    var value: String
}
