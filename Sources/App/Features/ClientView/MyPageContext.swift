/// The client's own page, in plain language: short sentences, large text, icons with words.
struct MyPageContext: Encodable {
    struct Goal: Encodable {
        var what: String
        var by: String
        var reached: Bool
        var steps: [String]
    }

    struct Appointment: Encodable {
        var when: String
        var location: String
        var topic: String
    }

    struct Record: Encodable {
        var heading: String
        var items: [KeyValue]
    }

    struct Consent: Encodable {
        var field: String
        var question: String
        var yes: Bool
        var no: Bool
        var state: String
    }

    var layout: Layout
    var name: String
    var goals: [Goal]
    var next: Appointment?
    var later: [Appointment]
    var calendarURL: String
    var coachName: String
    var coachEmail: String
    var agency: String
    var records: [Record]
    var consents: [Consent]
    var consentURL: String
    var csrfToken: String
    var hasCommissioner: Bool
    var notice: String?
}
