import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Bringing an agency's spreadsheets in: upload a CSV file, see every problem by line and column
/// (nothing is written), then import it all at once with a progress bar. A run belongs to the user
/// who uploaded it; anyone else gets a 404.
enum ImportController {
    /// At most this many problems are listed on the page; the count says how many there are.
    static let shownProblems = ImportRun.keptProblems

    static func page(_ request: Request) async throws -> Response {
        try await render(request, actor: try request.practiceActor, values: [:], errors: [])
    }

    static func render(_ request: Request, actor: PracticeActor, values: [String: String], errors: [FieldError],
                       status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let make = FormFieldMaker(request: request, values: values, errors: errors.byField)
        let upload = FormView(id: "import-form", url: SiteURL.imports.path, csrfToken: request.csrfToken, sections: [
            FormSectionView(legend: request.t("importUploadLegend"), hint: request.t("importUploadHint"), fields: [
                make.field("kind", labelKey: "importKind", kind: "select", optional: false, options: ImportKind.allCases.map {
                    ChoiceOption(value: $0.rawValue, label: $0.title[language], selected: values["kind"] == $0.rawValue)
                }),
                make.field("file", labelKey: "importFile", hintKey: "importFileHint", kind: "file", optional: false),
            ]),
        ], submitLabel: request.t("importCheck"), readOnly: false, uploads: true)
        var blocks = [WorkBlock(id: "upload", heading: request.t("importUpload"), forms: [upload])]
        for kind in ImportKind.allCases {
            blocks.append(WorkBlock(
                id: "columns-\(kind.rawValue)", heading: request.t("importColumnsOf", ["kind": kind.title[language].lowercased()]),
                tables: [TableView(id: "columns-\(kind.rawValue)-table", caption: request.t("importColumnsCaption", ["kind": kind.title[language].lowercased()]),
                                   headers: [request.t("importColumn"), request.t("importColumnOtherLanguage"), request.t("importColumnNeeded"),
                                             request.t("importColumnHint")],
                                   rows: kind.columns.map { column in
                                       [.init(text: column.title[language]), .init(text: column.title[language == .nl ? .en : .nl]),
                                        .init(text: request.t(column.required ? "importRequired" : "importOptional")),
                                        .init(text: column.hint[language])]
                                   }, empty: "")],
                links: Language.allCases.map { template in
                    LinkView(url: SiteURL.importTemplate(.value(kind.rawValue)).path(query: [("language", template.rawValue)]),
                             label: request.t("importTemplateLink", ["kind": kind.title[language].lowercased(), "language": request.t(template == .nl ? "importLanguageNl" : "importLanguageEn")]))
                }))
        }
        let runs = try await ImportRun.query(on: request.db).filter(\.$userID == actor.userID).filter(\.$organisationID == actor.organisationID)
            .sort(\.$createdAt, .descending).limit(10).all()
        blocks.append(WorkBlock(id: "runs", heading: request.t("importRecent"), tables: [TableView(
            id: "runs-table", caption: request.t("importRecentCaption"),
            headers: [request.t("importWhen"), request.t("importKind"), request.t("importFileName"), request.t("importRows"), request.t("importStatus")],
            rows: runs.map { run in
                [.init(text: PracticeOptions.dateTime(run.createdAt, timeZone: request.application.configuration.timeZone, language: language),
                       url: SiteURL.importRun(.value(run.id!)).path),
                 .init(text: ImportKind(rawValue: run.kind)?.title[language] ?? run.kind), .init(text: run.fileName),
                 .init(text: String(run.rowCount)), .init(text: statusText(run, request))]
            }, empty: request.t("importNoRuns"))]))
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("importTitle"), current: actor.leadsTeam ? .teamCaseload : .caseload),
            heading: request.t("importTitle"), subtitle: "", lead: request.t(actor.leadsTeam ? "importLeadTeam" : "importLead"),
            backURL: SiteURL.caseload.path, backLabel: request.t("navCaseload"), notice: nil,
            blocks: blocks, errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.work, context, status: status)
    }

    /// "1 client", "20 clients": the number with the word that fits it.
    static func count(_ number: Int, of kind: ImportKind, _ request: Request) -> String {
        let figures = ["count": NumberText.format(number, in: request.language)]
        return switch kind {
        case .clients: request.t(number == 1 ? "importCountClient" : "importCountClients", figures)
        case .employers: request.t(number == 1 ? "importCountEmployer" : "importCountEmployers", figures)
        case .workplaces: request.t(number == 1 ? "importCountWorkplace" : "importCountWorkplaces", figures)
        }
    }

    static func problemCount(_ number: Int, _ request: Request) -> String {
        request.t(number == 1 ? "importCountProblem" : "importCountProblems", ["count": NumberText.format(number, in: request.language)])
    }

    static func statusText(_ run: ImportRun, _ request: Request) -> String {
        switch run.status {
        case .ready: request.t(run.content == nil ? "importStatusExpired" : "importStatusReady")
        case .refused: request.t("importStatusRefused", ["problems": problemCount(run.problemCount, request)])
        case .running: request.t("importStatusRunning")
        case .done: request.t("importStatusDone", ["what": count(run.createdCount, of: ImportKind(rawValue: run.kind) ?? .clients, request)])
        case .failed: request.t("importStatusFailed")
        }
    }

    struct Upload: Content {
        var kind: String?
        var file: File?
    }

    /// The dry run: the file is checked and kept as a run; the run's page lists what was found.
    static func check(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let form = try request.content.decode(Upload.self)
        var errors: [FieldError] = []
        let kind = form.kind.flatMap(ImportKind.init(rawValue:))
        if kind == nil { errors.append(FieldError(field: "kind", message: request.t("importKindProblem"))) }
        let data = form.file.map { Data($0.data.readableBytesView) } ?? Data()
        if data.isEmpty {
            errors.append(FieldError(field: "file", message: request.t("importFileMissing")))
        } else if data.count > ImportRunner.maxBytes {
            errors.append(FieldError(field: "file", message: request.t("importFileTooLarge")))
        }
        guard errors.isEmpty, let kind else {
            return try await render(request, actor: actor, values: ["kind": form.kind ?? ""], errors: errors, status: .unprocessableEntity)
        }
        let name = form.file?.filename.isEmpty == false ? form.file!.filename : "import.csv"
        let (run, _) = try await request.application.imports.check(data, kind: kind, fileName: name, actor: actor, keep: true)
        return request.redirect(to: SiteURL.importRun(.value(run.id!)).path, redirectType: .normal)
    }

    /// The run in the path, uploaded by this user in this agency; 404 otherwise.
    static func ownRun(_ request: Request, _ actor: PracticeActor) async throws -> ImportRun {
        guard let id = request.parameters.get("run", as: UUID.self),
              let run = try await ImportRun.query(on: request.db).filter(\.$id == id).filter(\.$userID == actor.userID)
                .filter(\.$organisationID == actor.organisationID).first() else { throw Abort(.notFound) }
        return run
    }

    static func runPage(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let run = try await ownRun(request, actor)
        let jobs = request.application.importJobs
        let language = request.language
        let kind = ImportKind(rawValue: run.kind) ?? .clients
        let kindName = kind.title[language].lowercased()
        var blocks: [WorkBlock] = []
        var lead = request.t("importRunLead", ["file": run.fileName, "rows": String(run.rowCount)])
        var facts = [KeyValue(key: request.t("importKind"), value: kind.title[language]), KeyValue(key: request.t("importFileName"), value: run.fileName),
                     KeyValue(key: request.t("importRows"), value: String(run.rowCount)),
                     KeyValue(key: request.t("importStatus"), value: statusText(run, request))]
        switch run.status {
        case .running:
            if let progress = jobs.progress(run.id!) {
                lead = request.t("importRunningLead")
                blocks.append(WorkBlock(id: "progress", heading: request.t("importProgress"),
                                        progress: ProgressBarView(id: "import-progress", label: request.t("importProgressLabel", ["kind": kindName]),
                                                               done: progress.done, total: progress.total,
                                                               text: request.t("importProgressText", ["done": String(progress.done), "total": String(progress.total)]),
                                                               template: request.t("importProgressText", ["done": "{done}", "total": "{total}"]),
                                                               url: SiteURL.importRunProgress(.value(run.id!)).path)))
                blocks[blocks.count - 1].links = [LinkView(url: SiteURL.importRun(.value(run.id!)).path, label: request.t("importRefresh"))]
            } else {
                // The server stopped while it ran; its one transaction wrote nothing.
                lead = request.t("importStoppedLead")
                facts[3].value = request.t("importStatusFailed")
                if run.content != nil { blocks.append(executeBlock(request, run, kind: kind, again: true)) }
            }
        case .ready:
            if run.content != nil {
                lead = request.t("importReadyLead", ["what": count(run.rowCount, of: kind, request)])
                blocks.append(executeBlock(request, run, kind: kind, again: false))
            } else {
                lead = request.t("importExpiredLead")
            }
        case .refused:
            lead = request.t(run.finishedAt == nil ? "importRefusedLead" : "importChangedLead", ["problems": problemCount(run.problemCount, request)])
        case .done:
            lead = request.t("importDoneLead", ["what": count(run.createdCount, of: kind, request)])
            let next: SiteURL = kind == .clients ? (actor.leadsTeam ? .teamCaseload : .caseload) : .employers
            blocks.append(WorkBlock(id: "next", heading: request.t("importNext"), links: [
                LinkView(url: next.path, label: request.t(kind == .clients ? "importSeeClients" : "importSeeEmployers")),
                LinkView(url: SiteURL.imports.path, label: request.t("importAnother")),
            ]))
        case .failed:
            lead = request.t("importFailedLead")
            if run.content != nil { blocks.append(executeBlock(request, run, kind: kind, again: true)) }
        }
        if run.status == .refused {
            blocks.append(problemsBlock(request, run))
        }
        blocks.insert(WorkBlock(id: "summary", heading: request.t("importSummary"), facts: facts), at: 0)
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("importRunTitle", ["file": run.fileName]),
                           current: actor.leadsTeam ? .teamCaseload : .caseload),
            heading: request.t("importRunTitle", ["file": run.fileName]), subtitle: "", lead: lead,
            backURL: SiteURL.imports.path, backLabel: request.t("importTitle"), notice: nil, blocks: blocks, errors: [], hasErrors: false)
        return try await request.page(.work, context)
    }

    static func executeBlock(_ request: Request, _ run: ImportRun, kind: ImportKind, again: Bool) -> WorkBlock {
        WorkBlock(id: "execute", heading: request.t("importExecuteHeading"), text: request.t("importExecuteText"), forms: [
            FormView(id: "execute-form", url: SiteURL.importRunExecute(.value(run.id!)).path, csrfToken: request.csrfToken, sections: [],
                     submitLabel: request.t(again ? "importExecuteAgain" : "importExecute", ["what": count(run.rowCount, of: kind, request)]),
                     readOnly: false),
        ])
    }

    /// Every problem of a refused file, by line and column, in the page's language.
    static func problemsBlock(_ request: Request, _ run: ImportRun) -> WorkBlock {
        let problems = run.problems
        let language = request.language
        var block = WorkBlock(id: "problems", heading: request.t("importProblems", ["count": String(run.problemCount)]))
        if run.problemCount > shownProblems {
            block.text = request.t("importProblemsFirst", ["shown": String(shownProblems), "count": String(run.problemCount)])
        }
        block.tables = [TableView(
            id: "problems-table", caption: request.t("importProblemsCaption"),
            headers: [request.t("importLine"), request.t("importColumn"), request.t("importProblem")],
            rows: problems.prefix(shownProblems).map { problem in
                [.init(text: String(problem.line)),
                 .init(text: problem.columnLetter.map { letter in letter + (problem.header.map { " (\($0))" } ?? "") } ?? request.t("importWholeLine")),
                 .init(text: problem.message[language])]
            }, empty: "")]
        block.links = [LinkView(url: SiteURL.imports.path, label: request.t("importAgain"))]
        return block
    }

    /// Starts the import in the background and shows its page with the progress bar.
    static func execute(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let run = try await ownRun(request, actor)
        let jobs = request.application.importJobs
        guard let data = run.content, [.ready, .failed, .running].contains(run.status), jobs.progress(run.id!) == nil else {
            return request.redirect(to: SiteURL.importRun(.value(run.id!)).path, redirectType: .normal)
        }
        try await request.change { db in
            run.status = .running
            try await run.update(on: db)
        }
        let runner = request.application.imports
        jobs.start(run.id!, total: run.rowCount) { report in
            // The outcome is on the run: done, refused with its problems, or failed.
            _ = try? await runner.execute(run, data: data, actor: actor, progress: report)
        }
        return request.redirect(to: SiteURL.importRun(.value(run.id!)).path, redirectType: .normal)
    }

    struct ProgressAnswer: Content {
        var status: String
        var done: Int
        var total: Int
    }

    /// For the progress bar's script: how far the import has got.
    static func progress(_ request: Request) async throws -> ProgressAnswer {
        let actor = try request.practiceActor
        let run = try await ownRun(request, actor)
        if run.status == .running, let progress = request.application.importJobs.progress(run.id!) {
            return ProgressAnswer(status: "running", done: progress.done, total: progress.total)
        }
        return ProgressAnswer(status: run.status == .running ? ImportRun.Status.failed.rawValue : run.status.rawValue,
                              done: run.createdCount, total: run.rowCount)
    }

    /// A template file: the header line, `;`-separated for Dutch (as Excel in Dutch reads it) and
    /// `,`-separated for English, UTF-8 with the mark that tells Excel so.
    static func template(_ request: Request) async throws -> Response {
        guard let kind = request.parameters.get("kind").flatMap(ImportKind.init(rawValue:)) else { throw Abort(.notFound) }
        let language = (try? request.query.get(String.self, at: "language")).flatMap(Language.init(rawValue:)) ?? request.language
        let response = Response(status: .ok, body: .init(string: templateText(kind, in: language)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: templateFileName(kind, in: language))
        return response
    }

    static func templateText(_ kind: ImportKind, in language: Language) -> String {
        "\u{FEFF}" + CSVText.document(rows: ImportSheet.template(kind, in: language), separator: language == .nl ? ";" : ",")
    }

    static func templateFileName(_ kind: ImportKind, in language: Language) -> String {
        "jobcoach-import-\(kind.rawValue)-\(language.rawValue).csv"
    }
}
