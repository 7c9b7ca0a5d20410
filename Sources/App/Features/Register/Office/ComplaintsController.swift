import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Complaints against registered coaches. An upheld complaint can suspend or revoke the certificate,
/// after which its credential verifies as such.
enum ComplaintsController {
    static func list(_ request: Request) async throws -> Response {
        try await renderList(request)
    }

    static func renderList(_ request: Request, form: FormFields? = nil, problems: [FormProblem] = [], status: HTTPStatus = .ok) async throws -> Response {
        let complaints = try await Complaint.query(on: request.db).with(\.$certificate).sort(\.$receivedOn, .descending).all()
        return try await request.page(.complaints, ComplaintsContext(request: request, complaints: complaints, form: form, problems: problems),
                                      status: status)
    }

    static func create(_ request: Request) async throws -> Response {
        let officer = try request.auth.require(User.self)
        var form = FormFields(try request.content.decode([String: String].self))
        let number = form.text("registrationNumber", missing: "complaintNumberMissing", maxLength: 40)
        let received = form.date("receivedOn", required: true)
        let summary = form.text("summary", missing: "complaintSummaryMissing", maxLength: 10_000)
        let complainant = form.text("complainantName", missing: "complaintComplainantMissing", maxLength: 200)
        let role: ComplainantRole? = form.choice("complainantRole", missing: "complaintRoleMissing")
        let contact = form.value("complainantContact")
        if contact.count > 200 { form.problem("complainantContact", "formTooLong") }
        var certificate: Certificate?
        if let number {
            certificate = try await Certificate.query(on: request.db).filter(\.$registrationNumber == number.uppercased()).first()
            if certificate == nil { form.problem("registrationNumber", "complaintNumberUnknown") }
        }
        if let received, received > request.today { form.problem("receivedOn", "cpdInFuture") }
        guard form.problems.isEmpty, let certificate, let received, let summary, let complainant, let role else {
            return try await renderList(request, form: form, problems: form.problems, status: .unprocessableEntity)
        }
        let complaint = try await request.change { db -> Complaint in
            let complaint = Complaint()
            complaint.$certificate.id = try certificate.requireID()
            complaint.receivedOn = received.description
            complaint.summary = summary
            complaint.status = .received
            complaint.recordedBy = try officer.requireID()
            complaint.complainantName = complainant
            complaint.complainantRole = role.rawValue
            complaint.complainantContact = contact
            try await complaint.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: officer.auditName, action: "complaint.recorded",
                                                              subject: "certificate:\(try certificate.requireID().uuidString)",
                                                              details: ["complaint": try complaint.requireID().uuidString])
            try await tellHolder(of: certificate, about: complaint, textKey: "mailComplaintReceived", on: db, app: request.application)
            return complaint
        }
        return request.redirect(to: SiteURL.officeComplaint(.value(try complaint.requireID())).path)
    }

    static func detail(_ request: Request) async throws -> Response {
        try await request.page(.complaint, ComplaintContext(request: request, complaint: try request.scope(ComplaintScope.self), problems: []))
    }

    static func update(_ request: Request) async throws -> Response {
        let officer = try request.auth.require(User.self)
        let complaint = try request.scope(ComplaintScope.self)
        var form = FormFields(try request.content.decode([String: String].self))
        let next = ComplaintStatus(rawValue: form.value("status"))
        if next == nil || !complaint.status.canMove(to: next!) { form.problem("status", "complaintMoveNotAllowed") }
        let outcome = form.value("outcome").isEmpty ? "none" : form.value("outcome")
        if !["none", "suspend", "revoke"].contains(outcome) { form.problem("outcome", "complaintOutcomeInvalid") }
        let reason = form.value("reason")
        if next == .upheld, outcome != "none", reason.isEmpty { form.problem("reason", "complaintReasonMissing") }
        if reason.count > 10_000 { form.problem("reason", "formTooLong") }
        guard form.problems.isEmpty, let next else {
            return try await request.page(.complaint, ComplaintContext(request: request, complaint: complaint, problems: form.problems),
                                          status: .unprocessableEntity)
        }
        let certificate = complaint.certificate
        let complaintID = try complaint.requireID()
        try await request.change { db in
            let audit = AuditTrail(clock: request.clock)
            complaint.status = next
            if next == .upheld {
                complaint.outcome = outcome
                complaint.outcomeReason = reason.isEmpty ? nil : reason
            }
            try await complaint.update(on: db)
            try await audit.record(on: db, chain: .register, actor: officer.auditName, action: "complaint.\(next.rawValue)",
                                   subject: "certificate:\(try certificate.requireID().uuidString)", details: ["complaint": complaintID.uuidString])
            if next == .upheld, outcome != "none", certificate.standing != .revoked {
                certificate.standing = outcome == "revoke" ? .revoked : .suspended
                certificate.standingReason = reason
                try await certificate.update(on: db)
                try await audit.record(on: db, chain: .register, actor: officer.auditName, action: outcome == "revoke" ? "certificate.revoked" : "certificate.suspended",
                                       subject: "certificate:\(try certificate.requireID().uuidString)", details: ["complaint": complaintID.uuidString])
            }
            if next.isDecided {
                try await tellHolder(of: certificate, about: complaint, textKey: "mailComplaintDecided", on: db, app: request.application)
            }
        }
        return request.redirect(to: SiteURL.officeComplaint(.value(complaintID)).path)
    }

    /// A mail to the certificate's holder that a complaint was received or decided. It says no more
    /// than that: the complaint, its outcome and the way to respond are on their page.
    static func tellHolder(of certificate: Certificate, about complaint: Complaint, textKey: String, on db: any Database,
                           app: Application) async throws {
        guard let holder = try await User.find(certificate.$holder.id, on: db) else { return }
        let language = holder.language
        let values = ["number": certificate.registrationNumber]
        let content = MailContent(
            subject: app.strings.text("mailComplaintSubject", values, language),
            paragraphs: [app.strings.text("mailGreeting", ["name": holder.displayName], language),
                         app.strings.text(textKey, values, language)],
            link: (app.strings.text("mailComplaintButton", language),
                   app.configuration.publicURL + SiteURL.myComplaint(.value(try complaint.requireID())).path),
            language: language)
        try await Outbox.enqueue(content, to: holder.email, kind: .complaint, on: db, app: app)
    }
}
