import Crypto
import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Reports for the commissioner (plan of approach, progress, closing), made from the data with only
/// what the commissioner needs, and sent only with the client's consent recorded for that kind.
enum ReportController {
    static func kind(_ request: Request) throws -> ReportKind {
        guard let kind = request.parameters.get("kind").flatMap(ReportKind.init(rawValue:)) else { throw Abort(.notFound) }
        return kind
    }

    // MARK: The list: consent, view, PDF, send

    static func list(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let file = try await ClientFile.load(try request.scopedClient, on: request)
        return try await render(request, actor: actor, file: file, errors: [])
    }

    static func render(_ request: Request, actor: PracticeActor, file: ClientFile, errors: [FieldError], status: HTTPStatus = .ok,
                       notice: String? = nil) async throws -> Response {
        let coaching = try await CoachingFile.load(file, on: request.db)
        let language = request.language
        let client = file.client
        let clientID = try client.requireID()
        let timeZone = request.application.configuration.timeZone
        let commissioner = try await file.trajectory.$commissioner.get(on: request.db)
        var blocks: [WorkBlock] = []
        for kind in ReportKind.allCases {
            let consent = coaching.consent(kind)
            var block = WorkBlock(id: "report-\(kind.rawValue)", heading: kind.title[language],
                                  facts: [KeyValue(key: request.t("reportRecipient"), value: commissioner?.name ?? request.t("reportNoCommissioner")),
                                          KeyValue(key: request.t("reportConsent"), value: consentText(consent, request, timeZone: timeZone))],
                                  links: [LinkView(url: SiteURL.clientReport(.value(clientID), .value(kind.rawValue)).path, label: request.t("reportView")),
                                          LinkView(url: SiteURL.clientReportPDF(.value(clientID), .value(kind.rawValue)).path, label: request.t("reportPDF"))])
            let sent = coaching.sendings.filter { $0.reportKind == kind.rawValue }
            if !sent.isEmpty {
                block.facts.append(KeyValue(key: request.t("reportSent"), value: sent.map {
                    PracticeOptions.dateTime($0.sentAt, timeZone: timeZone, language: language) + " (\($0.language))"
                }.joined(separator: "\n")))
            }
            block.forms = forms(request, actor: actor, client: client, kind: kind, consent: consent, errors: errors)
            blocks.append(block)
        }
        return try await WorkPage.render(request, actor: actor, file: file, titleKey: "reportsTitle", leadKey: "reportsLead",
                                         audit: "reports.viewed", blocks: blocks, errors: errors, status: status, notice: notice)
    }

    /// A report's two forms: the client's consent, and recording it as sent in a language.
    static func forms(_ request: Request, actor: PracticeActor, client: Client, kind: ReportKind, consent: ReportConsent?,
                      errors: [FieldError]) -> [FormView] {
        let consentField = ReportConsentForm.Field(kind).rawValue, sendField = ReportSendForm.Field(kind).rawValue
        return WorkPage.form(request, actor: actor, client: client, id: "consent-form-\(kind.rawValue)",
                                    url: .clientReportConsent(.value(client.id!), .value(kind.rawValue)), sections: [
            FormSectionView(legend: request.t("reportConsentRecord"), hint: request.t("reportConsentHint"), fields: [
                FormFieldView(id: consentField, label: request.t("reportConsentChoice"), value: consent.map { $0.given ? "yes" : "no" } ?? "",
                              error: errors.byField[consentField], kind: "select", optional: false, options: [
                                  ChoiceOption(value: "", label: request.t("chooseOne"), selected: consent == nil),
                                  ChoiceOption(value: "yes", label: request.t("reportConsentYes"), selected: consent?.given == true),
                                  ChoiceOption(value: "no", label: request.t("reportConsentNo"), selected: consent?.given == false),
                              ]),
            ]),
        ], submitKey: "save")
        + WorkPage.form(request, actor: actor, client: client, id: "send-form-\(kind.rawValue)",
                        url: .clientReportSend(.value(client.id!), .value(kind.rawValue)), sections: [
            FormSectionView(legend: request.t("reportSend"), hint: request.t("reportSendHint"), fields: [
                FormFieldView(id: sendField, label: request.t("reportLanguage"), value: request.language.rawValue,
                              error: errors.byField[sendField], kind: "select", optional: false,
                              options: Language.allCases.map { ChoiceOption(value: $0.rawValue, label: $0 == .nl ? "Nederlands" : "English", selected: $0 == request.language) }),
            ]),
        ], submitKey: "reportSendButton")
    }

    static func consentText(_ consent: ReportConsent?, _ request: Request, timeZone: TimeZone) -> String {
        guard let consent else { return request.t("reportConsentNotAsked") }
        return request.t(consent.given ? "reportConsentGiven" : "reportConsentRefused", [
            "date": PracticeOptions.dateTime(consent.recordedAt, timeZone: timeZone, language: request.language),
            "by": request.t(consent.byClient ? "reportConsentByClient" : "reportConsentByCoach"),
        ])
    }

    // MARK: The report itself

    static func make(_ request: Request, _ file: ClientFile, _ kind: ReportKind, language: Language) async throws -> (CommissionerReport, CoachingFile) {
        let coaching = try await CoachingFile.load(file, on: request.db)
        let facts = try await ReportFactsBuilder.facts(file, coaching, on: request)
        return (CommissionerReport(kind: kind, facts: facts, language: language), coaching)
    }

