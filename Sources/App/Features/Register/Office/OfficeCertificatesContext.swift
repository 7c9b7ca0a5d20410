import JobcoachCore
import Vapor

/// The officer's certificate list (all, or those expiring within six months).
struct OfficeCertificatesContext: Encodable {
    struct Row: Encodable {
        var number: String
        var url: String
        var holder: String
        var framework: String
        var validUntil: String
        var status: String
    }

    var layout: Layout
    var expiring: Bool
    var rows: [Row]
    var allURL: String
    var expiringURL: String

    init(request: Request, certificates: [Certificate], expiring: Bool) {
        let language = request.language
        let now = request.clock.now()
        layout = Layout(request: request, title: request.t(expiring ? "officeExpiring" : "officeCertificates"), current: .officeCertificates)
        self.expiring = expiring
        rows = certificates.map { certificate in
            Row(number: certificate.registrationNumber, url: SiteURL.officeCertificate(.value(certificate.id!)).path, holder: certificate.holderName,
                framework: "\(certificate.frameworkID) \(certificate.frameworkVersion)",
                validUntil: CalendarDate(certificate.validUntil, in: request.application.configuration.timeZone).text(in: language),
                status: certificate.status(at: now).title[language])
        }
        allURL = SiteURL.officeCertificates.path
        expiringURL = SiteURL.officeCertificates.path(query: [("expiring", "1")])
    }
}
