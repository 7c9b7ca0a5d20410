import JobcoachCore
import Vapor

/// The audit trail, newest first, of all chains or one, with the result of checking when asked.
struct AdminAuditContext: Encodable {
    struct Row: Encodable {
        var position: Int64
        var chain: String
        /// The entry's number in its chain, or that it waits for its seal.
        var sequence: String
        var occurredAt: String
        var actor: String
        var action: String
        var subject: String
        var details: String
        var hash: String
    }

    struct ChainOption: Encodable {
        var value: String
        var selected: Bool
    }

    struct ChainResult: Encodable {
        var chain: String
        var intact: Bool
        var message: String
    }

    var layout: Layout
    var rows: [Row]
    var chains: [ChainOption]
    var formURL: String
    var olderURL: String?
    var verifyURL: String
    var verified: Bool
    var intact: Bool
    var results: [ChainResult]

    init(request: Request, entries: [AuditListing.Entry], chains: [AuditChainID], chain: AuditChainID?, olderThan: Int64?,
         verification: [AuditChainReport]?) {
        layout = Layout(request: request, title: request.t("auditTitle"), current: .adminAudit)
        let waiting = request.t("auditWaiting")
        rows = entries.map {
            Row(position: $0.position, chain: $0.chain, sequence: $0.sequence.map(String.init) ?? waiting, occurredAt: $0.occurredAt,
                actor: $0.actor, action: $0.action, subject: $0.subject, details: $0.details, hash: String(($0.hash ?? "").prefix(12)))
        }
        self.chains = chains.map { ChainOption(value: $0.rawValue, selected: $0 == chain) }
        formURL = SiteURL.adminAudit.path
        let chainQuery = chain.map { [("chain", $0.rawValue)] } ?? []
        olderURL = olderThan.map { SiteURL.adminAudit.path(query: chainQuery + [("before", String($0))]) }
        verifyURL = SiteURL.adminAudit.path(query: chainQuery + [("verify", "1")])
        verified = verification != nil
        intact = verification?.allSatisfy(\.intact) ?? true
        results = (verification ?? []).map { report in
            ChainResult(chain: report.chain.rawValue, intact: report.intact, message: AuditReportText.describe(report) { request.t($0, $1) })
        }
    }
}

/// One chain's result in words, for the page and the command line.
enum AuditReportText {
    static func describe(_ report: AuditChainReport, _ t: (String, [String: String]) -> String) -> String {
        var parts: [String] = []
        if let broken = report.broken {
            parts.append(t("auditBroken", ["sequence": String(broken.sequence)]) + " " + broken.reason)
        } else {
            parts.append(t("auditIntact", ["count": String(report.checked)]))
        }
        if report.unsealed > 0 {
            parts.append(t("auditUnsealed", ["count": String(report.unsealed), "overdue": String(report.overdue)]))
        }
        if report.checkpointsHeld > 0 { parts.append(t("auditCheckpointsHeld", ["count": String(report.checkpointsHeld)])) }
        parts.append(contentsOf: report.problems)
        return parts.joined(separator: " ")
    }
}