    static func context(_ request: Request, file: ClientFile, report: CommissionerReport, coaching: CoachingFile) throws -> ReportPageContext {
        let clientID = try file.client.requireID()
        let language = report.language
        let timeZone = request.application.configuration.timeZone
        return ReportPageContext(
            layout: Layout(request: request, title: report.title, current: .caseload), report: report,
            madeOn: request.application.strings.text("reportMadeOn", ["date": request.today.text(in: language)], language),
            consent: consentText(coaching.consent(report.kind), request, timeZone: timeZone),
            backURL: SiteURL.clientReports(.value(clientID)).path, backLabel: request.t("reportsTitle"),
            pdfURL: SiteURL.clientReportPDF(.value(clientID), .value(report.kind.rawValue)).path(query: [("lang", language.rawValue)]),
            printNote: request.t("reportPrintNote"))
    }

    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let file = try await ClientFile.load(try request.scopedClient, on: request)
        let kind = try kind(request)
        try await ClientAudit.read(request, actor, "report.viewed", client: file.client,
                                   details: ["trajectory": file.trajectoryID.uuidString, "kind": kind.rawValue])
        let (report, coaching) = try await make(request, file, kind, language: request.language)
        return try await request.page(.report, try context(request, file: file, report: report, coaching: coaching))
    }

    static func pdf(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let file = try await ClientFile.load(try request.scopedClient, on: request)
        let kind = try kind(request)
        try await ClientAudit.read(request, actor, "report.pdf", client: file.client,
                                   details: ["trajectory": file.trajectoryID.uuidString, "kind": kind.rawValue])
        let (report, coaching) = try await make(request, file, kind, language: request.language)
        let html = try await request.render(.reportPrint, try context(request, file: file, report: report, coaching: coaching))
        do {
            let data = try await request.application.pdfRenderer.pdf(html: String(buffer: html.data))
            let response = Response(status: .ok, body: .init(data: data))
            response.headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
            let name = "\(kind.rawValue)-\(request.today).pdf"
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        } catch PDFRendererError.unavailable(let package) {
            throw Abort(.serviceUnavailable, reason: request.t("reportPDFUnavailable", ["package": package]))
        } catch PDFRendererError.failed(let reason) {
            request.logger.error("PDF rendering failed: \(reason)")
            throw Abort(.internalServerError, reason: request.t("reportPDFFailed"))
        }
    }

    // MARK: Consent and sending

    static func consent(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: ReportConsentForm.self)
        var form = posted
        let kind = try kind(request)
        guard let given = form.validate(kind) else {
            return try await render(request, actor: actor, file: file, errors: form.posted.problems.fieldErrors(request), status: .unprocessableEntity)
        }
        try await ReportConsentRecorder.record(request, organisationID: actor.organisationID, trajectoryID: file.trajectoryID, client: client,
                                               kind: kind, given: given, by: actor.userID, auditActor: actor.user.auditName,
                                               byClient: false)
        return request.redirect(to: SiteURL.clientReports(.value(try client.requireID())).path + "#report-\(kind.rawValue)")
    }

    static func send(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: ReportSendForm.self)
        var form = posted
        let kind = try kind(request)
        let language = form.language(kind, otherwise: request.language)
        let commissionerID = file.trajectory.$commissioner.id
        var made: CommissionerReport?
        // Consent is checked again inside the transaction that records the sending.
        let canSend = try await form.validate(kind, hasCommissioner: commissionerID != nil) {
            let (report, coaching) = try await make(request, file, kind, language: language)
            made = report
            return coaching.consent(kind)?.given == true
        }
        guard canSend, let report = made else {
            return try await render(request, actor: actor, file: file, errors: form.posted.problems.fieldErrors(request), status: .unprocessableEntity)
        }
        try await recordSending(request, actor: actor, file: file, kind: kind, language: language, content: report.plainText)
        return request.redirect(to: SiteURL.clientReports(.value(try client.requireID())).path + "#report-\(kind.rawValue)")
    }

    /// Records the sending with its text and the text's hash, in one change that checks the consent again.
    static func recordSending(_ request: Request, actor: PracticeActor, file: ClientFile, kind: ReportKind, language: Language,
                              content: String) async throws {
        let client = file.client
        let trajectoryID = file.trajectoryID
        let commissionerID = file.trajectory.$commissioner.id
        let hash = SHA256.hash(data: Data(content.utf8)).map { String(format: "%02x", $0) }.joined()
        let now = request.clock.now()
        try await request.change { db in
            guard let consent = try await ReportConsent.query(on: db).filter(\.$organisationID == actor.organisationID)
                .filter(\.$trajectory.$id == trajectoryID).filter(\.$reportKind == kind.rawValue).first(), consent.given else {
                throw Abort(.conflict, reason: request.t("reportConsentRequired"))
            }
            let sending = ReportSending()
            sending.organisationID = actor.organisationID
            sending.$trajectory.id = trajectoryID
            sending.reportKind = kind.rawValue
            sending.language = language.rawValue
            sending.commissionerID = commissionerID
            sending.content = content
            sending.contentSHA256 = hash
            sending.sentAt = now
            sending.sentBy = actor.userID
            try await sending.create(on: db)
            try await ClientAudit.record(on: db, request, actor, "report.sent", client: client,
                                        details: ["trajectory": trajectoryID.uuidString, "kind": kind.rawValue, "sha256": hash,
                                                  "commissioner": commissionerID?.uuidString ?? ""])
        }
    }
}
