import JobcoachCore
import Vapor

/// One application as its applicant sees it: status, the eligibility result it carries, and the
/// outcome with its reasons.
struct ApplicationContext: Encodable {
    var layout: Layout
    var csrfToken: String
    var title: String
    var kind: String
    var submitted: String
    var status: String
    var isCertified: Bool
    var needsMore: Bool
    var isOpen: Bool
    var reasons: String?
    var verdict: VerdictView?
    var resubmitURL: String
    var withdrawURL: String
    var portfolioURL: String
    var certificatesURL: String
    var listURL: String

    init(request: Request, application: CertificationApplication) {
        let language = request.language
        let version = request.standard.frameworks.version(application.frameworkID, application.frameworkVersion)
        title = version.map { "\($0.title[language]) (\($0.version))" } ?? application.frameworkID
        layout = Layout(request: request, title: title, current: .applications)
        csrfToken = request.csrfToken
        kind = request.t(application.kind == "recertification" ? "applicationKindRecertification" : "applicationKindInitial")
        submitted = AdminUsersContext.format(application.submittedAt, request)
        status = application.status.title[language]
        isCertified = application.status == .certified
        needsMore = application.status == .moreInformationNeeded
        isOpen = application.status.canMove(to: .withdrawn)
        reasons = application.decisionReasons
        verdict = ApplicationSnapshot.verdict(application).map { VerdictView($0, language: language) }
        let id = application.id!
        resubmitURL = SiteURL.applicationResubmit(.value(id)).path
        withdrawURL = SiteURL.applicationWithdraw(.value(id)).path
        portfolioURL = SiteURL.portfolio.path
        certificatesURL = SiteURL.certificates.path
        listURL = SiteURL.applications.path
    }
}
