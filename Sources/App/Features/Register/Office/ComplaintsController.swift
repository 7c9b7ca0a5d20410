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
        var certificate: Certificate?
        if let number {
            certificate = try await Certificate.query(on: request.db).filter(\.$registrationNumber == number.uppercased()).first()
            if certificate == nil { form.problem("registrationNumber", "complaintNumberUnknown") }
        }
        if let received, received > request.today { form.problem("receivedOn", "cpdInFuture") }
        guard form.problems.isEmpty, let certificate, let received, let summary else {
            return try await renderList(request, form: form, problems: form.problems, status: .unprocessableEntity)
        }
        let complaint = try await request.change { db -> Complaint in
            let complaint = Complaint()
            complaint.$certificate.id = try certificate.requireID()
            complaint.receivedOn = received.description
            complaint.summary = summary
            complaint.status = .received
            complaint.recordedBy = try officer.requireID()
            try await complaint.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, actor: officer.auditName, action: "complaint.recorded",
                                                              subject: "certificate:\(try certificate.requireID().uuidString)",
                                                              details: ["complaint": try complaint.requireID().uuidString])
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
            try await audit.record(on: db, actor: officer.auditName, action: "complaint.\(next.rawValue)",
                                   subject: "certificate:\(try certificate.requireID().uuidString)", details: ["complaint": complaintID.uuidString])
            if next == .upheld, outcome != "none", certificate.standing != .revoked {
                certificate.standing = outcome == "revoke" ? .revoked : .suspended
                certificate.standingReason = reason
                try await certificate.update(on: db)
                try await audit.record(on: db, actor: officer.auditName, action: outcome == "revoke" ? "certificate.revoked" : "certificate.suspended",
                                       subject: "certificate:\(try certificate.requireID().uuidString)", details: ["complaint": complaintID.uuidString])
            }
        }
        return request.redirect(to: SiteURL.officeComplaint(.value(complaintID)).path)
    }
}
