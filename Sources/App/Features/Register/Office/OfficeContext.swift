import Foundation
import JobcoachCore
import Vapor

/// The register office: applications by status, and what needs attention (certificates that expire
/// soon, open complaints).
struct OfficeContext: Encodable {
    struct Row: Encodable {
        var applicant: String
        var title: String
        var kind: String
        var submitted: String
        var status: String
        var eligible: Bool
        var url: String
    }

    struct Filter: Encodable {
        var label: String
        var url: String
        var current: Bool
    }

    var layout: Layout
    var rows: [Row]
    var filters: [Filter]
    var certificateText: String
    var expiringText: String
    var complaintsText: String
    var certificatesURL: String
    var expiringURL: String
    var recheckURL: String
    var recognitionsURL: String
    var complaintsURL: String

    init(request: Request, applications: [CertificationApplication], filter: ApplicationStatus?, certificates: [Certificate], openComplaints: Int) {
        let language = request.language
        layout = Layout(request: request, title: request.t("officeTitle"), current: .office)
        rows = applications.map { application in
            Row(applicant: application.applicant.displayName,
                title: request.standard.frameworks.version(application.frameworkID, application.frameworkVersion)
                    .map { "\($0.title[language]) (\($0.version))" } ?? application.frameworkID,
                kind: request.t(application.kind == "recertification" ? "applicationKindRecertification" : "applicationKindInitial"),
                submitted: AdminUsersContext.format(application.submittedAt, request),
                status: application.status.title[language], eligible: application.eligible,
                url: SiteURL.officeApplication(.value(application.id!)).path)
        }
        filters = [Filter(label: request.t("officeAllStatuses"), url: SiteURL.office.path, current: filter == nil)]
            + ApplicationStatus.allCases.map { status in
                Filter(label: status.title[language], url: SiteURL.office.path(query: [("status", status.rawValue)]), current: filter == status)
            }
        let now = request.clock.now()
        let valid = certificates.filter { $0.status(at: now) == .valid }
        certificateText = request.t(count: valid.count, oneKey: "officeValidCertificatesOne", manyKey: "officeValidCertificatesMany")
        expiringText = request.t(count: valid.filter { CertificateExpiry.expiresSoon(validUntil: $0.validUntil, now: now) }.count,
                                 oneKey: "officeExpiringOne", manyKey: "officeExpiringMany")
        complaintsText = request.t(count: openComplaints, oneKey: "officeOpenComplaintsOne", manyKey: "officeOpenComplaintsMany")
        certificatesURL = SiteURL.officeCertificates.path
        expiringURL = SiteURL.officeCertificates.path(query: [("expiring", "1")])
        recheckURL = SiteURL.officeRecheck.path
        recognitionsURL = SiteURL.officeRecognitions.path
        complaintsURL = SiteURL.officeComplaints.path
    }
}
