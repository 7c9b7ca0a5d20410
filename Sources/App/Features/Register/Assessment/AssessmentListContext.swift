import JobcoachCore
import Vapor

/// The applications assigned to an assessor.
struct AssessmentListContext: Encodable {
    struct Row: Encodable {
        var applicant: String
        var title: String
        var assigned: String
        var state: String
        var url: String
    }

    var layout: Layout
    var rows: [Row]

    init(request: Request, assignments: [AssessorAssignment]) {
        let language = request.language
        layout = Layout(request: request, title: request.t("assessmentsTitle"), current: .assessments)
        rows = assignments.map { assignment in
            let application = assignment.application
            return Row(applicant: application.applicant.displayName,
                       title: request.standard.frameworks.version(application.frameworkID, application.frameworkVersion)
                           .map { "\($0.title[language]) (\($0.version))" } ?? application.frameworkID,
                       assigned: AdminUsersContext.format(assignment.assignedAt, request),
                       state: request.t(assignment.submittedAt == nil ? "officeSheetOpen" : "officeSheetSubmitted"),
                       url: SiteURL.assessment(.value(assignment.id!)).path)
        }
    }
}
