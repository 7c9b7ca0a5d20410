import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The client's own page (eigen regie): their goals and steps, their next appointment (also as a
/// calendar file), their coach and how to reach them, what is written about them, and which reports
/// may go to whom. A client account sees only the one client it is linked to.
enum MyPageController {
    static func audit(_ request: Request, _ user: User, _ client: Client, _ action: String) async throws {
        let organisationID = client.organisationID
        _ = try await request.change { db in
            try await AuditTrail(clock: request.clock).record(on: db, actor: user.auditName, action: action, subject: client.auditName,
                                                              details: ["organisation": organisationID.uuidString])
        }
    }

    static func page(_ request: Request) async throws -> Response {
        try await render(request, notice: nil)
    }

    static func render(_ request: Request, notice: String?) async throws -> Response {
        let user = try request.auth.require(User.self)
        let client = try request.scope(OwnClientScope.self)
        try await audit(request, user, client, "my.viewed")
        let file = try await ClientFile.load(client, on: request)
        let coaching = try await CoachingFile.load(file, on: request.db)
        let language = request.language
        let timeZone = request.application.configuration.timeZone
        let now = request.clock.now()
        let coach = try await User.find(client.$coach.id, on: request.db)
        let organisation = try await Organisation.find(client.organisationID, on: request.db)
        let commissioner = try await file.trajectory.$commissioner.get(on: request.db)
        let upcoming = coaching.appointments.filter { $0.startsAt >= now }.map { appointment in
            MyPageContext.Appointment(when: PracticeOptions.dateTime(appointment.startsAt, timeZone: timeZone, language: language),
                                      location: appointment.location, topic: appointment.topic)
        }
        func item(_ key: String, _ value: String?) -> KeyValue? {
            guard let value, !value.isEmpty else { return nil }
            return KeyValue(key: request.t(key), value: value)
        }
        var records: [MyPageContext.Record] = []
        if let intake = file.intake {
            records.append(.init(heading: request.t("myIntake"), items: [
                item("myIntakeDate", WorkPage.date(intake.heldOn, language)), item("myQuestion", intake.question),
                item("myAgreed", intake.agreedTrajectory), item("myExpectations", intake.expectations),
            ].compactMap { $0 }))
        }
        if let profile = file.profile {
            records.append(.init(heading: request.t("myProfile"), items: [
                item("myMotivators", profile.motivators), item("myWishes", profile.wishes), item("mySkills", profile.skills),
                item("myPossibilities", profile.possibilities), item("myAttention", profile.attentionPoints),
                item("myLimitations", profile.limitations),
            ].compactMap { $0 }))
        }
        if let plan = coaching.plan {
            records.append(.init(heading: request.t("myPlan"), items: [
                item("myNetwork", plan.networkRoles), item("myEmployerRole", plan.employerRole), item("myColleague", plan.employerColleague),
            ].compactMap { $0 }))
        }
        if !coaching.support.isEmpty {
            records.append(.init(heading: request.t("myLog"), items: coaching.support.map {
                KeyValue(key: WorkPage.date($0.heldOn, language), value: $0.notes)
            }))
        }
        if !coaching.evaluations.isEmpty {
            records.append(.init(heading: request.t("myEvaluations"), items: coaching.evaluations.map {
                KeyValue(key: WorkPage.date($0.heldOn, language), value: $0.outcome)
            }))
        }
        if !coaching.milestones.isEmpty {
            records.append(.init(heading: request.t("myMilestones"), items: coaching.milestones.map {
                KeyValue(key: WorkPage.date($0.reachedOn, language), value: $0.title)
            }))
        }
        let consents = ReportKind.allCases.map { kind in
            let consent = coaching.consent(kind)
            return MyPageContext.Consent(
                field: "consent-\(kind.rawValue)",
                question: request.t("myConsentQuestion").replacingOccurrences(of: "{report}", with: kind.title[language])
                    .replacingOccurrences(of: "{commissioner}", with: commissioner?.name ?? ""),
                yes: consent?.given == true, no: consent?.given == false,
                state: consent.map { request.t($0.given ? "myConsentYesNow" : "myConsentNoNow") } ?? request.t("myConsentNotYet"))
        }
        let context = MyPageContext(
            layout: Layout(request: request, title: request.t("myTitle"), current: .myPage),
            name: client.name,
            goals: coaching.goals.map { goal in
                MyPageContext.Goal(what: goal.what, by: WorkPage.date(goal.dueOn, language), reached: goal.reachedOn != nil, steps: goal.stepList)
            },
            next: upcoming.first, later: Array(upcoming.dropFirst()), calendarURL: SiteURL.myCalendar.path,
            coachName: coach?.displayName ?? "", coachEmail: coach?.email ?? "", agency: organisation?.name ?? "",
            records: records, consents: consents, consentURL: SiteURL.myConsent.path, csrfToken: request.csrfToken,
            hasCommissioner: commissioner != nil, notice: notice)
        return try await request.page(.my, context)
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
            events: coaching.appointments.filter { $0.startsAt >= now.addingTimeInterval(-86_400) }.map { appointment in
                ICalendar.Event(uid: "\(appointment.id?.uuidString ?? UUID().uuidString)@jobcoach", start: appointment.startsAt,
                                minutes: appointment.minutes, summary: appointment.topic, location: appointment.location,
                                description: request.t("myCalendarWith").replacingOccurrences(of: "{coach}", with: coach?.displayName ?? ""))
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
