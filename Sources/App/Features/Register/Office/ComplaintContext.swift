import JobcoachCore
import Vapor

/// One complaint: what it is about, and the move to its next status.
struct ComplaintContext: Encodable {
    struct Choice: Encodable {
        var value: String
        var label: String
    }

    var layout: Layout
    var csrfToken: String
    var formURL: String
    var listURL: String
    var number: String
    var holder: String
    var certificateStatus: String
    var received: String
    var summary: String
    var status: String
    var outcome: String?
    var outcomeReason: String?
    var complainant: String
    var complainantContact: String
    var response: String?
    var respondedAt: String?
    var canMove: Bool
    var moves: [Choice]
    var outcomes: [Choice]
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]

    init(request: Request, complaint: Complaint, problems: [FormProblem]) {
        let language = request.language
        layout = Layout(request: request, title: "\(request.t("complaintTitle")) \(complaint.certificate.registrationNumber)", current: .officeComplaints)
        csrfToken = request.csrfToken
        formURL = SiteURL.officeComplaint(.value(complaint.id!)).path
        listURL = SiteURL.officeComplaints.path
        number = complaint.certificate.registrationNumber
        holder = complaint.certificate.holderName
        certificateStatus = complaint.certificate.status(at: request.clock.now()).title[language]
        received = CalendarDate(complaint.receivedOn)?.text(in: language) ?? complaint.receivedOn
        summary = complaint.summary
        status = complaint.status.title[language]
        outcome = complaint.outcome.map { ComplaintOutcome(rawValue: $0)?.title(request) ?? $0 }
        outcomeReason = complaint.outcomeReason
        let role = ComplainantRole(rawValue: complaint.complainantRole)?.title[language]
        complainant = [complaint.complainantName, role.map { "(\($0))" }].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        complainantContact = complaint.complainantContact
        response = complaint.response
        respondedAt = complaint.respondedAt.map { AdminUsersContext.format($0, request) }
        canMove = !complaint.status.allowedMoves.isEmpty
        moves = ComplaintStatus.allCases.filter { complaint.status.canMove(to: $0) }.map { Choice(value: $0.rawValue, label: $0.title[language]) }
        outcomes = ComplaintOutcome.allCases.map { Choice(value: $0.rawValue, label: $0.title(request)) }
        errors = problems.fieldErrors(request)
        hasErrors = !errors.isEmpty
        fieldErrors = errors.byField
    }
}

/// What upholding a complaint does to the certificate: the values of `Complaint.outcome`.
enum ComplaintOutcome: String, CaseIterable {
    case noChange = "none"
    case suspend
    case revoke

    func title(_ request: Request) -> String {
        switch self {
        case .noChange: request.t("complaintOutcome.none")
        case .suspend: request.t("complaintOutcome.suspend")
        case .revoke: request.t("complaintOutcome.revoke")
        }
    }
}
