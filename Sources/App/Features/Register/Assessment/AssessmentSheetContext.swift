import JobcoachCore
import Vapor

/// The scoring sheet: the submitted portfolio, then every task and competency with its indicators,
/// a score and an evidence note.
struct AssessmentSheetContext: Encodable {
    struct Choice: Encodable {
        var id: String
        var value: Int
        var label: String
        var checked: Bool
    }

    struct Item: Encodable {
        var id: String
        var kind: String
        var title: String
        var description: String?
        var indicators: [String]
        var choices: [Choice]
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
        items = (version.map(AssessmentItem.items) ?? []).map { item in
            let chosen = form.map { Int($0.value("score-\(item.id)")) } ?? stored[item.id]?.score
            let note = form?.value("note-\(item.id)") ?? stored[item.id]?.note ?? ""
            return Item(id: item.id, kind: item.kind.title[language], title: item.group.title[language],
                        description: item.group.description?[language], indicators: item.group.indicators.map { $0.text[language] },
                        choices: AssessmentScore.allCases.map { score in
                            Choice(id: "score-\(item.id)-\(score.rawValue)", value: score.rawValue, label: score.title[language],
                                   checked: chosen == score.rawValue)
                        },
                        note: note, noteID: "note-\(item.id)",
                        scoreError: messages["score-\(item.id)-0"], noteError: messages["note-\(item.id)"],
                        scoreText: chosen.flatMap { AssessmentScore(rawValue: $0)?.title[language] } ?? "—")
        }
    }
}
