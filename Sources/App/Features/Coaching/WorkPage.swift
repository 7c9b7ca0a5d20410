import Foundation
import JobcoachCore
import Vapor

/// The shared frame of a client's work pages: every showing is an audited read, forms are read-only
/// for whoever only sees the client (the team lead), and problems become field errors.
enum WorkPage {
    static func render(_ request: Request, actor: PracticeActor, file: ClientFile, titleKey: String, leadKey: String,
                       audit action: String, blocks: [WorkBlock], errors: [FieldError], status: HTTPStatus,
                       notice: String? = nil) async throws -> Response {
        try await ClientAudit.read(request, actor, action, client: file.client, details: ["trajectory": file.trajectoryID.uuidString])
        let context = WorkPageContext(
            layout: Layout(request: request, title: "\(request.t(titleKey)): \(file.client.name)", current: .caseload),
            heading: request.t(titleKey), subtitle: file.client.name, lead: request.t(leadKey),
            backURL: SiteURL.client(.value(try file.client.requireID())).path,
            backLabel: "\(request.t("backToClient")): \(file.client.name)",
            notice: notice, blocks: blocks, errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.work, context, status: status)
    }

    static func form(_ request: Request, actor: PracticeActor, client: Client, id: String, url: SiteURL,
                     sections: [FormSectionView], submitKey: String, hidden: [KeyValue] = []) -> [FormView] {
        // A form nobody may use is not shown at all; the records above it say what is there.
        guard actor.canWork(on: client) else { return [] }
        return [FormView(id: id, url: url.path, csrfToken: request.csrfToken, sections: sections,
                         submitLabel: request.t(submitKey), readOnly: false, hidden: hidden)]
    }

    static func errors(_ request: Request, _ problems: [FormProblem]) -> [FieldError] {
        problems.fieldErrors(request)
    }

    static func date(_ text: String, _ language: Language) -> String {
        CalendarDate(text)?.text(in: language) ?? text
    }

    static func yesNo(_ value: Bool, _ request: Request) -> String { request.t(value ? "yes" : "no") }

    static func hours(_ minutes: Int, _ language: Language) -> String {
        NumberText.format(CoachingDuration.roundedToQuarterHour(Double(minutes) / 60), in: language)
    }
}

/// A client's work page (plan, support, fading, closing): a model that loads, and blocks that
/// show it. `WorkPage.open` and `WorkPage.show` render any of them the same way.
protocol ClientWorkPage {
    associatedtype Model: WorkPageModel
    associatedtype Content: WorkPageContent where Content.Model == Model
    static var titleKey: String { get }
    static var leadKey: String { get }
    /// The audit action of showing the page: every showing is a read.
    static var auditAction: String { get }
}

/// What a work page loads for a client's file.
protocol WorkPageModel: Sendable {
    static func load(_ file: ClientFile, _ input: WorkPageInput) async throws -> Self
}

/// What a work page is shown for besides its model: the request, who looks, the client, and a form
/// being shown again with its problems.
struct WorkPageInput {
    let request: Request
    let actor: PracticeActor
    let client: Client
    let values: [String: String]
    let errors: [FieldError]
}

/// A work page's blocks, made from its model and input; the extension gives every content the
/// parts it reads from its input.
protocol WorkPageContent {
    associatedtype Model
    init(model: Model, input: WorkPageInput)
    var input: WorkPageInput { get }
    var blocks: [WorkBlock] { get throws }
}

extension WorkPageContent {
    var request: Request { input.request }
    var actor: PracticeActor { input.actor }
    var values: [String: String] { input.values }
    var errors: [FieldError] { input.errors }
    var language: Language { input.request.language }
    var clientID: UUID { input.client.id! }
    /// Fields for the form being shown again.
    var make: FormFieldMaker { FormFieldMaker(request: request, values: values, errors: errors.byField) }

    /// A form of the page, shown only to whoever works on the client.
    func form(_ id: String, _ url: SiteURL, _ sections: [FormSectionView], submitKey: String, hidden: [KeyValue] = []) -> [FormView] {
        WorkPage.form(request, actor: actor, client: input.client, id: id, url: url, sections: sections, submitKey: submitKey, hidden: hidden)
    }
}

extension WorkPage {
    /// The work page of the client in the path.
    static func open<Page: ClientWorkPage>(_ page: Page.Type, _ request: Request) async throws -> Response {
        try await show(page, request, file: try await ClientFile.load(try request.scopedClient, on: request))
    }

    /// A work page for a client's file, with a form shown again when a change was refused.
    static func show<Page: ClientWorkPage>(_: Page.Type, _ request: Request, file: ClientFile, values: [String: String] = [:],
                                           errors: [FieldError] = [], status: HTTPStatus = .ok) async throws -> Response {
        let actor = try request.practiceActor
        let input = WorkPageInput(request: request, actor: actor, client: file.client, values: values, errors: errors)
        let model = try await Page.Model.load(file, input)
        return try await render(request, actor: actor, file: file, titleKey: Page.titleKey, leadKey: Page.leadKey,
                                audit: Page.auditAction, blocks: try Page.Content(model: model, input: input).blocks,
                                errors: errors, status: status)
    }
}
