import Foundation
import JobcoachCore
import Vapor

/// A coach's certificates with their credentials, and where they stand for recertification.
struct CertificatesContext: Encodable {
    struct Row: Encodable {
        var number: String
        var framework: String
        var validFrom: String
        var validUntil: String
        var status: String
        var isValid: Bool
        var expiresSoon: Bool
        var credential: String
        var credentialID: String
        var downloadURL: String
        var complaints: [ComplaintRow]
    }

    struct ComplaintRow: Encodable {
        var received: String
        var status: String
        var answered: Bool
        var canRespond: Bool
        var url: String
    }

    var layout: Layout
    var rows: [Row]
    var cpd: CPDController.Summary?
    var cpdURL: String
    var portfolioURL: String
    var verifyURL: String

    init(request: Request, certificates: [Certificate], cpd: CPDController.Summary?, complaints: [Complaint]) {
        let language = request.language
        let now = request.clock.now()
        layout = Layout(request: request, title: request.t("certificatesTitle"), current: .certificates)
        rows = certificates.map { certificate in
            let status = certificate.status(at: now)
            return Row(number: certificate.registrationNumber,
                       framework: request.standard.frameworks.version(certificate.frameworkID, certificate.frameworkVersion)
                           .map { "\($0.title[language]) (\($0.version))" } ?? certificate.frameworkID,
                       validFrom: CalendarDate(certificate.validFrom, in: request.application.configuration.timeZone).text(in: language),
                       validUntil: CalendarDate(certificate.validUntil, in: request.application.configuration.timeZone).text(in: language),
                       status: status.title[language], isValid: status == .valid,
                       expiresSoon: status == .valid && CertificateExpiry.expiresSoon(validUntil: certificate.validUntil, now: now),
                       credential: certificate.signed?.credential ?? "", credentialID: "credential-\(certificate.registrationNumber)",
                       downloadURL: SiteURL.certificateCredential(.value(certificate.id!)).path,
                       complaints: complaints.filter { $0.$certificate.id == certificate.id }.map { complaint in
                           ComplaintRow(received: CalendarDate(complaint.receivedOn)?.text(in: language) ?? complaint.receivedOn,
                                        status: complaint.status.title[language], answered: complaint.response != nil,
                                        canRespond: complaint.status.acceptsResponse, url: SiteURL.myComplaint(.value(complaint.id!)).path)
                       })
        }
        self.cpd = cpd
        cpdURL = SiteURL.cpd.path
        portfolioURL = SiteURL.portfolio.path
        verifyURL = SiteURL.verify.path
    }
}
