import JobcoachCore
import Vapor

/// The verify page: paste a credential, see whether it is real and still good, and why.
struct VerifyPageContext: Encodable {
    var layout: Layout
    var formURL: String
    var csrfToken: String
    var credential: String
    var hasResult: Bool
    var valid: Bool
    var resultTitle: String
    var reason: String
    var registrationNumber: String?
    var holder: String?
    var framework: String?
    var validUntil: String?
    var errors: [FieldError]
    var hasErrors: Bool
    var credentialError: String?

    init(request: Request, credential: String, result: CredentialVerification?, problem: String?) {
        let language = request.language
        layout = Layout(request: request, title: request.t("verifyTitle"), current: .verify)
        formURL = SiteURL.verify.path
        csrfToken = request.csrfToken
        self.credential = credential
        hasResult = result != nil
        valid = result?.result == CertificateStatus.valid.rawValue
        resultTitle = result.map { result in
            CertificateStatus(rawValue: result.result)?.title[language] ?? request.t("verifyNotAuthentic")
        } ?? ""
        reason = result?.reason ?? ""
        registrationNumber = result?.registrationNumber
        holder = result?.holder
        framework = result?.framework
        validUntil = result?.validUntil.map { CalendarDate(String($0.prefix(10)))?.text(in: request.language) ?? String($0.prefix(10)) }
        errors = problem.map { [FieldError(field: "credential", message: $0)] } ?? []
        hasErrors = !errors.isEmpty
        credentialError = problem
    }
}
