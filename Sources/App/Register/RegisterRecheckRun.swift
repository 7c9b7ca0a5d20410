import Fluent
import Foundation
import JobcoachCore

/// A re-check of every valid certificate's holder against a framework version: who would no longer
/// meet it and why. Shared by the officer's page and `jobcoach register recheck`.
struct RegisterRecheckRun: Sendable {
    struct Row: Sendable {
        var registrationNumber: String
        var name: String
        var certificate: String
        var reasons: [String]
    }

    var checked: Int
    var rows: [Row]

    static func run(version: FrameworkVersion, standard: ProfessionalStandard, on database: any Database, at moment: Date,
                    date: CalendarDate, language: Language, progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> RegisterRecheckRun {
        let certificates = try await Certificate.query(on: database)
            .filter(\.$standingName == CertificateStanding.active.rawValue)
            .filter(\.$validFrom <= moment).filter(\.$validUntil > moment)
            .sort(\.$registrationNumber).all()
        let portfolios = try await BulkPortfolioLoader.load(userIDs: Set(certificates.map { $0.$holder.id }), on: database, date: date)
        let entries = certificates.map { (holder: $0.registrationNumber, portfolio: portfolios[$0.$holder.id] ?? Portfolio()) }
        let byNumber = Dictionary(certificates.map { ($0.registrationNumber, $0) }, uniquingKeysWith: { first, _ in first })
        let total = entries.count
        let findings = RegisterRecheck(engine: EligibilityEngine(levels: standard.levels))
            .run(version, portfolios: entries, on: date, progressInterval: 500) { progress($0, total) }
        let rows = findings.map { finding in
            let certificate = byNumber[finding.holder]
            return Row(registrationNumber: finding.holder, name: certificate?.holderName ?? "",
                       certificate: certificate.map { "\($0.frameworkID) \($0.frameworkVersion)" } ?? "",
                       reasons: finding.verdict.unmet.map { "\($0.title[language]): \($0.explanation[language])" })
        }
        return RegisterRecheckRun(checked: total, rows: rows)
    }

    /// RFC 4180 CSV with a header line.
    func csv() -> String {
        func field(_ text: String) -> String {
            text.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let lines = rows.map { [$0.registrationNumber, $0.name, $0.certificate, $0.reasons.joined(separator: "; ")].map(field).joined(separator: ",") }
        return (["registration_number,name,certificate,reasons"] + lines).joined(separator: "\r\n") + "\r\n"
    }
}
