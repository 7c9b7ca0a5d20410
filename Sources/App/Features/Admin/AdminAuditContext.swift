import JobcoachCore
import Vapor

/// The audit trail, newest first, with the result of checking the chain when asked.
struct AdminAuditContext: Encodable {
    struct Row: Encodable {
        var sequence: Int64
        var occurredAt: String
        var actor: String
        var action: String
        var subject: String
        var details: String
        var hash: String
    }

    var layout: Layout
    var rows: [Row]
    var olderURL: String?
    var verifyURL: String
    var verified: Bool
    var intact: Bool
    var verifyMessage: String

    init(request: Request, entries: [AuditEntry], olderThan: Int64?, verification: (checked: Int64, break: AuditChainBreak?)?) {
        layout = Layout(request: request, title: request.t("auditTitle"), current: .adminAudit)
        rows = entries.map {
            Row(sequence: $0.sequence, occurredAt: $0.occurredAt, actor: $0.actor, action: $0.action,
                subject: $0.subject, details: $0.details, hash: String($0.hash.prefix(12)))
        }
        olderURL = olderThan.map { SiteURL.adminAudit.path(query: [("before", String($0))]) }
        verifyURL = SiteURL.adminAudit.path(query: [("verify", "1")])
        verified = verification != nil
        intact = verification?.break == nil
        if let verification {
            if let broken = verification.break {
                verifyMessage = request.t("auditBroken", ["sequence": String(broken.sequence)])
                    + " " + broken.reason
            } else {
                verifyMessage = request.t("auditIntact", ["count": String(verification.checked)])
            }
        } else {
            verifyMessage = ""
        }
    }
}
