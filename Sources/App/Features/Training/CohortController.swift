import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The trainer's work: their cohorts, and in a cohort its trainees, sessions with attendance, module
/// results and diplomas. A passed module and a diploma land in the trainee's register portfolio,
/// confirmed by the provider (`TrainingConfirmation`). Every read and change of trainee records is
/// audited.
enum CohortController {
    // MARK: Start page

    static func start(_ request: Request) async throws -> Response {
        try await renderStart(request, values: [:], errors: [])
    }

    static func renderStart(_ request: Request, values: [String: String], errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let trainer = try request.trainer
        let language = request.language
        let mine = try await CohortTrainer.query(on: request.db).filter(\.$userID == trainer.userID).all().map(\.cohortID)
        let cohorts = try await Cohort.query(on: request.db).filter(\.$organisationID == trainer.providerID).filter(\.$id ~~ mine)
            .sort(\.$startsOn, .descending).all()
        var counts: [UUID: Int] = [:]
        for enrolment in try await Enrolment.query(on: request.db).filter(\.$cohortID ~~ mine).all() { counts[enrolment.cohortID, default: 0] += 1 }
        let programmes = request.standard.programmes
        let table = TableView(
            id: "cohorts-table", caption: request.t("trainingCohortsCaption"),
            headers: [request.t("trainingCohort"), request.t("trainingProgramme"), request.t("trainingRegion"), request.t("trainingDates"),
                      request.t("trainingTrainees")],
            rows: cohorts.map { cohort in
                [.init(text: cohort.name, url: SiteURL.trainingCohort(.value(cohort.id!)).path),
                 .init(text: programmes.programme(cohort.programme)?.title[language] ?? cohort.programme), .init(text: cohort.region),
                 .init(text: dates(cohort, language)), .init(text: String(counts[cohort.id!] ?? 0))]
            }, empty: request.t("trainingNoCohorts"))
        let byField = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let make = FormFieldMaker(request: request, values: values, errors: byField)
        let form = FormView(id: "cohort-form", url: SiteURL.trainingCohorts.path, csrfToken: request.csrfToken, sections: [
            FormSectionView(legend: request.t("trainingNewCohort"), fields: [
                make.field("programme", labelKey: "trainingProgramme", kind: "select", optional: false, options: programmes.programmes.map {
                    ChoiceOption(value: $0.id, label: $0.title[language], selected: values["programme"] == $0.id)
                }),
                make.field("name", labelKey: "trainingCohortName", hintKey: "trainingCohortNameHint", optional: false),
                make.field("region", labelKey: "trainingRegion", optional: false),
                make.field("startsOn", labelKey: "trainingStartsOn", kind: "date", optional: false),
                make.field("endsOn", labelKey: "trainingEndsOn", kind: "date", optional: false),
            ]),
        ], submitLabel: request.t("trainingCreateCohort"), readOnly: false)
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("trainingTitle"), current: .training),
            heading: request.t("trainingTitle"), subtitle: trainer.provider.name, lead: request.t("trainingLead"),
            backURL: SiteURL.home.path, backLabel: request.t("navHome"), notice: nil,
            blocks: [WorkBlock(id: "cohorts", heading: request.t("trainingCohortsTitle"), tables: [table],
                               links: [LinkView(url: SiteURL.trainingActivities.path, label: request.t("activitiesTitle"))]),
                     WorkBlock(id: "new-cohort", heading: request.t("trainingNewCohort"), forms: [form])],
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.work, context, status: status)
    }

    static func dates(_ cohort: Cohort, _ language: Language) -> String {
        [cohort.startsOn, cohort.endsOn].map { CalendarDate($0)?.text(in: language) ?? $0 }.joined(separator: " – ")
    }

    static func posted(_ request: Request) throws -> [String: String] {
        try request.content.decode([String: String].self).filter { $0.key != "_csrf" }.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    static func createCohort(_ request: Request) async throws -> Response {
        let trainer = try request.trainer
        let values = try posted(request)
        var errors: [FieldError] = []
        let programme = values["programme"] ?? ""
        if request.standard.programmes.programme(programme) == nil { errors.append(FieldError(field: "programme", message: request.t("trainingProgrammeProblem"))) }
        let name = values["name"] ?? "", region = values["region"] ?? ""
        if name.isEmpty || name.count > 200 { errors.append(FieldError(field: "name", message: request.t("trainingNameProblem"))) }
        if region.isEmpty || region.count > 200 { errors.append(FieldError(field: "region", message: request.t("trainingRegionProblem"))) }
        let starts = CalendarDate(values["startsOn"] ?? ""), ends = CalendarDate(values["endsOn"] ?? "")
        if starts == nil { errors.append(FieldError(field: "startsOn", message: request.t("trainingDateProblem"))) }
        if ends == nil || (starts.map { ends! < $0 } ?? false) { errors.append(FieldError(field: "endsOn", message: request.t("trainingEndProblem"))) }
        guard errors.isEmpty, let starts, let ends else { return try await renderStart(request, values: values, errors: errors, status: .unprocessableEntity) }
        let cohort = Cohort(organisationID: trainer.providerID, programme: programme, name: name, region: region,
                            startsOn: starts.description, endsOn: ends.description)
        try await request.change { db in
            try await cohort.create(on: db)
            try await CohortTrainer(organisationID: trainer.providerID, cohortID: cohort.id!, userID: trainer.userID).create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(trainer.providerID), actor: trainer.user.auditName, action: "training.cohort-created",
                                                              subject: "cohort:\(cohort.id!.uuidString)", details: ["programme": programme])
        }
        return request.redirect(to: SiteURL.trainingCohort(.value(cohort.id!)).path)
    }

    // MARK: A cohort

    struct Trainee {
        let enrolment: Enrolment
        let enrolmentID: UUID
        let user: User
        var passed: [String: CalendarDate]
        var notYet: Set<String>
        var attended: Double
    }

    static func trainees(_ access: CohortAccess, on database: any Database) async throws -> [Trainee] {
        let enrolments = try await Enrolment.query(on: database).filter(\.$cohortID == access.cohortID).sort(\.$enrolledOn).all()
        let ids = enrolments.compactMap(\.id)
        let users = Dictionary(try await User.query(on: database).filter(\.$id ~~ enrolments.map(\.userID)).all().map { ($0.id!, $0) },
                               uniquingKeysWith: { first, _ in first })
        var results: [UUID: [ModuleResult]] = [:]
        for result in try await ModuleResult.query(on: database).filter(\.$enrolmentID ~~ ids).all() { results[result.enrolmentID, default: []].append(result) }
        let sessions = Dictionary(try await TrainingSession.query(on: database).filter(\.$cohortID == access.cohortID).all().map { ($0.id!, $0) },
                                  uniquingKeysWith: { first, _ in first })
        var attended: [UUID: Double] = [:]
        for row in try await SessionAttendance.query(on: database).filter(\.$enrolmentID ~~ ids).filter(\.$present == true).all() {
            attended[row.enrolmentID, default: 0] += sessions[row.sessionID]?.hours ?? 0
        }
        return enrolments.compactMap { enrolment in
            guard let id = enrolment.id, let user = users[enrolment.userID] else { return nil }
            let mine = results[id] ?? []
            return Trainee(enrolment: enrolment, enrolmentID: id, user: user,
                           passed: Dictionary(mine.filter { $0.result == "passed" }.compactMap { row in CalendarDate(row.decidedOn).map { (row.module, $0) } },
                                              uniquingKeysWith: { first, _ in first }),
                           notYet: Set(mine.filter { $0.result != "passed" }.map(\.module)), attended: attended[id] ?? 0)
        }
    }

    static func page(_ request: Request) async throws -> Response {
        let access = try request.cohortAccess
        try await audit(request, access, "training.cohort-viewed")
        return try await render(request, access, values: [:], errors: [])
    }

    static func audit(_ request: Request, _ access: CohortAccess, _ action: String, details: [String: String] = [:]) async throws {
        _ = try await request.change { db in
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(access.trainer.providerID), actor: access.trainer.user.auditName, action: action,
                                                              subject: "cohort:\(access.cohortID.uuidString)", details: details)
        }
    }

    static func render(_ request: Request, _ access: CohortAccess, values: [String: String], errors: [FieldError],
                       status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let programme = access.programme
        let trainees = try await trainees(access, on: request.db)
        let sessions = try await TrainingSession.query(on: request.db).filter(\.$cohortID == access.cohortID).sort(\.$heldOn).all()
        var present: [UUID: Int] = [:]
        for row in try await SessionAttendance.query(on: request.db).filter(\.$sessionID ~~ sessions.compactMap(\.id)).filter(\.$present == true).all() {
            present[row.sessionID, default: 0] += 1
        }
        let byField = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let make = FormFieldMaker(request: request, values: values, errors: byField)
        let moduleOptions = { (selected: String?) in
            programme.modules.map { ChoiceOption(value: $0.id, label: $0.title[language], selected: selected == $0.id) }
        }
        let traineeOptions = { (selected: String?) in
            trainees.map { ChoiceOption(value: $0.enrolmentID.uuidString, label: $0.user.displayName, selected: selected == $0.enrolmentID.uuidString) }
        }
        let frameworks = request.standard.frameworks.ids.filter { id in request.standard.frameworks.versions(of: id).contains { !$0.topLevelItems.isEmpty } }

        let traineeTable = TableView(
            id: "trainees-table", caption: request.t("trainingTraineesCaption"),
            headers: [request.t("trainingTrainee"), request.t("trainingAims"), request.t("trainingModulesPassed"), request.t("trainingHoursAttended"),
                      request.t("trainingDiploma")],
            rows: trainees.map { trainee in
                [.init(text: trainee.user.displayName), .init(text: request.standard.frameworks.versions(of: trainee.enrolment.framework).last?.title[language] ?? trainee.enrolment.framework),
                 .init(text: "\(trainee.passed.count) / \(programme.modules.count)"),
                 .init(text: NumberText.format(trainee.attended, in: language)),
                 .init(text: trainee.enrolment.completedOn.flatMap(CalendarDate.init)?.text(in: language) ?? "–")]
            }, empty: request.t("trainingNoTrainees"))
        let enrolForm = FormView(id: "enrol-form", url: SiteURL.trainingCohortTrainees(.value(access.cohortID)).path, csrfToken: request.csrfToken, sections: [
            FormSectionView(legend: request.t("trainingEnrol"), fields: [
                make.field("email", labelKey: "trainingTraineeEmail", hintKey: "trainingTraineeEmailHint", kind: "email", optional: false),
                make.field("framework", labelKey: "trainingAims", kind: "select", optional: false, options: frameworks.map { id in
                    ChoiceOption(value: id, label: request.standard.frameworks.versions(of: id).last?.title[language] ?? id,
                                 selected: (values["framework"] ?? "register-jobcoach") == id)
                }),
            ]),
        ], submitLabel: request.t("trainingEnrolSave"), readOnly: false)

        let sessionTable = TableView(
            id: "sessions-table", caption: request.t("trainingSessionsCaption"),
            headers: [request.t("trainingSessionDate"), request.t("trainingModule"), request.t("trainingSessionHours"), request.t("trainingPresent")],
            rows: sessions.map { session in
                [.init(text: CalendarDate(session.heldOn)?.text(in: language) ?? session.heldOn),
                 .init(text: programme.module(session.module)?.title[language] ?? session.module),
                 .init(text: NumberText.format(session.hours, in: language)), .init(text: "\(present[session.id!] ?? 0) / \(trainees.count)")]
            }, empty: request.t("trainingNoSessions"))
        let sessionForm = FormView(id: "session-form", url: SiteURL.trainingCohortSessions(.value(access.cohortID)).path, csrfToken: request.csrfToken, sections: [
            FormSectionView(legend: request.t("trainingNewSession"), fields: [
                make.field("module", labelKey: "trainingModule", kind: "select", optional: false, options: moduleOptions(values["module"])),
                make.field("heldOn", labelKey: "trainingSessionDate", kind: "date", optional: false),
                make.field("hours", labelKey: "trainingSessionHours", optional: false, inputMode: "decimal"),
            ], checkGroups: [CheckGroupView(id: "present", legend: request.t("trainingPresent"), hint: request.t("trainingPresentHint"),
                                            error: byField["present"], options: trainees.map { trainee in
                                                CheckOption(name: "present.\(trainee.enrolmentID.uuidString)", id: "present-\(trainee.enrolmentID.uuidString)",
                                                            label: trainee.user.displayName, hint: "",
                                                            checked: values["present.\(trainee.enrolmentID.uuidString)"] == "yes")
                                            })]),
        ], submitLabel: request.t("trainingSessionSave"), readOnly: false)

        let resultRows: [[TableView.Cell]] = trainees.map { trainee in
            [.init(text: trainee.user.displayName)] + programme.modules.map { module in
                if let day = trainee.passed[module.id] { return .init(text: request.t("trainingPassedOn", ["date": day.text(in: language)])) }
                return .init(text: request.t(trainee.notYet.contains(module.id) ? "trainingNotYet" : "trainingNoResult"))
            }
        }
        let resultTable = TableView(id: "results-table", caption: request.t("trainingResultsCaption"),
                                    headers: [request.t("trainingTrainee")] + programme.modules.map { $0.title[language] }, rows: resultRows,
                                    empty: request.t("trainingNoTrainees"))
        let resultForm = FormView(id: "result-form", url: SiteURL.trainingCohortResults(.value(access.cohortID)).path, csrfToken: request.csrfToken, sections: [
            FormSectionView(legend: request.t("trainingNewResult"), fields: [
                make.field("enrolment", labelKey: "trainingTrainee", kind: "select", optional: false, options: traineeOptions(values["enrolment"])),
                make.field("resultModule", labelKey: "trainingModule", kind: "select", optional: false, options: moduleOptions(values["resultModule"])),
                make.field("result", labelKey: "trainingResult", kind: "select", optional: false, options: [
                    ChoiceOption(value: "passed", label: request.t("trainingPassed"), selected: values["result"] != "notYet"),
                    ChoiceOption(value: "notYet", label: request.t("trainingNotYet"), selected: values["result"] == "notYet"),
                ]),
                make.field("decidedOn", labelKey: "trainingResultDate", kind: "date", optional: false),
                make.field("note", labelKey: "trainingNote", kind: "textarea"),
            ]),
        ], submitLabel: request.t("trainingResultSave"), readOnly: false)
        let diplomaForm = FormView(id: "diploma-form", url: SiteURL.trainingCohortDiploma(.value(access.cohortID)).path, csrfToken: request.csrfToken, sections: [
            FormSectionView(legend: request.t("trainingDiplomaTitle"), hint: request.t("trainingDiplomaHint"), fields: [
                make.field("diplomaEnrolment", labelKey: "trainingTrainee", kind: "select", optional: false, options: traineeOptions(values["diplomaEnrolment"])),
                make.field("completedOn", labelKey: "trainingDiplomaDate", kind: "date", optional: false),
            ]),
        ], submitLabel: request.t("trainingDiplomaSave"), readOnly: false)

        let context = WorkPageContext(
            layout: Layout(request: request, title: access.cohort.name, current: .training),
            heading: access.cohort.name, subtitle: "\(programme.title[language]) · \(access.cohort.region) · \(dates(access.cohort, language))",
            lead: request.t("trainingCohortLead", ["hours": NumberText.format(programme.hours, in: language), "ec": NumberText.format(programme.ec, in: language),
                                                    "modules": String(programme.modules.count)]),
            backURL: SiteURL.training.path, backLabel: request.t("trainingTitle"), notice: nil,
            blocks: [WorkBlock(id: "trainees", heading: request.t("trainingTraineesTitle"), tables: [traineeTable], forms: [enrolForm]),
                     WorkBlock(id: "sessions", heading: request.t("trainingSessionsTitle"), tables: [sessionTable], forms: trainees.isEmpty ? [] : [sessionForm]),
                     WorkBlock(id: "results", heading: request.t("trainingResultsTitle"), tables: [resultTable],
                               forms: trainees.isEmpty ? [] : [resultForm, diplomaForm])],
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.work, context, status: status)
    }

    // MARK: Changes

    static func enrol(_ request: Request) async throws -> Response {
        let access = try request.cohortAccess
        let values = try posted(request)
        var errors: [FieldError] = []
        let email = (values["email"] ?? "").lowercased()
        let framework = values["framework"] ?? ""
        let user = email.isEmpty ? nil : try await User.query(on: request.db).filter(\.$email == email).first()
        if user == nil { errors.append(FieldError(field: "email", message: request.t("trainingNoAccount"))) }
        if !request.standard.frameworks.contains(framework) { errors.append(FieldError(field: "framework", message: request.t("trainingFrameworkProblem"))) }
        if let user, try await Enrolment.query(on: request.db).filter(\.$cohortID == access.cohortID).filter(\.$userID == user.requireID()).first() != nil {
            errors.append(FieldError(field: "email", message: request.t("trainingAlreadyEnrolled")))
        }
        guard errors.isEmpty, let user else { return try await render(request, access, values: values, errors: errors, status: .unprocessableEntity) }
        let enrolment = Enrolment(organisationID: access.trainer.providerID, cohortID: access.cohortID, userID: try user.requireID(),
                                  framework: framework, enrolledOn: request.today.description)
        try await request.change { db in
            try await enrolment.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(access.trainer.providerID), actor: access.trainer.user.auditName, action: "training.enrolled",
                                                              subject: "cohort:\(access.cohortID.uuidString)",
                                                              details: ["enrolment": enrolment.id!.uuidString, "trainee": user.auditName])
        }
        return request.redirect(to: SiteURL.trainingCohort(.value(access.cohortID)).path + "#trainees")
    }

    static func addSession(_ request: Request) async throws -> Response {
        let access = try request.cohortAccess
        let values = try posted(request)
        var errors: [FieldError] = []
        let module = values["module"] ?? ""
        if access.programme.module(module) == nil { errors.append(FieldError(field: "module", message: request.t("trainingModuleProblem"))) }
        let day = CalendarDate(values["heldOn"] ?? "")
        if day == nil { errors.append(FieldError(field: "heldOn", message: request.t("trainingDateProblem"))) }
        let hours = Double((values["hours"] ?? "").replacingOccurrences(of: ",", with: "."))
        if hours == nil || !(0.25...12).contains(hours!) { errors.append(FieldError(field: "hours", message: request.t("trainingHoursProblem"))) }
        let enrolments = try await Enrolment.query(on: request.db).filter(\.$cohortID == access.cohortID).all()
        let known = Set(enrolments.compactMap(\.id))
        let present = Set(values.filter { $0.key.hasPrefix("present.") && $0.value == "yes" }.compactMap { UUID(uuidString: String($0.key.dropFirst("present.".count))) })
        if !present.isSubset(of: known) { errors.append(FieldError(field: "present", message: request.t("trainingPresentProblem"))) }
        guard errors.isEmpty, let day, let hours else { return try await render(request, access, values: values, errors: errors, status: .unprocessableEntity) }
        let session = TrainingSession(organisationID: access.trainer.providerID, cohortID: access.cohortID, module: module, heldOn: day.description, hours: hours)
        try await request.change { db in
            try await session.create(on: db)
            for id in known {
                try await SessionAttendance(organisationID: access.trainer.providerID, sessionID: session.id!, enrolmentID: id, present: present.contains(id)).create(on: db)
            }
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(access.trainer.providerID), actor: access.trainer.user.auditName, action: "training.attendance-recorded",
                                                              subject: "cohort:\(access.cohortID.uuidString)",
                                                              details: ["session": session.id!.uuidString, "present": String(present.count), "of": String(known.count)])
        }
        return request.redirect(to: SiteURL.trainingCohort(.value(access.cohortID)).path + "#sessions")
    }

    static func recordResult(_ request: Request) async throws -> Response {
        let access = try request.cohortAccess
        let values = try posted(request)
        var errors: [FieldError] = []
        let enrolment = try await enrolment(values["enrolment"], access, on: request.db)
        if enrolment == nil { errors.append(FieldError(field: "enrolment", message: request.t("trainingTraineeProblem"))) }
        let module = access.programme.module(values["resultModule"] ?? "")
        if module == nil { errors.append(FieldError(field: "resultModule", message: request.t("trainingModuleProblem"))) }
        let passed = values["result"] == "passed"
        if values["result"] != "passed" && values["result"] != "notYet" { errors.append(FieldError(field: "result", message: request.t("trainingResultProblem"))) }
        let day = CalendarDate(values["decidedOn"] ?? "")
        if day == nil || day! > request.today { errors.append(FieldError(field: "decidedOn", message: request.t("trainingPastDateProblem"))) }
        let note = values["note"] ?? ""
        if note.count > 2_000 { errors.append(FieldError(field: "note", message: request.t("formTooLong"))) }
        guard errors.isEmpty, let enrolment, let module, let day else {
            return try await render(request, access, values: values, errors: errors, status: .unprocessableEntity)
        }
        let enrolmentID = try enrolment.requireID()
        let trainer = access.trainer
        let programme = access.programme
        try await request.change { db in
            let row = try await ModuleResult.query(on: db).filter(\.$enrolmentID == enrolmentID).filter(\.$module == module.id).first() ?? ModuleResult()
            let before = row.id == nil ? "" : row.result
            row.organisationID = trainer.providerID
            row.enrolmentID = enrolmentID
            row.module = module.id
            row.result = passed ? "passed" : "notYet"
            row.note = note
            row.decidedOn = day.description
            row.decidedBy = trainer.userID
            try await row.save(on: db)
            try await TrainingConfirmation.module(module, of: programme, enrolment: enrolment, passedOn: passed ? day : nil, provider: trainer.provider, on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(trainer.providerID), actor: trainer.user.auditName, action: "training.result-recorded",
                                                              subject: "cohort:\(access.cohortID.uuidString)",
                                                              details: ["enrolment": enrolmentID.uuidString, "module": module.id, "was": before, "now": row.result])
        }
        return request.redirect(to: SiteURL.trainingCohort(.value(access.cohortID)).path + "#results")
    }

    static func enrolment(_ text: String?, _ access: CohortAccess, on database: any Database) async throws -> Enrolment? {
        guard let id = text.flatMap(UUID.init(uuidString:)) else { return nil }
        return try await Enrolment.query(on: database).filter(\.$id == id).filter(\.$cohortID == access.cohortID).first()
    }

    static func awardDiploma(_ request: Request) async throws -> Response {
        let access = try request.cohortAccess
        let values = try posted(request)
        var errors: [FieldError] = []
        let enrolment = try await enrolment(values["diplomaEnrolment"], access, on: request.db)
        if enrolment == nil { errors.append(FieldError(field: "diplomaEnrolment", message: request.t("trainingTraineeProblem"))) }
        let day = CalendarDate(values["completedOn"] ?? "")
        if day == nil || day! > request.today { errors.append(FieldError(field: "completedOn", message: request.t("trainingPastDateProblem"))) }
        if let enrolment {
            let passed = try await ModuleResult.query(on: request.db).filter(\.$enrolmentID == enrolment.requireID()).filter(\.$result == "passed").all()
            if !access.programme.isCompleted(passed: Set(passed.map(\.module))) {
                errors.append(FieldError(field: "diplomaEnrolment", message: request.t("trainingNotCompleted", [
                    "passed": String(passed.count), "modules": String(access.programme.modules.count)])))
            }
        }
        guard errors.isEmpty, let enrolment, let day else { return try await render(request, access, values: values, errors: errors, status: .unprocessableEntity) }
        let trainer = access.trainer
        try await request.change { db in
            enrolment.completedOn = day.description
            try await enrolment.save(on: db)
            try await TrainingConfirmation.diploma(enrolment: enrolment, completedOn: day, provider: trainer.provider, on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(trainer.providerID), actor: trainer.user.auditName, action: "training.diploma-awarded",
                                                              subject: "cohort:\(access.cohortID.uuidString)",
                                                              details: ["enrolment": enrolment.id!.uuidString, "completedOn": day.description])
        }
        return request.redirect(to: SiteURL.trainingCohort(.value(access.cohortID)).path + "#trainees")
    }
}
