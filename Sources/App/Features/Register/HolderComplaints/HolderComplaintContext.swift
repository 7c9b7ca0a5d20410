import Foundation
import JobcoachCore
import Vapor

/// The coach's page for a complaint about them.
struct HolderComplaintContext: Encodable {
    var layout: Layout
    var csrfToken: String
    var formURL: String
    var certificatesURL: String
    var number: String
    var received: String
    var summary: String
    var status: String
    var outcome: String?
    var outcomeReason: String?
    var response: String
    var respondedAt: String?
    var canRespond: Bool
    var saved: Bool
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]

    init(request: Request, complaint: Complaint, form: FormFields?, problems: [FormProblem]) {
        let language = request.language
        number = complaint.certificate.registrationNumber
        layout = Layout(request: request, title: "\(request.t("complaintTitle")) \(number)", current: .certificates)
        csrfToken = request.csrfToken
        formURL = SiteURL.myComplaint(.value(complaint.id!)).path
        certificatesURL = SiteURL.certificates.path
        received = CalendarDate(complaint.receivedOn)?.text(in: language) ?? complaint.receivedOn
        summary = complaint.summary
        status = complaint.status.title[language]
        outcome = complaint.status == .upheld ? complaint.outcome.map { ComplaintOutcome(rawValue: $0)?.title(request) ?? $0 } : nil
        outcomeReason = complaint.status == .upheld ? complaint.outcomeReason : nil
        response = form?.value("response") ?? complaint.response ?? ""
        respondedAt = complaint.respondedAt.map { AdminUsersContext.format($0, request) }
        canRespond = complaint.status.acceptsResponse
        saved = (try? request.query.get(String.self, at: "saved")) == "1"
        errors = problems.fieldErrors(request)
        hasErrors = !errors.isEmpty
        fieldErrors = errors.byField
    }
}
