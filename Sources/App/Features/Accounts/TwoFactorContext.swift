import JobcoachCore
import Vapor

/// The page of the second login step: the code from the app, or a recovery code.
struct LoginCodeContext: Encodable {
    var layout: Layout
    var formURL: String
    var loginURL: String
    var csrfToken: String
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]

    init(request: Request, errors: [FieldError]) {
        layout = Layout(request: request, title: request.t("twoFactorLoginTitle"))
        formURL = SiteURL.loginCode.path
        loginURL = SiteURL.login.path
        csrfToken = request.csrfToken
        self.errors = errors
        hasErrors = !errors.isEmpty
        fieldErrors = errors.byField
    }
}

/// One's own two-factor login: off (with the QR code and the secret to enrol), or on (with the
/// recovery codes left, new ones, and turning it off where allowed).
struct TwoFactorContext: Encodable {
    var layout: Layout
    var csrfToken: String
    var enabled: Bool
    var required: Bool
    struct QRView: Encodable {
        var side: Int
        var width: Int
        var path: String
    }

    var qrCode: QRView?
    var secretGroups: String?
    var enableURL: String
    var offURL: String
    var recoveryURL: String
    var sessionsURL = SiteURL.accountSessions.path
    var unusedRecoveryCodes: String
    var recoveryCodes: [String]
    var notice: String?
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]

    init(request: Request, user: User, required: Bool, pendingSecret: String?, unusedRecoveryCodes: Int, recoveryCodes: [String],
         notice: String?, errors: [FieldError]) throws {
        layout = Layout(request: request, title: request.t("twoFactorTitle"))
        csrfToken = request.csrfToken
        enabled = user.totpSecret != nil
        self.required = required
        if let pendingSecret, let secret = Base32.decode(pendingSecret) {
            let uri = TOTP(secret: secret).provisioningURI(issuer: request.application.configuration.registerName, account: user.email)
            // The secret is shown in groups of four so that it can be typed into an app by hand.
            qrCode = (try? QRCode(uri)).map { QRView(side: $0.side, width: $0.side * 5, path: $0.pathData) }
            secretGroups = stride(from: 0, to: pendingSecret.count, by: 4).map { start in
                let from = pendingSecret.index(pendingSecret.startIndex, offsetBy: start)
                return String(pendingSecret[from..<(pendingSecret.index(from, offsetBy: 4, limitedBy: pendingSecret.endIndex) ?? pendingSecret.endIndex)])
            }.joined(separator: " ")
        }
        enableURL = SiteURL.twoFactor.path
        offURL = SiteURL.twoFactorOff.path
        recoveryURL = SiteURL.twoFactorRecoveryCodes.path
        self.unusedRecoveryCodes = request.t("twoFactorCodesLeft", ["count": String(unusedRecoveryCodes)])
        self.recoveryCodes = recoveryCodes
        self.notice = notice
        self.errors = errors
        hasErrors = !errors.isEmpty
        fieldErrors = errors.byField
    }
}
