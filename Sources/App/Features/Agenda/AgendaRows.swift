import Foundation
import JobcoachCore
import Vapor

/// An agenda's items as table rows in the visitor's language: when, which client, what, and where
/// to do it.
struct AgendaRow: Encodable, Sendable {
    var when: String
    var client: String
    var clientURL: String
    var what: String
    var url: String
    var coach: String
    var overdue: Bool

    static func rows(_ items: [Agenda.Item], data: AgendaData, today: CalendarDate, coachNames: [UUID: String] = [:],
                     showDay: Bool, _ request: Request) -> [AgendaRow] {
        let language = request.language
        let bookings = Dictionary(grouping: data.appointments, by: \.clientID)
        let byID = Dictionary(data.appointments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return items.map { item in
            let client = data.clients[item.clientID]
            let name = client?.name ?? bookings[item.clientID]?.first?.clientName ?? ""
            let coachID = client?.coachID ?? bookings[item.clientID]?.first?.coachID
            let dayText = item.day.text(in: language)
            var when = showDay ? dayText : ""
            let what: String
            let url: SiteURL
            var fragment = ""
            switch item.what {
            case .appointment(let kind, let minute, let minutes):
                let time = String(format: "%02d:%02d", minute / 60, minute % 60)
                when = showDay ? "\(dayText), \(time)" : time
                let booking = item.recordID.flatMap { byID[$0] }
                what = request.t("agendaAppointment", ["kind": kind.title[language], "minutes": String(minutes),
                                                       "place": booking?.location ?? ""])
                url = .clientSupport(.value(item.clientID))
                fragment = "#appointments"
            case .goal(let goal):
                what = request.t("caseloadActionGoal", ["goal": goal])
                url = .clientPlan(.value(item.clientID))
                fragment = "#goals"
            case .followUp(let name, let months):
                what = request.t(name == .checkAfterPlacement ? "agendaCheckAfterPlacement" : "caseloadActionFollowUp", ["months": String(months)])
                url = .clientClosing(.value(item.clientID))
                fragment = "#follow-ups"
            }
            let overdue = item.day < today
            if overdue { when = request.t("agendaOverdue", ["date": dayText, "days": String(today.days(since: item.day))]) }
            return AgendaRow(when: when, client: name, clientURL: SiteURL.client(.value(item.clientID)).path, what: what,
                             url: url.path + fragment, coach: coachID.flatMap { coachNames[$0] } ?? "", overdue: overdue)
        }
    }
}
