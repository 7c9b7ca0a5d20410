import Foundation
import JobcoachCore
import Vapor

/// One application for the officer: the applicant, what was submitted and its automatic eligibility
/// result, the assessors, both sheets side by side once submitted, and the decision.
struct OfficeApplicationContext: Encodable {
    struct Assessor: Encodable {
        var name: String
        var submitted: Bool
    }

    struct Choice: Encodable {
        var value: String
        var label: String
    }

    struct IndicatorLine: Encodable {
        var text: String
        var first: String
        var second: String
        var differs: Bool
    }

    struct ScoreLine: Encodable {
        var title: String
        var kind: String
        var first: String
        var firstNote: String
        var second: String
        var secondNote: String
        var differs: Bool
        var indicators: [IndicatorLine]
    }

    struct Evidence: Encodable {
        var name: String
        var url: String
    }

    var layout: Layout
    var csrfToken: String
    var title: String
    var applicant: String
    var applicantEmail: String
    var kind: String
    var submitted: String
    var status: String
    var verdict: VerdictView?
    /// The check of the applicant's portfolio as it stands now, on the decision day: 0 or 1, an
    /// array so the template can loop into the verdict partial.
    var verdictsNow: [VerdictView]
    var cpd: String?
    var cpdNow: String?
    var cpdMetNow: Bool
    var portfolio: PortfolioView?
    var evidence: [Evidence]
    var assessors: [Assessor]
    var canAssign: Bool
    var assessorChoices: [Choice]
    var assignURL: String
    var bothSubmitted: Bool
    var firstName: String
    var secondName: String
    var scores: [ScoreLine]
    var differencesText: String
    var canDecide: Bool
    var decideURL: String
    var decisions: [Choice]
    var reasons: String?
    var decided: Bool
    var queueURL: String
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]
    var decisionError: String?

    init(request: Request, application: CertificationApplication, assignments: [AssessorAssignment], assessors available: [User],
         evidence files: [EvidenceFile], problems: [FormProblem], verdictNow: EligibilityVerdict?, cpdNow: CPDEvaluation?) {
        let language = request.language
        let standard = request.standard
        let version = standard.frameworks.version(application.frameworkID, application.frameworkVersion)
        title = version.map { "\($0.title[language]) (\($0.version))" } ?? application.frameworkID
        layout = Layout(request: request, title: "\(application.applicant.displayName): \(title)", current: .office)
        csrfToken = request.csrfToken
        applicant = application.applicant.displayName
        applicantEmail = application.applicant.email
        kind = request.t(application.kind == "recertification" ? "applicationKindRecertification" : "applicationKindInitial")
        submitted = AdminUsersContext.format(application.submittedAt, request)
        status = application.status.title[language]
        verdict = ApplicationSnapshot.verdict(application).map { VerdictView($0, language: language) }
        verdictsNow = verdictNow.map { [VerdictView($0, language: language)] } ?? []
        let snapshot = ApplicationSnapshot.portfolio(application)
        cpd = ApplicationSnapshot.cpd(application)?.explanation[language]
        self.cpdNow = cpdNow?.explanation[language]
        cpdMetNow = cpdNow?.met ?? true
        portfolio = snapshot.map { PortfolioView($0, language: language, describer: standard.describer(),
                                                 hoursUnit: request.t("unitHours")) }
        evidence = files.map { Evidence(name: $0.filename, url: SiteURL.evidence(.value($0.id!)).path) }
        let sorted = assignments.sorted { $0.assignedAt < $1.assignedAt || ($0.assignedAt == $1.assignedAt && $0.assessor.displayName < $1.assessor.displayName) }
        assessors = sorted.map { Assessor(name: $0.assessor.displayName, submitted: $0.submittedAt != nil) }
        canAssign = application.status == .submitted
        assessorChoices = available.filter { $0.id != application.$applicant.id }.map { Choice(value: $0.id!.uuidString, label: $0.displayName) }
        assignURL = SiteURL.officeAssign(.value(application.id!)).path
        // A sheet is shown once its assessor has submitted it: drafts stay the assessor's own.
        let submittedSheets = sorted.filter { $0.submittedAt != nil }
        bothSubmitted = submittedSheets.count == 2
        firstName = submittedSheets.first?.assessor.displayName ?? ""
        secondName = submittedSheets.dropFirst().first?.assessor.displayName ?? ""
        var lines: [ScoreLine] = []
        if bothSubmitted, let version {
            let comparison = AssessmentComparison(first: submittedSheets[0].sheet, second: submittedSheets[1].sheet,
                                                  items: AssessmentItem.items(of: version))
            let notOnSheet = request.t("officeNotOnSheet"), notSeparately = request.t("assessmentIndicatorNone")
            lines = comparison.lines.map { line in
                ScoreLine(title: line.item.group.title[language], kind: line.item.kind.title[language],
                          first: line.first?.score.title[language] ?? notOnSheet, firstNote: line.first?.note ?? "",
                          second: line.second?.score.title[language] ?? notOnSheet, secondNote: line.second?.note ?? "",
                          differs: line.differs,
                          indicators: line.indicators.map { indicator in
                              IndicatorLine(text: indicator.indicator.text[language],
                                            first: indicator.first?.title[language] ?? notSeparately,
                                            second: indicator.second?.title[language] ?? notSeparately, differs: indicator.differs)
                          })
            }
        }
        scores = lines
        differencesText = request.t(count: lines.filter(\.differs).count, oneKey: "officeDifferencesOne", manyKey: "officeDifferencesMany")
        canDecide = application.status == .readyForDecision
        decideURL = SiteURL.officeDecide(.value(application.id!)).path
        decisions = ApplicationDecision.allCases.map { Choice(value: $0.rawValue, label: $0.status.title[language]) }
        reasons = application.decisionReasons
        decided = [.certified, .notCertified, .moreInformationNeeded].contains(application.status)
        queueURL = SiteURL.office.path
        errors = problems.fieldErrors(request)
        hasErrors = !errors.isEmpty
        fieldErrors = errors.byField
        decisionError = fieldErrors["decision-certified"]
    }
}
