import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The trainee's own page: per enrolment the modules done with their hours and EC, what the finished
/// modules cover of the profile aimed for and what they do not, and what eligibility still needs, with
/// the self-check's explanations over the register portfolio (where the provider's confirmations land).
enum TraineeController {
    static func page(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let userID = try user.requireID()
        let language = request.language
        let standard = request.standard
        let today = request.today
        let engine = try await request.eligibilityEngine()
        let enrolments = try await Enrolment.query(on: request.db).filter(\.$userID == userID).sort(\.$enrolledOn).all()
        _ = try await request.change { db in
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "training.progress-viewed", subject: user.auditName)
        }
        var blocks: [WorkBlock] = []
        for enrolment in enrolments {
            guard let cohort = try await Cohort.find(enrolment.cohortID, on: request.db),
                  let programme = standard.programmes.programme(cohort.programme),
                  let version = standard.frameworks.version(enrolment.framework, on: today) else { continue }
            let provider = try await Organisation.find(cohort.organisationID, on: request.db)?.name ?? ""
            let results = try await ModuleResult.query(on: request.db).filter(\.$enrolmentID == enrolment.requireID()).all()
            let passed = Dictionary(results.filter { $0.result == "passed" }.compactMap { row in CalendarDate(row.decidedOn).map { (row.module, $0) } },
                                    uniquingKeysWith: { first, _ in first })
            let progress = TraineeProgress.compute(programme, passedOn: passed, aimingFor: version, on: today, engine: engine)
            let modules = TableView(
                id: "modules-\(cohort.id!.uuidString)", caption: request.t("traineeModulesCaption", ["programme": programme.title[language]]),
                headers: [request.t("trainingModule"), request.t("unitHours"), "EC", request.t("trainingDelivery"), request.t("trainingResult")],
                rows: programme.modules.map { module in
                    [.init(text: module.title[language]), .init(text: NumberText.format(module.hours, in: language)),
                     .init(text: NumberText.format(module.ec, in: language)), .init(text: module.delivery.title[language]),
                     .init(text: passed[module.id].map { request.t("trainingPassedOn", ["date": $0.text(in: language)]) }
                        ?? request.t(results.contains { $0.module == module.id } ? "trainingNotYet" : "trainingNoResult"))]
                }, empty: "")
            func names(_ ids: [String]) -> String {
                ids.compactMap { id in version.topLevelItem(containing: id).map { $0.number.map { "\($0). " } ?? "" }.map { $0 + version.topLevelItem(containing: id)!.title[language] } }
                    .joined(separator: "; ")
            }
            let coverage = TableView(
                id: "coverage-\(cohort.id!.uuidString)", caption: request.t("traineeCoverageCaption", ["profile": version.title[language]]),
                headers: [request.t("traineeCoverageKind"), request.t("traineeCovered"), request.t("traineeNotCovered")],
                rows: version.groupKinds.map { kind in
                    let ids = Set(version.groups(kind).map(\.id))
                    return [.init(text: kind.title[language]), .init(text: names(progress.coverage.covered.filter(ids.contains))),
                            .init(text: names(progress.coverage.notCovered.filter(ids.contains)))]
                }, empty: "")
            blocks.append(WorkBlock(
                id: "enrolment-\(cohort.id!.uuidString)", heading: "\(programme.title[language]): \(cohort.name)",
                text: request.t("traineeSummary", ["provider": provider, "passed": String(progress.passed.count), "modules": String(programme.modules.count),
                                                   "hours": NumberText.format(progress.hours, in: language), "ec": NumberText.format(progress.ec, in: language),
                                                   "covered": String(progress.coverage.covered.count),
                                                   "items": String(progress.coverage.covered.count + progress.coverage.notCovered.count)])
                    + (enrolment.completedOn.flatMap(CalendarDate.init).map { " " + request.t("traineeDiplomaOn", ["date": $0.text(in: language)]) } ?? ""),
                tables: [modules, coverage]))
        }
        // What eligibility still needs, over the register portfolio (provider confirmations included).
        let portfolio = try await PortfolioMapping.load(userID: userID, on: request.db)
        let core = portfolio.map { PortfolioMapping.core($0, on: today) } ?? Portfolio()
        let aims = Set(enrolments.map(\.framework))
        for id in standard.frameworks.ids where aims.contains(id) {
            guard let version = standard.frameworks.version(id, on: today), !version.entryRequirements.isEmpty else { continue }
            let verdict = engine.evaluate(version, portfolio: core, on: today)
            blocks.append(WorkBlock(id: "eligibility-\(id)", heading: request.t("traineeEligibilityTitle", ["profile": version.title[language]]),
                                    text: request.t(verdict.eligible ? "traineeEligible" : "traineeNotYetEligible"),
                                    facts: verdict.unmet.map { KeyValue(key: $0.title[language], value: $0.explanation[language]) },
                                    links: [LinkView(url: SiteURL.portfolio.path, label: request.t("navPortfolio"))]))
        }
        var more = [LinkView(url: SiteURL.mentoring.path, label: request.t("mentorTitle"))]
        if user.role.may(.joinPeerGroups) { more.append(LinkView(url: SiteURL.peerGroups.path, label: request.t("peerTitle"))) }
        blocks.append(WorkBlock(id: "development", heading: request.t("traineeDevelopment"), text: request.t("traineeDevelopmentText"), links: more))
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("traineeTitle"), current: .myTraining),
            heading: request.t("traineeTitle"), subtitle: "", lead: request.t(enrolments.isEmpty ? "traineeNone" : "traineeLead"),
            backURL: SiteURL.home.path, backLabel: request.t("navHome"), notice: nil, blocks: blocks, errors: [], hasErrors: false)
        return try await request.page(.work, context)
    }
}
