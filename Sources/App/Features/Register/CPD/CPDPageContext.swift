import JobcoachCore
import Vapor

/// Permanent education: the activities, the add form, and the evaluation against the rule.
struct CPDPageContext: Encodable {
    struct Row: Encodable {
        var title: String
        var category: String
        var amount: String
        var completedOn: String
        var deleteURL: String
    }

    var layout: Layout
    var csrfToken: String
    var formURL: String
    var peerGroupsURL: String
    var rows: [Row]
    var hasPolicy: Bool
    var categories: [LevelOptionGroup.Option]
    var summary: CPDController.Summary?
    var rule: String?
    var values: [String: String]
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]

    init(request: Request, rows: [CPDActivityRow], policy: RecertificationPolicy?, summary: CPDController.Summary?,
         form: FormFields?, problems: [FormProblem]) {
        let language = request.language
        layout = Layout(request: request, title: request.t("cpdTitle"), current: .cpd)
        csrfToken = request.csrfToken
        formURL = SiteURL.cpd.path
        peerGroupsURL = SiteURL.peerGroups.path
        self.rows = rows.map { row in
            var amounts: [String] = []
            if let points = row.points { amounts.append("\(NumberText.format(points, in: language)) \(request.t("unitPoints"))") }
            if let hours = row.hours { amounts.append("\(NumberText.format(hours, in: language)) \(request.t("unitHours"))") }
            if row.confirmedBy != nil { amounts.append(request.t("portfolioConfirmedByProvider")) }
            return Row(title: row.title, category: policy?.category(row.category)?.title[language] ?? row.category,
                       amount: amounts.joined(separator: ", "), completedOn: CalendarDate(row.completedOn)?.text(in: language) ?? row.completedOn,
                       deleteURL: row.confirmedBy == nil ? SiteURL.cpdDelete(.value(row.id!)).path : "")
        }
        hasPolicy = policy != nil
        let chosen = form?.value("category") ?? ""
        categories = (policy?.categories ?? []).map { LevelOptionGroup.Option(value: $0.id, label: $0.title[language], selected: $0.id == chosen) }
        self.summary = summary
        rule = policy.map { policy in
            let values = ["points": NumberText.format(policy.minimumPoints, in: language),
                          "years": policy.periodYears.map(String.init) ?? "",
                          "perHour": NumberText.format(policy.pointsPerHour, in: language)]
            return policy.periodYears == nil ? request.t("cpdRuleValidity", values) : request.t("cpdRule", values)
        }
        values = form?.values ?? [:]
        errors = problems.fieldErrors(request)
        hasErrors = !errors.isEmpty
        fieldErrors = errors.byField
    }
}
