import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Accredited activities and their attendance lists, PE-online style: the provider uploads a list of
/// registration numbers or e-mail addresses (on the page, or at `POST /api/v1/training/attendance`
/// with a trainer's token), and each certified coach on it gets the activity's CPD points, confirmed by
/// the provider. Each line is credited, already credited, or named as unknown with its line number; a
/// file that cannot be read changes nothing, and a list uploaded twice credits nobody twice.
enum ActivityController {
    struct LineOutcome: Encodable {
        var line: Int
        var value: String
        /// `credited`, `alreadyCredited` or `unknown`.
        var outcome: String
        var reason: String?
        /// Why, for the page in the visitor's language; not part of the API's answer.
        var why: Why? = nil

        enum Why { case notAReference, noCertifiedCoach, certificateNotValid }
        enum CodingKeys: String, CodingKey { case line, value, outcome, reason }
    }

    struct Report: Encodable {
        var activity: UUID
        var credited: Int
        var alreadyCredited: Int
        var unknown: Int
        var lines: [LineOutcome]
    }

    /// Credits every known certified coach of the list in one transaction.
    static func credit(_ data: Data, activity: AccreditedActivity, trainer: TrainerActor, request: Request) async throws -> Report {
        let lines: [AttendanceList.Line]
        do {
            lines = try AttendanceList.parse(data)
        } catch {
            throw APIProblem(status: .badRequest, message: "the attendance list: \(error.message)", parameter: "file")
        }
        let now = request.clock.now()
        let activityID = try activity.requireID()
        return try await request.change { db in
            // Everyone the list names, in three queries rather than two per line.
            var numbers: Set<String> = [], emails: Set<String> = []
            for line in lines {
                switch line.reference {
                case .registrationNumber(let number)?: numbers.insert(number)
                case .email(let email)?: emails.insert(email)
                case nil: break
                }
            }
            let users = try await User.query(on: db).filter(\.$email ~~ Array(emails)).all()
            let userByEmail = Dictionary(users.map { ($0.email, $0.id!) }, uniquingKeysWith: { first, _ in first })
            let found = try await Certificate.query(on: db).group(.or) { or in
                or.filter(\.$registrationNumber ~~ Array(numbers)).filter(\.$holder.$id ~~ users.compactMap(\.id))
            }.all()
            let byNumber = Dictionary(grouping: found, by: \.registrationNumber)
            let byHolder = Dictionary(grouping: found, by: { $0.$holder.id })
            var outcomes: [LineOutcome] = []
            var seen: Set<UUID> = []
            for line in lines {
                guard let reference = line.reference else {
                    outcomes.append(LineOutcome(line: line.number, value: line.text, outcome: "unknown", reason: "not a registration number or an e-mail address",
                                                why: .notAReference))
                    continue
                }
                let certificates: [Certificate]
                switch reference {
                case .registrationNumber(let number): certificates = byNumber[number] ?? []
                case .email(let email): certificates = userByEmail[email].flatMap { byHolder[$0] } ?? []
                }
                guard let certificate = certificates.first(where: { $0.status(at: now) == .valid }) else {
                    outcomes.append(LineOutcome(line: line.number, value: line.text, outcome: "unknown",
                                                reason: certificates.isEmpty ? "no certified coach has this registration number or e-mail address"
                                                    : "the coach's certificate is not valid now",
                                                why: certificates.isEmpty ? .noCertifiedCoach : .certificateNotValid))
                    continue
                }
                let holder = certificate.$holder.id
                let fresh = seen.insert(holder).inserted ? try await TrainingConfirmation.activity(activity, attendedBy: holder, on: db) : false
                outcomes.append(LineOutcome(line: line.number, value: line.text, outcome: fresh ? "credited" : "alreadyCredited", reason: nil))
            }
            let report = Report(activity: activityID, credited: outcomes.filter { $0.outcome == "credited" }.count,
                                alreadyCredited: outcomes.filter { $0.outcome == "alreadyCredited" }.count,
                                unknown: outcomes.filter { $0.outcome == "unknown" }.count, lines: outcomes)
            try await AuditTrail(clock: request.clock).record(
                on: db, chain: .organisation(trainer.providerID), actor: trainer.user.auditName, action: "training.attendance-uploaded", subject: "activity:\(activityID.uuidString)",
                details: ["lines": String(lines.count), "credited": String(report.credited), "already": String(report.alreadyCredited),
                          "unknown": String(report.unknown)])
            return report
        }
    }

    static func activity(_ id: UUID?, of trainer: TrainerActor, on database: any Database) async throws -> AccreditedActivity? {
        guard let id else { return nil }
        return try await AccreditedActivity.query(on: database).filter(\.$id == id).filter(\.$organisationID == trainer.providerID).first()
    }

