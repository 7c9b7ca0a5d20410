import JobcoachCore
import Vapor

/// What the base template needs on every page: language, words, navigation, the signed-in user.
struct Layout: Encodable {
    struct Link: Encodable {
        var url: String
        var label: String
        var current: Bool
        /// The picture beside the label in a client's menu (a template under `shared/partials/icons`).
        var icon = ""
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
    /// The role's own work (`Role.menu`); the public pages when nobody is signed in.
    var nav: [Link]
    /// The public pages, apart from the work.
    var secondaryNav: [Link]
    var isClient: Bool
    /// The other pages of the same work (a portfolio's applications and certificates), when there are.
    var sectionNav: [Link]
    var languageSwitch: LanguageSwitch
    var isSignedIn: Bool
    var user: SignedInUser?
    var csrfToken: String
    var homeURL: String
    var loginURL: String
    var securityURL = SiteURL.twoFactor.path
    var logoutURL: String
    var stylesheetURL: String
    var faviconURL: String
    /// On every page of a client whose processing is restricted (GDPR article 18), and on the
    /// client's own pages: since when, in words.
    var restriction: String?

    /// `current` marks the navigation entry of this page with `aria-current`.
    init(request: Request, title: String, current: SiteURL? = nil) {
        let language = request.language
        self.language = language.rawValue
        self.title = title
        self.t = PageStrings(request: request)
        let user = request.auth.get(User.self)
        func link(_ url: SiteURL, _ key: String) -> Link {
            Link(url: url.path, label: request.t(key), current: current.map { $0.path == url.path } ?? false)
        }
        let publicPages = [
            link(.frameworks, "navFrameworks"), link(.compare, "navCompare"), link(.qualificationLevels, "navLevels"),
            link(.occupations, "navOccupations"), link(.eligibility, "navEligibility"), link(.publicRegister, "navRegister"),
        ]
        if let user {
            self.nav = user.role.menu.map { area in
                let (url, key) = Self.destination(area)
                var entry = link(url, key)
                entry.icon = Self.icon(area)
                return entry
            }
            // A client's page links to nothing professional or public.
            self.secondaryNav = user.role == .client ? [] : publicPages
        } else {
            self.nav = publicPages
            self.secondaryNav = []
        }
        self.isClient = user?.role == .client
        // The pages of one piece of work that the menu reaches by its first page.
        let certification: [(SiteURL, String)] = [(.portfolio, "navPortfolio"), (.applications, "navApplications"),
                                                  (.certificates, "navCertificates"), (.cpd, "cpdTitle"), (.myTraining, "traineeTitle")]
        let office: [(SiteURL, String)] = [(.office, "navOffice"), (.officeCertificates, "officeCertificates"),
                                           (.officeRecheck, "officeRecheck")]
        let section = [certification, office].first { pages in pages.contains { $0.0.path == current?.path } } ?? []
        self.sectionNav = user == nil ? [] : section.map { link($0.0, $0.1) }
        if let first = section.first?.0.path {
            for index in nav.indices where nav[index].url == first { nav[index].current = true }
        }
        self.languageSwitch = LanguageSwitch(
            url: Self.currentURL(request, setting: ("lang", language.other.rawValue)),
            language: language.other.rawValue,
            label: language.other == .en ? "English" : "Nederlands")
        self.isSignedIn = user != nil
        self.user = user.map { SignedInUser(name: $0.displayName, role: $0.role.title[language]) }
        self.csrfToken = user != nil ? request.csrfToken : ""
        self.homeURL = user.map { Self.destination($0.role.startArea).url.path } ?? SiteURL.home.path
        self.loginURL = SiteURL.login.path
        self.logoutURL = SiteURL.logout.path
        self.stylesheetURL = SiteURL.stylesheet.path
        self.faviconURL = SiteURL.favicon.path
        if let client = try? request.scopedClient, let since = client.restrictedSince {
            self.restriction = request.t("privacyBanner", ["date": WorkPage.date(since, language)])
        } else if let own = try? request.scope(OwnClientScope.self), let since = own.restrictedSince {
            self.restriction = request.t("privacyBannerClient", ["date": WorkPage.date(since, language)])
        }
    }

    /// The page and the menu label of a work area.
    static func destination(_ area: WorkArea) -> (url: SiteURL, key: String) {
        switch area {
        case .myPage: (.myPage, "navMyPage")
        case .myAppointments: (.myAppointments, "navMyAppointments")
        case .myCoach: (.myCoach, "navMyCoach")
        case .caseload: (.caseload, "navCaseload")
        case .agenda: (.agenda, "navAgenda")
        case .team: (.teamCaseload, "navTeam")
        case .employers: (.employers, "navEmployers")
        case .commissioners: (.commissioners, "navCommissioners")
        case .outcomes: (.outcomes, "navOutcomes")
        case .fidelity: (.fidelityReviews, "navFidelity")
        case .certification: (.portfolio, "navCertification")
        case .peerGroups: (.peerGroups, "navPeerGroups")
        case .mentoring: (.mentoring, "navMentoring")
        case .assessments: (.assessments, "navAssessments")
        case .office: (.office, "navOffice")
        case .officeComplaints: (.officeComplaints, "navComplaints")
        case .officeRecognitions: (.officeRecognitions, "navRecognitions")
        case .cohorts: (.training, "navTraining")
        case .activities: (.trainingActivities, "navActivities")
        case .users: (.adminUsers, "navUsers")
        case .organisations: (.adminOrganisations, "navOrganisations")
        case .mail: (.adminMail, "navMail")
        case .auditTrail: (.adminAudit, "navAudit")
        }
    }

    /// The picture of a client's menu entry.
    static func icon(_ area: WorkArea) -> String {
        switch area {
        case .myPage: "home"
        case .myAppointments: "calendar"
        case .myCoach: "person"
        default: ""
        }
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
