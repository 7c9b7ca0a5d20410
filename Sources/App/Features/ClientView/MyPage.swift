import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The client's own page: a model that loads the client's file, coaching records, coach, agency and
/// commissioner, and `MyPageContext.init(_:request:notice:)`, which says it in plain language.
enum MyPage {
    struct Model: Sendable {
        let file: ClientFile
        let coaching: CoachingFile
        let coach: User?
        let organisation: Organisation?
        let commissioner: Commissioner?
        /// Appointments from now on, soonest first.
        let upcoming: [Appointment]

        static func load(_ client: Client, request: Request) async throws -> Model {
            let file = try await ClientFile.load(client, on: request)
            let coaching = try await CoachingFile.load(file, on: request.db)
            let now = request.clock.now()
            return Model(file: file, coaching: coaching,
                         coach: try await User.find(client.$coach.id, on: request.db),
                         organisation: try await Organisation.find(client.organisationID, on: request.db),
                         commissioner: try await file.trajectory.$commissioner.get(on: request.db),
                         upcoming: coaching.appointments.filter { $0.startsAt >= now && $0.status == AppointmentStatus.planned.rawValue })
        }
    }
}

extension MyPageContext {
    init(_ model: MyPage.Model, request: Request, notice: String?) {
        let language = request.language
        let timeZone = request.application.configuration.timeZone
        let upcoming = model.upcoming.map { appointment in
            Appointment(when: PracticeOptions.dateTime(appointment.startsAt, timeZone: timeZone, language: language),
                        location: appointment.location, topic: appointment.topic)
        }
        self.init(
            layout: Layout(request: request, title: request.t("myTitle"), current: .myPage),
            name: model.file.client.name,
            goals: model.coaching.goals.map { goal in
                Goal(what: goal.what, by: WorkPage.date(goal.dueOn, language), reached: goal.reachedOn != nil, steps: goal.stepList)
            },
            next: upcoming.first, later: Array(upcoming.dropFirst()), calendarURL: SiteURL.myCalendar.path,
            coachName: model.coach?.displayName ?? "", coachEmail: model.coach?.email ?? "", agency: model.organisation?.name ?? "",
            records: Self.records(model, request), consents: Self.consents(model, request), consentURL: SiteURL.myConsent.path,
            csrfToken: request.csrfToken, hasCommissioner: model.commissioner != nil, notice: notice)
    }

    /// What is written about the client, record by record; empty answers are left out.
    private static func records(_ model: MyPage.Model, _ request: Request) -> [Record] {
        let language = request.language
        let coaching = model.coaching
        func item(labelKey: String, _ value: String?) -> KeyValue? {
            guard let value, !value.isEmpty else { return nil }
            return KeyValue(key: request.t(labelKey), value: value)
        }
        var records: [Record] = []
        if let intake = model.file.intake {
            records.append(.init(heading: request.t("myIntake"), items: [
                item(labelKey: "myIntakeDate", WorkPage.date(intake.heldOn, language)),
                item(labelKey: "myQuestion", intake.question),
                item(labelKey: "myAgreed", intake.agreedTrajectory),
                item(labelKey: "myExpectations", intake.expectations),
            ].compactMap { $0 }))
        }
        if let profile = model.file.profile {
            records.append(.init(heading: request.t("myProfile"), items: [
                item(labelKey: "myMotivators", profile.motivators),
                item(labelKey: "myWishes", profile.wishes),
                item(labelKey: "mySkills", profile.skills),
                item(labelKey: "myPossibilities", profile.possibilities),
                item(labelKey: "myAttention", profile.attentionPoints),
                item(labelKey: "myLimitations", profile.limitations),
            ].compactMap { $0 }))
        }
        if let plan = coaching.plan {
            records.append(.init(heading: request.t("myPlan"), items: [
                item(labelKey: "myNetwork", plan.networkRoles),
                item(labelKey: "myEmployerRole", plan.employerRole),
                item(labelKey: "myColleague", plan.employerColleague),
            ].compactMap { $0 }))
        }
        let dated: [(heading: String, rows: [KeyValue])] = [
            (request.t("myLog"), coaching.support.map { KeyValue(key: WorkPage.date($0.heldOn, language), value: $0.notes) }),
            (request.t("myEvaluations"), coaching.evaluations.map { KeyValue(key: WorkPage.date($0.heldOn, language), value: $0.outcome) }),
            (request.t("myMilestones"), coaching.milestones.map { KeyValue(key: WorkPage.date($0.reachedOn, language), value: $0.title) }),
        ]
        for (heading, rows) in dated where !rows.isEmpty { records.append(.init(heading: heading, items: rows)) }
        return records
    }

    private static func consents(_ model: MyPage.Model, _ request: Request) -> [Consent] {
        ReportKind.allCases.map { kind in
            let consent = model.coaching.consent(kind)
            return Consent(
                field: "consent-\(kind.rawValue)",
                question: request.t("myConsentQuestion", [
                    "report": kind.title[request.language],
                    "commissioner": model.commissioner?.name ?? "",
                ]),
                yes: consent?.given == true, no: consent?.given == false,
                state: consent.map { request.t($0.given ? "myConsentYesNow" : "myConsentNoNow") } ?? request.t("myConsentNotYet"))
        }
    }
}
