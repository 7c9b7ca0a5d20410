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
