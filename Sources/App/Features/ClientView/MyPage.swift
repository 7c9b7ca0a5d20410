import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The client's own pages (`/me`, `/me/appointments`, `/me/coach`): a model that loads the client's
/// file, coaching records, coach, agency and commissioner, and contexts that say it in plain words.
/// Only texts written for the client appear: goals and their steps, appointments, milestones and the
/// client-facing version of a support note. The coach's professional notes do not.
enum MyPage {
    struct Model: Sendable {
        let file: ClientFile
        let coaching: CoachingFile
        let coach: User?
        let organisation: Organisation?
        let commissioner: Commissioner?
        let today: CalendarDate
        /// Appointments from now on that still stand, soonest first.
        let upcoming: [Appointment]

        static func load(_ client: Client, request: Request) async throws -> Model {
            let file = try await ClientFile.load(client, on: request)
            let coaching = try await CoachingFile.load(file, on: request.db)
            let now = request.clock.now()
            return Model(file: file, coaching: coaching,
                         coach: try await User.find(client.$coach.id, on: request.db),
                         organisation: try await Organisation.find(client.organisationID, on: request.db),
                         commissioner: try await file.trajectory.$commissioner.get(on: request.db),
                         today: CalendarDate(now, in: request.application.configuration.timeZone),
                         upcoming: coaching.appointments.filter { $0.startsAt >= now && $0.status == AppointmentStatus.planned.rawValue })
        }

        /// Goals still agreed (a dropped goal is not shown).
        var goals: [CoachingGoal] { coaching.goals.filter { $0.droppedOn == nil } }

        var currentGoal: CoachingGoal? {
            EasyRead.currentGoal(goals, dueOn: { CalendarDate($0.dueOn) ?? .distantFuture }, isOpen: { $0.reachedOn == nil })
        }
    }

    /// An appointment in the client's words.
    struct AppointmentText: Encodable {
        var day: String
        var time: String
        var what: String
        var topic: String
        var location: String
        var with: String

        init(_ appointment: Appointment, model: Model, request: Request) {
            let language = request.language
            let timeZone = request.application.configuration.timeZone
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            func clock(_ date: Date) -> String {
                let parts = calendar.dateComponents([.hour, .minute], from: date)
                return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
            }
            day = EasyRead.day(CalendarDate(appointment.startsAt, in: timeZone), today: model.today, in: language)
            time = request.t("myTimeFromTo", ["from": clock(appointment.startsAt),
                                              "to": clock(appointment.startsAt.addingTimeInterval(Double(appointment.minutes) * 60))])
            what = (AppointmentKind(rawValue: appointment.kind) ?? .other).clientTitle[language]
            topic = appointment.topic
            location = appointment.location
            with = model.coach?.displayName ?? ""
        }
    }

    /// A goal and its small steps.
    struct GoalText: Encodable {
        var what: String
        var by: String
        var reached: Bool
        var steps: [String]

        init(_ goal: CoachingGoal, model: Model, request: Request) {
            what = goal.what
            by = CalendarDate(goal.dueOn).map { EasyRead.day($0, today: model.today, in: request.language) } ?? goal.dueOn
            reached = goal.reachedOn != nil
            steps = goal.stepList
        }
    }

    /// A dated line: what was agreed at a meeting, or what the client achieved.
    struct DatedText: Encodable {
        var day: String
        var text: String
    }
}

extension CalendarDate {
    /// Sorts after every real date (a goal without a readable date comes last).
    static let distantFuture = CalendarDate(year: 9999, month: 12, day: 31)!
}
