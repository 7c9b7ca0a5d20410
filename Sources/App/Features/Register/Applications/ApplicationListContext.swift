import JobcoachCore
import Vapor

/// A coach's applications.
struct ApplicationListContext: Encodable {
    struct Row: Encodable {
        var title: String
        var kind: String
        var submitted: String
        var status: String
        var url: String
    }

    var layout: Layout
    var rows: [Row]
    var portfolioURL: String

    init(request: Request, applications: [CertificationApplication]) {
        let language = request.language
        layout = Layout(request: request, title: request.t("applicationsTitle"), current: .applications)
        rows = applications.map { application in
            Row(title: request.standard.frameworks.version(application.frameworkID, application.frameworkVersion)
                    .map { "\($0.title[language]) (\($0.version))" } ?? application.frameworkID,
                kind: request.t(application.kind == "recertification" ? "applicationKindRecertification" : "applicationKindInitial"),
                submitted: AdminUsersContext.format(application.submittedAt, request),
                status: application.status.title[language],
                url: SiteURL.application(.value(application.id!)).path)
        }
        portfolioURL = SiteURL.portfolio.path
    }
}
