import JobcoachCore
import Vapor

/// The client's own page: what happens next first (the next appointment, the step to work on), then
/// short sections that open: goals, what was agreed, what was achieved, and who may read which report.
struct MyPageContext: Encodable {
    struct Consent: Encodable {
        var field: String
        var question: String
        var contents: String
        var yes: Bool
        var no: Bool
        var state: String
    }

    var layout: Layout
    var name: String
    var next: MyPage.AppointmentText?
    var current: MyPage.GoalText?
    var goals: [MyPage.GoalText]
    var agreed: [MyPage.DatedText]
    var achieved: [MyPage.DatedText]
    var consents: [Consent]
    var consentURL: String
    var consentOpen: Bool
    var csrfToken: String
    var hasCommissioner: Bool
    var appointmentsURL: String
    var coachURL: String
    var notice: String?

    init(_ model: MyPage.Model, request: Request, notice: String?) {
        let language = request.language
        func day(_ text: String) -> String {
            CalendarDate(text).map { EasyRead.day($0, today: model.today, in: language) } ?? text
        }
        layout = Layout(request: request, title: request.t("myTitle"), current: .myPage)
        name = model.file.client.name
        next = model.upcoming.first.map { MyPage.AppointmentText($0, model: model, request: request) }
        current = model.currentGoal.map { MyPage.GoalText($0, model: model, request: request) }
        goals = model.goals.map { MyPage.GoalText($0, model: model, request: request) }
        agreed = model.coaching.support.filter { !$0.clientSummary.isEmpty }.map { MyPage.DatedText(day: day($0.heldOn), text: $0.clientSummary) }
        achieved = model.coaching.milestones.filter { $0.takenBackOn == nil }.map { MyPage.DatedText(day: day($0.reachedOn), text: $0.title) }
        let commissioner = model.commissioner?.name ?? ""
        consents = ReportKind.allCases.map { kind in
            let consent = model.coaching.consent(kind)
            return Consent(
                field: "consent-\(kind.rawValue)",
                question: request.t("myConsentQuestion", ["commissioner": commissioner, "report": kind.clientTitle[language]]),
                contents: kind.clientContents[language],
                yes: consent?.given == true, no: consent?.given == false,
                state: request.t(consent.map { $0.given ? "myConsentYesNow" : "myConsentNoNow" } ?? "myConsentNotYet"))
        }
        consentURL = SiteURL.myConsent.path
        consentOpen = notice != nil
        csrfToken = request.csrfToken
        hasCommissioner = model.commissioner != nil
        appointmentsURL = SiteURL.myAppointments.path
        coachURL = SiteURL.myCoach.path
        self.notice = notice
    }
}

/// The client's appointments from now on, and the calendar file with them.
struct MyAppointmentsContext: Encodable {
    var layout: Layout
    var appointments: [MyPage.AppointmentText]
    var calendarURL: String

    init(_ model: MyPage.Model, request: Request) {
        layout = Layout(request: request, title: request.t("navMyAppointments"), current: .myAppointments)
        appointments = model.upcoming.map { MyPage.AppointmentText($0, model: model, request: request) }
        calendarURL = SiteURL.myCalendar.path
    }
}

/// Who the client's coach is and how to reach them.
struct MyCoachContext: Encodable {
    var layout: Layout
    var hasCoach: Bool
    var name: String
    var firstName: String
    var letters: String
    var agency: String
    var phone: String
    var phoneURI: String
    var email: String

    init(_ model: MyPage.Model, request: Request) {
        layout = Layout(request: request, title: request.t("navMyCoach"), current: .myCoach)
        hasCoach = model.coach != nil
        name = model.coach?.displayName ?? ""
        firstName = name.split(separator: " ").first.map(String.init) ?? name
        letters = EasyRead.avatarLetters(name)
        agency = model.organisation?.name ?? ""
        let phone = model.coach.flatMap { PhoneNumber($0.phone) }
        self.phone = phone?.text ?? ""
        phoneURI = phone?.uri ?? ""
        email = model.coach?.email ?? ""
    }
}
