import Fluent
import Foundation
import JobcoachCore
import SQLKit

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
        // The valid certificates, read with SQLKit: tens of thousands of rows, a few columns each.
        struct Listed { var number: String; var holder: UUID; var name: String; var certificate: String }
        guard let sql = database as? any SQLDatabase else { return RegisterRecheckRun(checked: 0, rows: []) }
        let certificates = try await sql.select()
            .columns("registration_number", "user_id", "holder_name", "framework_id", "framework_version")
            .from(Certificate.schema)
            .where("standing", .equal, CertificateStanding.active.rawValue)
            .where("valid_from", .lessThanOrEqual, moment).where("valid_until", .greaterThan, moment)
            .orderBy("registration_number").all()
            .map { row in
                Listed(number: try row.decode(column: "registration_number", as: String.self), holder: try row.decode(column: "user_id", as: UUID.self),
                       name: try row.decode(column: "holder_name", as: String.self),
                       certificate: "\(try row.decode(column: "framework_id", as: String.self)) \(try row.decode(column: "framework_version", as: String.self))")
            }
        let portfolios = try await BulkPortfolioLoader.load(userIDs: Set(certificates.map(\.holder)), on: database, date: date)
        let entries = certificates.map { (holder: $0.number, portfolio: portfolios[$0.holder] ?? Portfolio()) }
        let byNumber = Dictionary(certificates.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let total = entries.count
        let findings = RegisterRecheck(engine: standard.eligibility(adding: try await RecognitionRow.added(on: database)))
            .run(version, portfolios: entries, on: date, progressInterval: 500) { progress($0, total) }
        let rows = findings.map { finding in
            let certificate = byNumber[finding.holder]
            return Row(registrationNumber: finding.holder, name: certificate?.name ?? "", certificate: certificate?.certificate ?? "",
                       reasons: finding.verdict.unmet.map { "\($0.title[language]): \($0.explanation[language])" })
        }
        return RegisterRecheckRun(checked: total, rows: rows)
    }

    /// RFC 4180 CSV with a header line.
    func csv() -> String {
        CSVText.document(header: ["registration_number", "name", "certificate", "reasons"],
                         rows: rows.map { [$0.registrationNumber, $0.name, $0.certificate, $0.reasons.joined(separator: "; ")] })
    }
}
