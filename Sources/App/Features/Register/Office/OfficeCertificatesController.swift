import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The register office's list of certificates, optionally only those expiring soon.
enum OfficeCertificatesController {
    static func page(_ request: Request) async throws -> Response {
        let expiring = (try? request.query.get(String.self, at: "expiring")) == "1"
        let now = request.clock.now()
        var query = Certificate.query(on: request.db).sort(\.$validUntil)
        if expiring {
            query = query.filter(\.$standingName == CertificateStanding.active.rawValue).filter(\.$validUntil > now)
                .filter(\.$validUntil <= CertificateExpiry.expiringSoonCutoff(now: now))
        }
        let certificates = try await query.limit(1_000).all()
        return try await request.page(.officeCertificates, OfficeCertificatesContext(request: request, certificates: certificates, expiring: expiring))
    }

    static func certificate(_ request: Request) async throws -> Certificate {
        guard let id = request.parameters.get("certificate", as: UUID.self), let certificate = try await Certificate.find(id, on: request.db) else {
            throw Abort(.notFound)
        }
        return certificate
    }

    static func certificatePage(_ request: Request) async throws -> Response {
        try await render(request, try await certificate(request), values: [:], errors: [])
    }

    static func render(_ request: Request, _ certificate: Certificate, values: [String: String], errors: [FieldError],
                       status: HTTPStatus = .ok) async throws -> Response {
        let language = request.language
        let timeZone = request.application.configuration.timeZone
        let id = try certificate.requireID()
        var facts = [
            KeyValue(key: request.t("registerNumber"), value: certificate.registrationNumber),
            KeyValue(key: request.t("userName"), value: certificate.holderName),
            KeyValue(key: request.t("applicationProfile"), value: "\(certificate.frameworkID) \(certificate.frameworkVersion)"),
            KeyValue(key: request.t("registerValidUntil"), value: CalendarDate(certificate.validUntil, in: timeZone).text(in: language)),
            KeyValue(key: request.t("applicationStatus"), value: certificate.status(at: request.clock.now()).title[language]),
        ]
        if let reason = certificate.standingReason, certificate.standing != .active {
            facts.append(KeyValue(key: request.t("certificateStandingReason"), value: reason))
        }
        let history = try await AuditEventRow.query(on: request.db).filter(\.$subject == "certificate:\(id.uuidString)")
            .sort(\.$id).all()
        var blocks = [
            WorkBlock(id: "certificate", heading: request.t("certificateFacts"), facts: facts),
            WorkBlock(id: "history", heading: request.t("certificateHistory"), tables: [TableView(
                id: "history-table", caption: request.t("certificateHistoryCaption"),
                headers: [request.t("exportWhen"), request.t("exportWho"), request.t("exportWhat")],
                rows: history.map { [.init(text: $0.occurredAt), .init(text: $0.actor), .init(text: $0.action)] }, empty: "")]),
        ]
        if certificate.standing.canBecome(.active) {
            let make = FormFieldMaker(request: request, values: values, errors: errors.byField)
            blocks.insert(WorkBlock(id: "reinstate", heading: request.t("certificateReinstate"), text: request.t("certificateReinstateLead"), forms: [
                FormView(id: "reinstate-form", url: SiteURL.officeCertificateReinstate(.value(id)).path, csrfToken: request.csrfToken, sections: [
                    FormSectionView(legend: request.t("certificateReinstate"), fields: [
                        make.field("reason", labelKey: "certificateReinstateReason", hintKey: "certificateReinstateReasonHint", kind: "textarea", optional: false),
                    ]),
                ], submitLabel: request.t("certificateReinstateButton"), readOnly: false),
            ]), at: 1)
        }
        let context = WorkPageContext(
            layout: Layout(request: request, title: certificate.registrationNumber, current: .officeCertificates),
            heading: request.t("certificateTitle"), subtitle: certificate.registrationNumber, lead: "",
            backURL: SiteURL.officeCertificates.path, backLabel: request.t("officeCertificates"),
            notice: request.session.data["certificateNotice"].map { _ in request.t("certificateReinstated") },
            blocks: blocks, errors: errors, hasErrors: !errors.isEmpty)
        request.session.data["certificateNotice"] = nil
        return try await request.page(.work, context, status: status)
    }

    struct ReinstateForm: Content {
        var reason: String?
    }

    /// Lifts a suspension, with the reason: the certificate is valid again (until it expires), and the
    /// credential and the status list say so at once. A revoked certificate stays revoked.
    static func reinstate(_ request: Request) async throws -> Response {
        let officer = try request.auth.require(User.self)
        let certificate = try await certificate(request)
        guard certificate.standing.canBecome(.active) else { throw Abort(.conflict, reason: request.t("certificateCannotReinstate")) }
        let reason = (try request.content.decode(ReinstateForm.self).reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FieldError] = []
        if reason.isEmpty { errors.append(FieldError(field: "reason", message: request.t("certificateReinstateReasonMissing"))) }
        if reason.count > 2_000 { errors.append(FieldError(field: "reason", message: request.t("formTooLong"))) }
        guard errors.isEmpty else {
            return try await render(request, certificate, values: ["reason": reason], errors: errors, status: .unprocessableEntity)
        }
        let id = try certificate.requireID()
        try await request.change { db in
            certificate.standing = .active
            certificate.standingReason = nil
            try await certificate.update(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: officer.auditName, action: "certificate.reinstated",
                                                              subject: "certificate:\(id.uuidString)", details: ["reason": reason])
        }
        request.session.data["certificateNotice"] = "reinstated"
        return request.redirect(to: SiteURL.officeCertificate(.value(id)).path)
    }
}
