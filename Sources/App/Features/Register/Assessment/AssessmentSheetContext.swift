import JobcoachCore
import Vapor

/// The scoring sheet: the submitted portfolio, then every knowledge area, task, competency and
/// attitude with its indicators, a score and an evidence note, and an optional score per indicator.
struct AssessmentSheetContext: Encodable {
    struct Choice: Encodable {
        var id: String
        var value: Int
        var label: String
        var checked: Bool
    }

    struct Indicator: Encodable {
        var id: String
        var text: String
        var choices: [Choice]
        var error: String?
        var scoreText: String?
    }

    struct Item: Encodable {
        var id: String
        var kind: String
        var title: String
        var description: String?
        var indicators: [Indicator]
        var indicatorsOpen: Bool
        var choices: [Choice]
        /// False for a submitted sheet without this item: it was submitted before the item was assessed.
        var scored: Bool
        var note: String
        var noteID: String
        var scoreError: String?
        var noteError: String?
        var scoreText: String
    }

    var layout: Layout
    var csrfToken: String
    var applicant: String
    var title: String
    var formURL: String
    var listURL: String
    var submitted: Bool
    var saved: Bool
    var portfolio: PortfolioView?
    var evidence: [OfficeApplicationContext.Evidence]
    var items: [Item]
    var errors: [FieldError]
    var hasErrors: Bool

    init(request: Request, assignment: AssessorAssignment, evidence files: [EvidenceFile], form: FormFields?,
         problems: [FormProblem], saved: Bool) {
        let language = request.language
        let application = assignment.application
        let version = request.standard.frameworks.version(application.frameworkID, application.frameworkVersion)
        applicant = application.applicant.displayName
        title = version.map { "\($0.title[language]) (\($0.version))" } ?? application.frameworkID
        layout = Layout(request: request, title: "\(request.t("assessmentTitle")): \(applicant)", current: .assessments)
        csrfToken = request.csrfToken
        formURL = SiteURL.assessment(.value(assignment.id!)).path
        listURL = SiteURL.assessments.path
        submitted = assignment.submittedAt != nil
        self.saved = saved || (try? request.query.get(String.self, at: "saved")) == "1"
        portfolio = ApplicationSnapshot.portfolio(application).map {
            PortfolioView($0, language: language, describer: request.standard.describer(), hoursUnit: request.t("unitHours"))
        }
        evidence = files.map { OfficeApplicationContext.Evidence(name: $0.filename, url: SiteURL.evidence(.value($0.id!)).path) }
        errors = problems.fieldErrors(request)
        hasErrors = !errors.isEmpty
        let messages = errors.byField
        let stored = Dictionary(assignment.scores.map { ($0.itemID, $0) }, uniquingKeysWith: { first, _ in first })
        let storedIndicators = Dictionary(assignment.indicatorScores.map { ($0.indicatorID, $0.score) }, uniquingKeysWith: { first, _ in first })
        let scoreTitle = { (value: Int?) in value.flatMap { AssessmentScore(rawValue: $0)?.title[language] } }
        let choices = { (prefix: String, chosen: Int?) in
            AssessmentScore.allCases.map { score in
                Choice(id: "\(prefix)-\(score.rawValue)", value: score.rawValue, label: score.title[language], checked: chosen == score.rawValue)
            }
        }
        let submitted = self.submitted
        items = (version.map(AssessmentItem.items) ?? []).map { item in
            let chosen = form.map { Int($0.value("score-\(item.id)")) } ?? stored[item.id]?.score
            let note = form?.value("note-\(item.id)") ?? stored[item.id]?.note ?? ""
            let indicators = item.group.indicators.map { indicator in
                let value = form.map { Int($0.value("indicator-\(indicator.id)")) } ?? storedIndicators[indicator.id]
                return Indicator(id: indicator.id, text: indicator.text[language],
                                 choices: choices("indicator-\(indicator.id)", value),
                                 error: messages["indicator-\(indicator.id)-none"], scoreText: scoreTitle(value))
            }
            return Item(id: item.id, kind: item.kind.title[language], title: item.group.title[language],
                        description: item.group.description?[language], indicators: indicators,
                        indicatorsOpen: indicators.contains { $0.scoreText != nil || $0.error != nil },
                        choices: choices("score-\(item.id)", chosen), scored: !submitted || stored[item.id] != nil,
                        note: note, noteID: "note-\(item.id)",
                        scoreError: messages["score-\(item.id)-0"], noteError: messages["note-\(item.id)"],
                        scoreText: scoreTitle(chosen) ?? "—")
        }
    }
}
