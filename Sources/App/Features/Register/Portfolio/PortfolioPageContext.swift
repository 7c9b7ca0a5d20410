import JobcoachCore
import Vapor

/// The portfolio page: profile and declarations, the four lists with their add forms, what the
/// portfolio meets today under every profile, and where the coach can apply.
struct PortfolioPageContext: Encodable {
    struct Item: Encodable {
        var text: String
        var detail: String
        var evidenceURL: String?
        var evidenceName: String?
        var deleteURL: String
    }

    struct Preview: Encodable {
        var title: String
        var version: String
        var eligible: Bool
        var missing: [String]
    }

    struct ApplyOption: Encodable {
        var framework: String
        var title: String
        var version: String
        var canApply: Bool
        var reason: String?
    }

    struct ApplicationLink: Encodable {
        var title: String
        var status: String
        var url: String
    }

    var layout: Layout
    var csrfToken: String
    var profileURL: String
    var trainingURL: String
    var publicName: String
    var place: String
    var developmentPlan: String
    var codeOfConduct: Bool
    var complaintsRegulation: Bool
    var education: [Item]
    var diplomas: [Item]
    var courses: [Item]
    var experience: [Item]
    var educationURL: String
    var diplomasURL: String
    var coursesURL: String
    var experienceURL: String
    var values: [String: String]
    var educationKinds: [LevelOptionGroup.Option]
    var levels: [LevelOptionGroup]
    var experienceSummary: String
    var previews: [Preview]
    var applyOptions: [ApplyOption]
    var applyURL: String
    var applications: [ApplicationLink]
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]

    init(request: Request, user: User, portfolio: CoachPortfolio?, applications: [CertificationApplication],
         kind: PortfolioItemKind?, form: FormFields?, problems: [FormProblem], engine: EligibilityEngine) {
        let language = request.language
        let standard = request.standard
        let today = request.today
        let describer = standard.describer()
        layout = Layout(request: request, title: request.t("portfolioTitle"), current: .portfolio)
        csrfToken = request.csrfToken
        profileURL = SiteURL.portfolioProfile.path
        trainingURL = SiteURL.myTraining.path
        let posted = form?.values ?? [:]
        let profilePosted = kind == nil && form != nil
        publicName = profilePosted ? posted["publicName"] ?? "" : portfolio?.publicName ?? user.displayName
        place = profilePosted ? posted["place"] ?? "" : portfolio?.place ?? ""
        developmentPlan = profilePosted ? posted["developmentPlan"] ?? "" : portfolio?.developmentPlan ?? ""
        codeOfConduct = profilePosted ? posted["codeOfConduct"] == "on" : portfolio?.codeOfConductOn != nil
        complaintsRegulation = profilePosted ? posted["complaintsRegulation"] == "on" : portfolio?.complaintsRegulationOn != nil
        func date(_ text: String) -> String { CalendarDate(text)?.text(in: language) ?? text }
        func deleteURL(_ kind: PortfolioItemKind, _ id: UUID?) -> String {
            SiteURL.portfolioItemDelete(.value(kind.rawValue), .value(id ?? UUID())).path
        }
        education = (portfolio?.education ?? []).sorted { $0.completedOn < $1.completedOn }.map { row in
            let level = QualificationFrameworkID(rawValue: row.levelFramework).map { describer.levelText(LevelReference(framework: $0, level: row.levelCode))[language] } ?? row.levelCode
            let kindTitle = EducationEvidenceKind(rawValue: row.kind)?.title[language] ?? row.kind
            return Item(text: row.title, detail: "\(kindTitle), \(level), \(date(row.completedOn))",
                        evidenceURL: row.evidence.flatMap { $0.id.map { SiteURL.evidence(.value($0)).path } },
                        evidenceName: row.evidence?.filename, deleteURL: deleteURL(.education, row.id))
        }
        diplomas = (portfolio?.diplomas ?? []).sorted { $0.completedOn < $1.completedOn }.map { row in
            Item(text: row.provider, detail: date(row.completedOn) + (row.confirmedBy == nil ? "" : ", " + request.t("portfolioConfirmedByProvider")),
                 evidenceURL: row.evidence.flatMap { $0.id.map { SiteURL.evidence(.value($0)).path } },
                 evidenceName: row.evidence?.filename, deleteURL: row.confirmedBy == nil ? deleteURL(.diplomas, row.id) : "")
        }
        courses = (portfolio?.courses ?? []).sorted { $0.completedOn < $1.completedOn }.map { row in
            var amounts: [String] = []
            if let hours = row.hours { amounts.append("\(NumberText.format(hours, in: language)) \(request.t("unitHours"))") }
            if let ects = row.ects { amounts.append("\(NumberText.format(ects, in: language)) EC") }
            if row.confirmedBy != nil { amounts.append(request.t("portfolioConfirmedByProvider")) }
            return Item(text: row.title, detail: (amounts + [date(row.completedOn)]).joined(separator: ", "),
                        evidenceURL: row.evidence.flatMap { $0.id.map { SiteURL.evidence(.value($0)).path } },
                        evidenceName: row.evidence?.filename, deleteURL: row.confirmedBy == nil ? deleteURL(.courses, row.id) : "")
        }
        experience = (portfolio?.experience ?? []).sorted { $0.startedOn < $1.startedOn }.map { row in
            let until = row.endedOn.map(date) ?? request.t("portfolioOngoing")
            return Item(text: row.organisation + (row.description.isEmpty ? "" : " — \(row.description)"),
                        detail: "\(date(row.startedOn)) – \(until), \(NumberText.format(row.hours, in: language)) \(request.t("unitHours"))",
                        evidenceURL: nil, evidenceName: nil, deleteURL: deleteURL(.experience, row.id))
        }
        educationURL = SiteURL.portfolioItems(.value(PortfolioItemKind.education.rawValue)).path
        diplomasURL = SiteURL.portfolioItems(.value(PortfolioItemKind.diplomas.rawValue)).path
        coursesURL = SiteURL.portfolioItems(.value(PortfolioItemKind.courses.rawValue)).path
        experienceURL = SiteURL.portfolioItems(.value(PortfolioItemKind.experience.rawValue)).path
        // Only the posted list's form gets its values back.
        let prefix = kind.map { "\($0.rawValue)-" }
        values = posted.filter { key, _ in prefix.map { key.hasPrefix($0) } ?? false }.reduce(into: [:]) { result, entry in
            result[entry.key.replacingOccurrences(of: "-", with: "_")] = entry.value
        }
        educationKinds = EducationEvidenceKind.allCases.map {
            LevelOptionGroup.Option(value: $0.rawValue, label: $0.title[language], selected: $0.rawValue == posted["education-kind"])
        }
        levels = LevelOptionGroup.all(standard.levels, language: language, selected: kind == .education ? posted["education-level"] ?? "" : "")
        let core = PortfolioMapping.core(portfolio, on: today)
        let experienceRecord = core.experience
        experienceSummary = request.t("portfolioExperienceSummary", [
            "since": experienceRecord.jobcoachSince?.text(in: language) ?? "—",
            "hours": NumberText.format(experienceRecord.jobcoachHours, in: language),
            "practising": request.t(experienceRecord.practisingNow ? "yes" : "no"),
        ])
        let inForce = standard.frameworks.inForce(on: today).filter { !$0.entryRequirements.isEmpty }
        previews = inForce.map { version in
            let verdict = engine.evaluate(version, portfolio: core, on: today)
            return Preview(title: version.title[language], version: version.version, eligible: verdict.eligible,
                           missing: verdict.unmet.map { "\($0.title[language]): \($0.explanation[language])" })
        }
        let declared = portfolio?.codeOfConductOn != nil && portfolio?.complaintsRegulationOn != nil
        applyOptions = inForce.filter { $0.certification != nil }.map { version in
            let open = applications.contains { $0.frameworkID == version.id && $0.status.isOpen }
            let reason: String? = open ? request.t("applyOpenApplication") : (declared ? nil : request.t("applyDeclarationsMissing"))
            return ApplyOption(framework: version.id, title: version.title[language], version: version.version,
                               canApply: reason == nil, reason: reason)
        }
        applyURL = SiteURL.applications.path
        self.applications = applications.sorted { $0.submittedAt > $1.submittedAt }.map { application in
            ApplicationLink(title: standard.frameworks.version(application.frameworkID, application.frameworkVersion)?.title[language] ?? application.frameworkID,
                            status: application.status.title[language], url: SiteURL.application(.value(application.id!)).path)
        }
        errors = problems.fieldErrors(request)
        hasErrors = !errors.isEmpty
        fieldErrors = errors.byField.reduce(into: [:]) { $0[$1.key.replacingOccurrences(of: "-", with: "_")] = $1.value }
    }
}
