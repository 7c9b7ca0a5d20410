import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The client's own pages (eigen regie): what happens next, their goals and steps, what was agreed,
/// their appointments (also as a calendar file), their coach and how to reach them, and which reports
/// may go to whom. A client account sees only the one client it is linked to.
enum MyPageController {
    static func audit(_ request: Request, _ user: User, _ client: Client, _ action: String) async throws {
        let organisationID = client.organisationID
        try await request.auditRead(chain: .organisation(organisationID), actor: user.auditName, action: action, subject: client.auditName,
                                    details: ["organisation": organisationID.uuidString])
    }

    static func page(_ request: Request) async throws -> Response {
        try await render(request, notice: nil)
    }

    static func render(_ request: Request, notice: String?) async throws -> Response {
        let model = try await load(request, audited: "my.viewed")
        return try await request.page(.my, MyPageContext(model, request: request, notice: notice))
    }

    static func appointments(_ request: Request) async throws -> Response {
        let model = try await load(request, audited: "my.appointments.viewed")
        return try await request.page(.myAppointments, MyAppointmentsContext(model, request: request))
    }

    static func coach(_ request: Request) async throws -> Response {
        let model = try await load(request, audited: "my.coach.viewed")
        return try await request.page(.myCoach, MyCoachContext(model, request: request))
    }

    /// The signed-in client's file, its reading recorded in the audit trail first.
    private static func load(_ request: Request, audited action: String) async throws -> MyPage.Model {
        let user = try request.auth.require(User.self)
        let client = try request.scope(OwnClientScope.self)
        try await audit(request, user, client, action)
        return try await MyPage.Model.load(client, request: request)
    }

    static func calendar(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let client = try request.scope(OwnClientScope.self)
        try await audit(request, user, client, "my.calendar")
        let file = try await ClientFile.load(client, on: request)
        let coaching = try await CoachingFile.load(file, on: request.db)
        let coach = try await User.find(client.$coach.id, on: request.db)
        let now = request.clock.now()
        let calendar = ICalendar(
            name: request.t("myAppointments"),
            events: coaching.appointments.filter { $0.startsAt >= now.addingTimeInterval(-86_400) && $0.status == AppointmentStatus.planned.rawValue }.map { appointment in
                ICalendar.Event(uid: "\(appointment.id?.uuidString ?? UUID().uuidString)@jobcoach", start: appointment.startsAt,
                                minutes: appointment.minutes,
                                summary: (AppointmentKind(rawValue: appointment.kind) ?? .other).clientTitle[request.language],
                                location: appointment.location,
                                description: [request.t("myCalendarWith", ["coach": coach?.displayName ?? ""]), appointment.topic]
                                    .filter { !$0.isEmpty }.joined(separator: "\n"))
            },
            stamp: now)
        let response = Response(status: .ok, body: .init(string: calendar.text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"appointments.ics\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func consent(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let client = try request.scope(OwnClientScope.self)
        let file = try await ClientFile.load(client, on: request)
        let form = FormFields(try request.content.decode([String: String].self))
        var changed = 0
        for kind in ReportKind.allCases {
            let answer = form.value("consent-\(kind.rawValue)")
            guard answer == "yes" || answer == "no" else { continue }
            let current = try await ReportConsent.query(on: request.db).filter(\.$organisationID == client.organisationID)
                .filter(\.$trajectory.$id == file.trajectoryID).filter(\.$reportKind == kind.rawValue).first()
            if current?.given == (answer == "yes") { continue }
            try await ReportConsentRecorder.record(request, organisationID: client.organisationID, trajectoryID: file.trajectoryID,
                                                   client: client, kind: kind, given: answer == "yes", by: try user.requireID(),
                                                   auditActor: user.auditName, byClient: true)
            changed += 1
        }
        return try await render(request, notice: request.t(changed > 0 ? "myConsentSaved" : "myConsentUnchanged"))
    }
}

/// The client an account is linked to; 404 for an account linked to none.
enum OwnClientScope: RequestScope {
    static func resolve(_ request: Request) async throws -> Client {
        let user = try request.auth.require(User.self)
        guard user.role.may(.viewOwnRecord), let userID = user.id,
              let account = try await ClientAccount.query(on: request.db).filter(\.$user.$id == userID).with(\.$client).first()
        else { throw Abort(.notFound) }
        return account.client
    }
}
