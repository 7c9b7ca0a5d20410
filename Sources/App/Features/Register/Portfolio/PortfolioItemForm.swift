import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The fields of each kind of portfolio item, read and checked, and the evidence file that may come
/// with them.
enum PortfolioItemForm {
    /// Writes the checked item (with its evidence's id) into the portfolio; returns the new row's id.
    typealias Write = @Sendable (CoachPortfolio, UUID?, any Database) async throws -> String

    /// An uploaded evidence file, checked by its content.
    struct Evidence: Sendable {
        let data: Data
        let type: String
        let name: String
    }

    static func evidence(_ file: File?, kind: PortfolioItemKind, _ form: inout FormFields) -> Evidence? {
        guard let file, !file.filename.isEmpty || file.data.readableBytes > 0 else { return nil }
        let data = Data(buffer: file.data)
        switch EvidenceUpload.contentType(of: data) {
        case .success(let type): return Evidence(data: data, type: type, name: EvidenceUpload.safeName(file.filename))
        case .failure(let problem):
            form.problem("\(kind.rawValue)-evidence", problem.key)
            return nil
        }
    }

    static func storeEvidence(_ file: Evidence, hash: String, of portfolio: CoachPortfolio, on db: any Database) async throws -> UUID? {
        let row = EvidenceFile()
        row.$portfolio.id = try portfolio.requireID()
        row.sha256 = hash
        row.filename = file.name
        row.contentType = file.type
        row.size = file.data.count
        try await row.create(on: db)
        return row.id
    }

    /// Reads the fields of `kind` (problems go into the form) and returns how to write the item.
    static func read(_ kind: PortfolioItemKind, _ form: inout FormFields, levels: QualificationLevelCatalog) -> Write {
        switch kind {
        case .education:
            let title = form.text("education-title", missing: "portfolioTitleMissing")
            let level = LevelOptionGroup.reference(form.value("education-level"), in: levels)
            if level == nil { form.problem("education-level", "formLevelMissing") }
            let evidenceKind = EducationEvidenceKind(rawValue: form.value("education-kind"))
            if evidenceKind == nil { form.problem("education-kind", "portfolioKindMissing") }
            let day = form.date("education-date", required: true)
            return { portfolio, evidenceID, db in
                let row = PortfolioEducation()
                row.$portfolio.id = try portfolio.requireID()
                row.title = title ?? ""
                row.kind = evidenceKind?.rawValue ?? ""
                row.levelFramework = level?.framework.rawValue ?? ""
                row.levelCode = level?.level ?? ""
                row.completedOn = day?.description ?? ""
                row.$evidence.id = evidenceID
                try await row.create(on: db)
                return try row.requireID().uuidString
            }
        case .diplomas:
            let provider = form.text("diplomas-provider", missing: "formProviderMissing", maxLength: 200)
            let day = form.date("diplomas-date", required: true)
            return { portfolio, evidenceID, db in
                let row = PortfolioDiploma()
                row.$portfolio.id = try portfolio.requireID()
                row.provider = provider ?? ""
                row.completedOn = day?.description ?? ""
                row.$evidence.id = evidenceID
                try await row.create(on: db)
                return try row.requireID().uuidString
            }
        case .courses:
            let title = form.text("courses-title", missing: "portfolioTitleMissing")
            let hours = form.amount("courses-hours"), ects = form.amount("courses-ects")
            if form.isEmpty(["courses-hours", "courses-ects"]) { form.problem("courses-hours", "formCourseAmountMissing") }
            let day = form.date("courses-date", required: true)
            return { portfolio, evidenceID, db in
                let row = PortfolioCourse()
                row.$portfolio.id = try portfolio.requireID()
                row.title = title ?? ""
                row.hours = hours
                row.ects = ects
                row.completedOn = day?.description ?? ""
                row.$evidence.id = evidenceID
                try await row.create(on: db)
                return try row.requireID().uuidString
            }
        case .experience:
            let organisation = form.text("experience-organisation", missing: "portfolioOrganisationMissing", maxLength: 200)
            let description = form.value("experience-description")
            let start = form.date("experience-start", required: true)
            let end = form.date("experience-end", required: false)
            let hours = form.amount("experience-hours")
            if form.value("experience-hours").isEmpty { form.problem("experience-hours", "portfolioHoursMissing") }
            if let start, let end, end < start { form.problem("experience-end", "portfolioEndBeforeStart") }
            return { portfolio, _, db in
                let row = PortfolioExperience()
                row.$portfolio.id = try portfolio.requireID()
                row.organisation = organisation ?? ""
                row.description = description
                row.startedOn = start?.description ?? ""
                row.endedOn = end?.description
                row.hours = hours ?? 0
                try await row.create(on: db)
                return try row.requireID().uuidString
            }
        }
    }
}
