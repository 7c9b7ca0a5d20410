import JobcoachCore
import Vapor

/// The complaints list and the form to record one.
struct ComplaintsContext: Encodable {
    struct Row: Encodable {
        var received: String
        var number: String
        var holder: String
        var status: String
        var url: String
    }

    var layout: Layout
    var csrfToken: String
    var formURL: String
    var rows: [Row]
    var values: [String: String]
    var roles: [ChoiceOption]
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]

    init(request: Request, complaints: [Complaint], form: FormFields?, problems: [FormProblem]) {
        let language = request.language
        layout = Layout(request: request, title: request.t("complaintsTitle"), current: .officeComplaints)
        csrfToken = request.csrfToken
        formURL = SiteURL.officeComplaints.path
        rows = complaints.map { complaint in
            Row(received: CalendarDate(complaint.receivedOn)?.text(in: language) ?? complaint.receivedOn,
                number: complaint.certificate.registrationNumber, holder: complaint.certificate.holderName,
                status: complaint.status.title[language], url: SiteURL.officeComplaint(.value(complaint.id!)).path)
        }
        values = form?.values ?? ["receivedOn": request.today.description]
        let chosen = values["complainantRole"]
        roles = ComplainantRole.allCases.map { ChoiceOption(value: $0.rawValue, label: $0.title[language], selected: chosen == $0.rawValue) }
        errors = problems.fieldErrors(request)
        hasErrors = !errors.isEmpty
        fieldErrors = errors.byField
    }
}
