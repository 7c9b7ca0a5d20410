import JobcoachCore
import Vapor

/// What the base template needs on every page: language, words, navigation, the signed-in user.
struct Layout: Encodable {
    struct Link: Encodable {
        var url: String
        var label: String
        var current: Bool
    }

    struct LanguageSwitch: Encodable {
        var url: String
        var language: String
        var label: String
    }

    struct SignedInUser: Encodable {
        var name: String
        var role: String
    }

    var language: String
    var title: String
    /// The words the page's template reads, `layout.t.KEY`.
    var t: PageStrings
    var nav: [Link]
    var languageSwitch: LanguageSwitch
    var isSignedIn: Bool
    var user: SignedInUser?
    var csrfToken: String
    var homeURL: String
    var loginURL: String
    var logoutURL: String
    var stylesheetURL: String

    /// `current` marks the navigation entry of this page with `aria-current`.
    init(request: Request, title: String, current: SiteURL? = nil) {
        let language = request.language
        self.language = language.rawValue
        self.title = title
        self.t = PageStrings(request: request)
        let user = request.auth.get(User.self)
        var links: [(SiteURL, String)] = []
        // The practice first: it is what a coach opens every day.
        if let user, user.role.may(.viewOwnRecord) { links.append((.myPage, request.t("navMyPage"))) }
        if let user, user.role.may(.workWithClients) {
            links += [(.caseload, request.t("navCaseload")), (.employers, request.t("navEmployers")),
                      (.commissioners, request.t("navCommissioners"))]
        }
        if let user, user.role.may(.workWithClients) || user.role.may(.viewAgencyOutcomes) {
            links.append((.outcomes, request.t("navOutcomes")))
        }
        links += [
            (.frameworks, request.t("navFrameworks")), (.compare, request.t("navCompare")),
            (.qualificationLevels, request.t("navLevels")), (.occupations, request.t("navOccupations")),
            (.eligibility, request.t("navEligibility")), (.publicRegister, request.t("navRegister")),
        ]
        if let user, user.role.may(.applyForCertification) {
            links += [(.portfolio, request.t("navPortfolio")), (.applications, request.t("navApplications")),
                      (.certificates, request.t("navCertificates"))]
        }
        if let user, user.role.may(.teachCohorts) { links.append((.training, request.t("navTraining"))) }
        if let user, user.role.may(.assessApplications) { links.append((.assessments, request.t("navAssessments"))) }
        if let user, user.role.may(.manageRegister) { links.append((.office, request.t("navOffice"))) }
        if let user, user.role.may(.manageUsers) { links.append((.adminUsers, request.t("navUsers"))) }
        if let user, user.role.may(.manageOrganisations) { links.append((.adminOrganisations, request.t("navOrganisations"))) }
        if let user, user.role.may(.viewAuditTrail) { links.append((.adminAudit, request.t("navAudit"))) }
        self.nav = links.map { url, label in
            Link(url: url.path, label: label, current: current.map { $0.path == url.path } ?? false)
        }
        self.languageSwitch = LanguageSwitch(
            url: Self.currentURL(request, setting: ("lang", language.other.rawValue)),
            language: language.other.rawValue,
            label: language.other == .en ? "English" : "Nederlands")
        self.isSignedIn = user != nil
        self.user = user.map { SignedInUser(name: $0.displayName, role: $0.role.title[language]) }
        self.csrfToken = user != nil ? request.csrfToken : ""
        self.homeURL = SiteURL.home.path
        self.loginURL = SiteURL.login.path
        self.logoutURL = SiteURL.logout.path
        self.stylesheetURL = SiteURL.stylesheet.path
    }

    /// This page's URL with one query parameter set (for the language switch).
    static func currentURL(_ request: Request, setting parameter: (String, String)) -> String {
        var components = URLComponents(string: request.url.string) ?? URLComponents()
        var items = (components.queryItems ?? []).filter { $0.name != parameter.0 }
        items.append(URLQueryItem(name: parameter.0, value: parameter.1))
        components.queryItems = items
        return (components.path.isEmpty ? "/" : components.path) + "?" + (components.percentEncodedQuery ?? "")
    }
}
