import Fluent
import Foundation
import JobcoachCore
import Vapor

/// A complaint about a coach, as the coach sees it: what it is about, where it stands, the outcome,
/// and their own response until the register decides. Who made it stays with the office.
enum HolderComplaintController {
    static func page(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let complaint = try request.scope(HolderComplaintScope.self)
        _ = try await request.change { db in
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "complaint.viewed-by-holder",
                                                              subject: "certificate:\(complaint.$certificate.id.uuidString)",
                                                              details: ["complaint": try complaint.requireID().uuidString])
        }
        return try await request.page(.myComplaint, HolderComplaintContext(request: request, complaint: complaint, form: nil, problems: []))
    }

    static func respond(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let complaint = try request.scope(HolderComplaintScope.self)
        guard complaint.status.acceptsResponse else { throw Abort(.conflict, reason: request.t("complaintResponseClosed")) }
        var form = FormFields(try request.content.decode([String: String].self))
        let response = form.text("response", missing: "complaintResponseMissing", maxLength: 10_000)
        guard form.problems.isEmpty, let response else {
            return try await request.page(.myComplaint, HolderComplaintContext(request: request, complaint: complaint, form: form,
                                                                               problems: form.problems), status: .unprocessableEntity)
        }
        let complaintID = try complaint.requireID()
        try await request.change { db in
            complaint.response = response
            complaint.respondedAt = request.clock.now()
            try await complaint.update(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "complaint.responded",
                                                              subject: "certificate:\(complaint.$certificate.id.uuidString)",
                                                              details: ["complaint": complaintID.uuidString])
        }
        return request.redirect(to: SiteURL.myComplaint(.value(complaintID)).path + "?saved=1")
    }

    /// The complaints about the user's certificates, newest first, for their certificates page.
    static func complaints(about certificates: [Certificate], on db: any Database) async throws -> [Complaint] {
        try await Complaint.query(on: db).filter(\.$certificate.$id ~~ certificates.compactMap(\.id))
            .sort(\.$receivedOn, .descending).all()
    }
}

/// A complaint about one of the user's own certificates, or 404.
enum HolderComplaintScope: RequestScope {
    static func resolve(_ request: Request) async throws -> Complaint {
        let user = try request.auth.require(User.self)
        guard let id = request.parameters.get("complaint", as: UUID.self),
              let complaint = try await Complaint.query(on: request.db).filter(\.$id == id).with(\.$certificate).first(),
              try complaint.certificate.$holder.id == user.requireID() else { throw Abort(.notFound) }
        return complaint
    }
}