    // MARK: API

    /// `POST /api/v1/training/attendance?activity=ID`, the list as the body (text/csv).
    static func api(_ request: Request) async throws -> Response {
        let trainer: TrainerActor
        do {
            trainer = try await TrainerScope.resolve(request)
        } catch {
            throw APIProblem(status: .forbidden, message: "uploading attendance is for trainers of a training provider")
        }
        guard let text = try? request.query.get(String.self, at: "activity"), let id = UUID(uuidString: text) else {
            throw APIProblem.badParameter("activity", "'activity' must be the id of one of your provider's accredited activities")
        }
        guard let activity = try await activity(id, of: trainer, on: request.db) else {
            throw APIProblem.notFound("your provider has no accredited activity \(id.uuidString)")
        }
        let data = request.body.data.map { Data($0.readableBytesView) } ?? Data()
        return try await APIController.json(try await credit(data, activity: activity, trainer: trainer, request: request), request)
    }

    // MARK: Pages

    static func page(_ request: Request) async throws -> Response {
        try await render(request, values: [:], errors: [], report: nil)
    }

    static func render(_ request: Request, values: [String: String], errors: [FieldError], report: Report?,
                       status: HTTPStatus = .ok) async throws -> Response {
        let trainer = try request.trainer
        let language = request.language
        let activities = try await AccreditedActivity.query(on: request.db).filter(\.$organisationID == trainer.providerID).sort(\.$heldOn, .descending).all()
        var credited: [UUID: Int] = [:]
        for row in try await CPDActivityRow.query(on: request.db).filter(\.$confirmedBy == trainer.providerID).all() {
            if let key = row.sourceKey, key.hasPrefix("activity:"), let id = UUID(uuidString: String(key.dropFirst("activity:".count).prefix(36))) {
                credited[id, default: 0] += 1
            }
        }
        let categories = request.standard.frameworks.versions(of: "register-jobcoach").last?.recertification?.categories ?? []
        func categoryName(_ id: String) -> String { categories.first { $0.id == id }?.title[language] ?? id }
        let table = TableView(
            id: "activities-table", caption: request.t("activitiesCaption"),
            headers: [request.t("activityTitle"), request.t("activityCategory"), request.t("activityPoints"), request.t("activityHeldOn"),
                      request.t("activityCredited")],
            rows: activities.map { activity in
                [.init(text: activity.title), .init(text: categoryName(activity.category)), .init(text: NumberText.format(activity.points, in: language)),
                 .init(text: CalendarDate(activity.heldOn)?.text(in: language) ?? activity.heldOn), .init(text: String(credited[activity.id!] ?? 0))]
            }, empty: request.t("activitiesNone"))
        let byField = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let make = FormFieldMaker(request: request, values: values, errors: byField)
        let newForm = FormView(id: "activity-form", url: SiteURL.trainingActivities.path, csrfToken: request.csrfToken, sections: [
            FormSectionView(legend: request.t("activityNew"), fields: [
                make.field("title", labelKey: "activityTitle", optional: false),
                make.field("category", labelKey: "activityCategory", kind: "select", optional: false, options: categories.map {
                    ChoiceOption(value: $0.id, label: $0.title[language], selected: values["category"] == $0.id)
                }),
                make.field("points", labelKey: "activityPoints", hintKey: "activityPointsHint", optional: false, inputMode: "decimal"),
                make.field("heldOn", labelKey: "activityHeldOn", kind: "date", optional: false),
            ]),
        ], submitLabel: request.t("activitySave"), readOnly: false)
        var blocks = [WorkBlock(id: "activities", heading: request.t("activitiesTitle"), tables: [table])]
        if !activities.isEmpty {
            let upload = FormView(id: "attendance-form", url: SiteURL.trainingAttendance.path, csrfToken: request.csrfToken, sections: [
                FormSectionView(legend: request.t("attendanceUpload"), hint: request.t("attendanceUploadHint"), fields: [
                    make.field("activity", labelKey: "activityTitle", kind: "select", optional: false, options: activities.map {
                        ChoiceOption(value: $0.id!.uuidString, label: "\($0.title) (\(CalendarDate($0.heldOn)?.text(in: language) ?? $0.heldOn))",
                                     selected: values["activity"] == $0.id!.uuidString)
                    }),
                    make.field("file", labelKey: "attendanceFile", kind: "file", optional: false),
                ]),
            ], submitLabel: request.t("attendanceSave"), readOnly: false, uploads: true)
            blocks.append(WorkBlock(id: "attendance", heading: request.t("attendanceUpload"), forms: [upload]))
        }
        if let report {
            blocks.insert(WorkBlock(
                id: "attendance-report", heading: request.t("attendanceReport"),
                text: request.t("attendanceReportSummary", ["credited": String(report.credited), "already": String(report.alreadyCredited),
                                                            "unknown": String(report.unknown)]),
                tables: [TableView(id: "attendance-lines", caption: request.t("attendanceLinesCaption"),
                                   headers: [request.t("attendanceLine"), request.t("attendanceValue"), request.t("attendanceOutcome")],
                                   rows: report.lines.map { line in
                                       [.init(text: String(line.line)), .init(text: line.value),
                                        .init(text: outcomeText(line, request))]
                                   }, empty: "")]), at: 0)
        }
        blocks.append(WorkBlock(id: "new-activity", heading: request.t("activityNew"), forms: [newForm]))
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("activitiesTitle"), current: .training),
            heading: request.t("activitiesTitle"), subtitle: trainer.provider.name, lead: request.t("activitiesLead"),
            backURL: SiteURL.training.path, backLabel: request.t("trainingTitle"), notice: nil,
            blocks: blocks, errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.work, context, status: status)
    }

    static func outcomeText(_ line: LineOutcome, _ request: Request) -> String {
        switch (line.outcome, line.why) {
        case ("credited", _): request.t("attendanceCredited")
        case ("alreadyCredited", _): request.t("attendanceAlreadyCredited")
        case (_, .notAReference?): request.t("attendanceNotAReference")
        case (_, .certificateNotValid?): request.t("attendanceCertificateNotValid")
        default: request.t("attendanceNoCertifiedCoach")
        }
    }

    static func create(_ request: Request) async throws -> Response {
        let trainer = try request.trainer
        let values = try CohortController.posted(request)
        var errors: [FieldError] = []
        let title = values["title"] ?? ""
        if title.isEmpty || title.count > 200 { errors.append(FieldError(field: "title", message: request.t("activityTitleProblem"))) }
        let categories = request.standard.frameworks.versions(of: "register-jobcoach").last?.recertification?.categories ?? []
        let category = values["category"] ?? ""
        if !categories.contains(where: { $0.id == category }) { errors.append(FieldError(field: "category", message: request.t("activityCategoryProblem"))) }
        let points = Double((values["points"] ?? "").replacingOccurrences(of: ",", with: "."))
        if points == nil || !(0.5...100).contains(points!) { errors.append(FieldError(field: "points", message: request.t("activityPointsProblem"))) }
        let day = CalendarDate(values["heldOn"] ?? "")
        if day == nil { errors.append(FieldError(field: "heldOn", message: request.t("trainingDateProblem"))) }
        guard errors.isEmpty, let points, let day else { return try await render(request, values: values, errors: errors, report: nil, status: .unprocessableEntity) }
        let activity = AccreditedActivity(organisationID: trainer.providerID, title: title, category: category, points: points, heldOn: day.description)
        try await request.change { db in
            try await activity.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(trainer.providerID), actor: trainer.user.auditName, action: "training.activity-created",
                                                              subject: "activity:\(activity.id!.uuidString)", details: ["points": String(points)])
        }
        return request.redirect(to: SiteURL.trainingActivities.path)
    }

    struct Upload: Content {
        var activity: String?
        var file: File?
    }

    static func upload(_ request: Request) async throws -> Response {
        let trainer = try request.trainer
        let form = try request.content.decode(Upload.self)
        var errors: [FieldError] = []
        let activity = try await activity(form.activity.flatMap(UUID.init(uuidString:)), of: trainer, on: request.db)
        if activity == nil { errors.append(FieldError(field: "activity", message: request.t("attendanceActivityProblem"))) }
        let data = form.file.map { Data($0.data.readableBytesView) } ?? Data()
        if data.isEmpty { errors.append(FieldError(field: "file", message: request.t("attendanceFileMissing"))) }
        guard errors.isEmpty, let activity else {
            return try await render(request, values: ["activity": form.activity ?? ""], errors: errors, report: nil, status: .unprocessableEntity)
        }
        do {
            let report = try await credit(data, activity: activity, trainer: trainer, request: request)
            return try await render(request, values: ["activity": form.activity ?? ""], errors: [], report: report)
        } catch let problem as APIProblem {
            return try await render(request, values: ["activity": form.activity ?? ""],
                                    errors: [FieldError(field: "file", message: request.t("attendanceFileProblem", ["problem": problem.message]))],
                                    report: nil, status: .unprocessableEntity)
        }
    }
}
