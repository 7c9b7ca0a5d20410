import JobcoachCore
import Vapor

/// The public register: search by name, registration number or place.
struct RegisterPageContext: Encodable {
    struct Row: Encodable {
        var number: String
        var name: String
        var place: String
        var framework: String
        var validUntil: String
        var status: String
    }

    var layout: Layout
    var formURL: String
    var verifyURL: String
    var query: String
    var searched: Bool
    var rows: [Row]

    init(request: Request, query: String, results: [RegisterController.Entry]) {
        let language = request.language
        layout = Layout(request: request, title: request.t("registerTitle"), current: .publicRegister)
        formURL = SiteURL.publicRegister.path
        verifyURL = SiteURL.verify.path
        self.query = query
        searched = query.count >= 2
        rows = results.map { entry in
            Row(number: entry.registrationNumber, name: entry.name, place: entry.place,
                framework: request.standard.frameworks.version(entry.framework, entry.frameworkVersion)
                    .map { "\($0.title[language]) (\($0.version))" } ?? entry.framework,
                validUntil: CalendarDate(String(entry.validUntil.prefix(10)))?.text(in: language) ?? String(entry.validUntil.prefix(10)),
                status: CertificateStatus(rawValue: entry.status)?.title[language] ?? entry.status)
        }
    }
}
