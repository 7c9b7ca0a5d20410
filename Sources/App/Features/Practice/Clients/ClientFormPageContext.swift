import Vapor

/// A client's record form (intake, employee profile): the form, and the way back to the client.
struct ClientFormPageContext: Encodable {
    var layout: Layout
    var heading: String
    var lead: String
    var clientName: String
    var clientURL: String
    var backLabel: String
    var form: FormView
    var notice: String?
    var errors: [FieldError]
    var hasErrors: Bool
}

extension ClientFormPageContext {
    /// The page of one of a client's records: `titleKey` names it, `formID` and `url` make the form,
    /// which is read-only for whoever may see but not work on the client (the team lead).
    static func render(_ request: Request, actor: PracticeActor, file: ClientFile, titleKey: String, leadKey: String,
                       formID: String, url: String, sections: [FormSectionView], errors: [FieldError],
                       status: HTTPStatus) async throws -> Response {
        let clientID = try file.client.requireID()
        let context = ClientFormPageContext(
            layout: Layout(request: request, title: "\(request.t(titleKey)): \(file.client.name)", current: .caseload),
            heading: request.t(titleKey), lead: request.t(leadKey),
            clientName: file.client.name, clientURL: SiteURL.client(.value(clientID)).path, backLabel: request.t("backToClient"),
            form: FormView(id: formID, url: url, csrfToken: request.csrfToken,
                           sections: sections, submitLabel: request.t("save"), readOnly: !actor.canWork(on: file.client)),
            notice: nil, errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(.clientForm, context, status: status)
    }
}
