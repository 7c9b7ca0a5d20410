import Fluent
import Foundation
import JobcoachCore
import Vapor

/// An assessor scores every knowledge area, task, competency and attitude of the application's
/// framework version against its indicators, with evidence notes, and may score single indicators. They see only their own sheet; when both sheets are in, the
/// application is ready for the officer's decision.
enum AssessmentController {
    static func list(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let assignments = try await AssessorAssignment.query(on: request.db).filter(\.$assessor.$id == user.requireID())
            .with(\.$application) { $0.with(\.$applicant) }.sort(\.$assignedAt, .descending).all()
        return try await request.page(.assessments, AssessmentListContext(request: request, assignments: assignments))
    }

    static func sheet(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let assignment = try request.scope(AssignmentScope.self)
        let assignmentID = try assignment.requireID()
        _ = try await request.change { db in
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "application.viewed",
                                                              subject: "application:\(try assignment.application.requireID().uuidString)",
                                                              details: ["assignment": assignmentID.uuidString])
        }
        return try await render(request, assignment: assignment)
    }

    static func render(_ request: Request, assignment: AssessorAssignment, form: FormFields? = nil, problems: [FormProblem] = [],
                       saved: Bool = false, status: HTTPStatus = .ok) async throws -> Response {
        let evidence = try await EvidenceFiles.of(userID: assignment.application.$applicant.id, on: request.db)
        let context = AssessmentSheetContext(request: request, assignment: assignment, evidence: evidence, form: form,
                                             problems: problems, saved: saved)
        return try await request.page(.assessment, context, status: status)
    }

    static func save(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let assignment = try request.scope(AssignmentScope.self)
        let application = assignment.application
        guard assignment.submittedAt == nil, application.status == .inAssessment else {
            throw Abort(.conflict, reason: request.t("assessmentClosed"))
        }
        guard let version = request.standard.frameworks.version(application.frameworkID, application.frameworkVersion) else { throw Abort(.notFound) }
        let form = FormFields(try request.content.decode([String: String].self))
        let submit = form.value("action") == "submit"
        let (sheet, indicators, problems) = read(form, items: AssessmentItem.items(of: version), submit: submit)
        guard problems.isEmpty else {
            return try await render(request, assignment: assignment, form: form, problems: problems, status: .unprocessableEntity)
        }
        let assignmentID = try assignment.requireID()
        let applicationID = try application.requireID()
        let now = request.clock.now()
        let entries = sheet.entries, indicatorScores = indicators
        try await request.change { db in
            let existing = try await AssessmentScoreRow.query(on: db).filter(\.$assignment.$id == assignmentID).all()
            for (itemID, entry) in entries {
                let row = existing.first { $0.itemID == itemID } ?? AssessmentScoreRow()
                row.$assignment.id = assignmentID
                row.itemID = itemID
                row.score = entry.score.rawValue
                row.note = entry.note
                try await row.save(on: db)
            }
            // The posted indicator scores replace the stored ones: "not scored separately" removes one.
            try await AssessmentIndicatorScoreRow.query(on: db).filter(\.$assignment.$id == assignmentID).delete()
            for (key, score) in indicatorScores {
                let row = AssessmentIndicatorScoreRow()
                row.$assignment.id = assignmentID
                row.itemID = key.item
                row.indicatorID = key.indicator
                row.score = score.rawValue
                try await row.create(on: db)
            }
            let audit = AuditTrail(clock: request.clock)
            if submit {
                try await submitSheet(assignment, by: user, at: now, audit: audit, on: db)
            } else {
                try await audit.record(on: db, chain: .register, actor: user.auditName, action: "assessment.saved",
                                       subject: "application:\(applicationID.uuidString)", details: ["assignment": assignmentID.uuidString])
            }
        }
        return request.redirect(to: SiteURL.assessment(.value(assignmentID)).path + (submit ? "" : "?saved=1"))
    }

    struct IndicatorKey: Hashable {
        var item: String
        var indicator: String
    }

    /// The sheet as posted: a score and a note per item, and any indicator scores (also of items
    /// not scored yet, so a draft keeps them); on submit every item must be complete.
    static func read(_ form: FormFields, items: [AssessmentItem], submit: Bool)
        -> (AssessmentSheet, [IndicatorKey: AssessmentScore], [FormProblem]) {
        var sheet = AssessmentSheet()
        var indicators: [IndicatorKey: AssessmentScore] = [:]
        var problems: [FormProblem] = []
        for item in items {
            let scoreText = form.value("score-\(item.id)"), note = form.value("note-\(item.id)")
            if note.count > 5_000 { problems.append(FormProblem(field: "note-\(item.id)", messageKey: "formTooLong")) }
            if let value = Int(scoreText), let score = AssessmentScore(rawValue: value) {
                sheet.entries[item.id] = AssessmentSheet.Entry(score: score, note: note)
            } else if !scoreText.isEmpty {
                problems.append(FormProblem(field: "score-\(item.id)-0", messageKey: "assessmentScoreInvalid"))
            }
            for indicator in item.group.indicators {
                let text = form.value("indicator-\(indicator.id)")
                guard !text.isEmpty else { continue }
                if let value = Int(text), let score = AssessmentScore(rawValue: value) {
                    indicators[IndicatorKey(item: item.id, indicator: indicator.id)] = score
                    sheet.entries[item.id]?.indicators[indicator.id] = score
                } else {
                    problems.append(FormProblem(field: "indicator-\(indicator.id)-none", messageKey: "assessmentScoreInvalid"))
                }
            }
        }
        if submit {
            for id in sheet.missing(for: items) {
                let missingScore = sheet.entries[id] == nil
                problems.append(FormProblem(field: missingScore ? "score-\(id)-0" : "note-\(id)",
                                            messageKey: missingScore ? "assessmentScoreMissing" : "assessmentNoteMissing"))
            }
        }
        return (sheet, indicators, problems)
    }

    /// Submits the sheet; the last of the two makes the application ready for the decision.
    private static func submitSheet(_ assignment: AssessorAssignment, by user: User, at now: Date, audit: AuditTrail,
                                    on db: any Database) async throws {
        let application = assignment.application
        let assignmentID = try assignment.requireID()
        let applicationID = try application.requireID()
        assignment.submittedAt = now
        try await assignment.update(on: db)
        try await audit.record(on: db, chain: .register, actor: user.auditName, action: "assessment.submitted",
                               subject: "application:\(applicationID.uuidString)", details: ["assignment": assignmentID.uuidString])
        let open = try await AssessorAssignment.query(on: db).filter(\.$application.$id == applicationID)
            .filter(\.$submittedAt == nil).count()
        if open == 0, application.status.canMove(to: .readyForDecision) {
            application.status = .readyForDecision
            try await application.update(on: db)
            try await audit.record(on: db, chain: .register, actor: "system", action: "application.ready-for-decision",
                                   subject: "application:\(applicationID.uuidString)")
        }
    }
}
