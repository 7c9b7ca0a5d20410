import Fluent
import Foundation
import JobcoachCore
import SQLKit

/// What a coach's agenda is made of: the planned appointments of the clients in reach between two
/// moments (one query joining appointments to the caseload), and the goals and checks due, from
/// the caseload's overview. The order and grouping are the core's `Agenda`.
struct AgendaData: Sendable {
    /// A planned appointment with its client.
    struct Booking: Sendable {
        let id: UUID
        let clientID: UUID
        let clientName: String
        let coachID: UUID
        let startsAt: Date
        let minutes: Int
        let kind: AppointmentKind
        let location: String
        let topic: String
    }

    let appointments: [Booking]
    let clients: [UUID: (name: String, coachID: UUID, phase: TrajectoryPhase)]
    let actions: [Agenda.Item]

    /// Planned appointments of the clients the actor sees (`ownOnly`: only the actor's own clients,
    /// as in their calendar feed), starting in `from..<until`, soonest first.
    static func appointments(_ actor: PracticeActor, ownOnly: Bool = false, from: Date, until: Date,
                             on database: any Database) async throws -> [Booking] {
        guard let sql = database as? any SQLDatabase else { return [] }
        let table = Appointment.self
        var select = CaseloadController.visible(sql.select(), actor)
            .join(table.schema, on: SQLColumn("trajectory_id", table: table.schema), .equal, SQLColumn("id", table: Trajectory.schema))
            .column(SQLAlias(SQLColumn("id", table: table.schema), as: SQLIdentifier("appointment_id")))
            .column(SQLAlias(SQLColumn("id", table: Client.schema), as: SQLIdentifier("client_id")))
            .column(SQLColumn("name", table: Client.schema)).column(SQLColumn("coach_id", table: Client.schema))
            .column(SQLColumn("starts_at", table: table.schema)).column(SQLColumn("minutes", table: table.schema))
            .column(SQLColumn("kind", table: table.schema)).column(SQLColumn("location", table: table.schema))
            .column(SQLColumn("topic", table: table.schema))
            .where(SQLColumn("organisation_id", table: table.schema), .equal, SQLBind(actor.organisationID))
            .where(SQLColumn("status", table: table.schema), .equal, SQLBind(AppointmentStatus.planned.rawValue))
            .where(SQLColumn("starts_at", table: table.schema), .greaterThanOrEqual, SQLBind(from))
            .where(SQLColumn("starts_at", table: table.schema), .lessThan, SQLBind(until))
        if ownOnly { select = select.where(SQLColumn("coach_id", table: Client.schema), .equal, SQLBind(actor.userID)) }
        return try await select.orderBy(SQLColumn("starts_at", table: table.schema)).all().map { row in
            Booking(id: try row.decode(column: "appointment_id", as: UUID.self),
                        clientID: try row.decode(column: "client_id", as: UUID.self),
                        clientName: try row.decode(column: "name", as: String.self),
                        coachID: try row.decode(column: "coach_id", as: UUID.self),
                        startsAt: try row.decode(column: "starts_at", as: Date.self),
                        minutes: try row.decode(column: "minutes", as: Int.self),
                        kind: AppointmentKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other,
                        location: try row.decode(column: "location", as: String.self),
                        topic: try row.decode(column: "topic", as: String.self))
        }
    }

    /// The appointments and due actions of the days `first...last` (actions before `first` are
    /// overdue and kept).
    static func load(_ actor: PracticeActor, overview: CaseloadOverview, first: CalendarDate, last: CalendarDate, timeZone: TimeZone,
                     on database: any Database) async throws -> AgendaData {
        let appointments = try await appointments(actor, from: first.start(in: timeZone), until: last.adding(days: 1).start(in: timeZone),
                                                  on: database)
        var clients: [UUID: (name: String, coachID: UUID, phase: TrajectoryPhase)] = [:]
        for item in overview.items { clients[item.clientID] = (item.name, item.coachID, item.phase) }
        return AgendaData(appointments: appointments, clients: clients, actions: actions(of: overview))
    }

    /// The goals and follow-up checks due in a caseload, as agenda items.
    static func actions(of overview: CaseloadOverview) -> [Agenda.Item] {
        var actions: [Agenda.Item] = []
        for item in overview.items {
            for action in overview.actions[item.trajectoryID] ?? [] {
                switch action.kind {
                case .goal:
                    actions.append(Agenda.Item(clientID: item.clientID, day: action.dueOn, what: .goal(action.subject)))
                case .followUp:
                    actions.append(Agenda.Item(clientID: item.clientID, day: action.dueOn,
                                               what: .followUp(FollowUpCheckName(phase: item.phase), monthsAfter: Int(action.subject) ?? 0)))
                }
            }
        }
        return actions
    }

    func items(timeZone: TimeZone) -> [Agenda.Item] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return appointments.map { appointment in
            let parts = calendar.dateComponents([.hour, .minute], from: appointment.startsAt)
            return Agenda.Item(clientID: appointment.clientID, day: CalendarDate(appointment.startsAt, in: timeZone),
                               what: .appointment(appointment.kind, minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0),
                                                  minutes: appointment.minutes),
                               recordID: appointment.id)
        }
    }
}

extension CalendarDate {
    /// Midnight at the start of the day in a time zone.
    func start(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }
}
