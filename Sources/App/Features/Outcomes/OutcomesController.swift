import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The outcomes page and its CSV: the viewer's figures for a year, drawn and tabled.
enum OutcomesController {
    static func page(_ request: Request) async throws -> Response {
        let viewer = try request.outcomeViewer
        let year = try OutcomesPage.year(request)
        let model = try await OutcomesPage.load(request, viewer: viewer, year: year)
        try await viewer.audit(request, "outcomes.viewed", details: ["year": String(year), "clients": String(model.measures.served)])
        var content = OutcomesContent(model: model, request: request)
        if viewer.user.role.may(.manageTariffs) {
            let commissioners = try await Commissioner.query(on: request.db).filter(\.$organisationID == viewer.organisationID).sort(\.$name).all()
            content.blocks.append(WorkBlock(id: "statements", heading: request.t("statementTitle"), text: request.t("statementLead"),
                                            links: try commissioners.map { commissioner in
                                                LinkView(url: SiteURL.commissionerStatement(.value(try commissioner.requireID())).path + "?year=\(year)",
                                                         label: commissioner.name)
                                            }))
        }
        let context = WorkPageContext(
            layout: Layout(request: request, title: request.t("outcomesTitle"), current: .outcomes),
            heading: request.t("outcomesTitle"), subtitle: String(year), lead: content.lead,
            backURL: SiteURL.home.path, backLabel: request.t("navHome"), notice: nil,
            blocks: content.blocks, errors: [], hasErrors: false)
        return try await request.page(.work, context)
    }

    static func csv(_ request: Request) async throws -> Response {
        let viewer = try request.outcomeViewer
        let year = try OutcomesPage.year(request)
        let model = try await OutcomesPage.load(request, viewer: viewer, year: year)
        try await viewer.audit(request, "outcomes.exported", details: ["year": String(year), "clients": String(model.measures.served)])
        let response = Response(status: .ok, body: .init(string: CSVText.document(header: ["section", "unit", "figure", "value"],
                                                                                   rows: OutcomesContent.csvRows(model))))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"outcomes-\(year).csv\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
