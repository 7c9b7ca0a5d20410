@testable import App
import Crypto
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// Files in a client's file: checked type and size, stored by SHA-256, listed on the client's page,
    /// each download audited, in the export, and erased by the purge.
    @Suite struct AttachmentTests {
        /// A small PDF; each test has its own bytes, since tests share the evidence folder and a purge
        /// deletes what no record names.
        static func pdf(_ test: String = #function) -> Data {
            Data("%PDF-1.4\n% \(test)\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
        }

        static func add(_ browser: TestBrowser, _ path: String, kind: String = "agreement", title: String = "",
                        name: String = "plan.pdf", type: String = "application/pdf", data: Data? = nil, test: String = #function) async throws -> TestingHTTPResponse {
            try await browser.submitMultipart(path + "/attachments", to: path + "/attachments", form: ["kind": kind, "title": title],
                                              file: (name, type, data ?? pdf(test)), fileField: "file")
        }

        @Test func aCoachAddsAFileThatIsListedStoredByItsHashAndDownloadedWithAnAuditEntry() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let path = try await coach.newClient("Sanne Bakker")
                let added = try await Self.add(coach, path, title: "Begeleidingsplan, getekend")
                #expect(added.status == .seeOther)
                let attachment = try #require(try await ClientAttachment.query(on: app.db).first())
                let hash = SHA256.hash(data: Self.pdf()).map { String(format: "%02x", $0) }.joined()
                #expect(attachment.sha256 == hash && attachment.contentType == "application/pdf" && attachment.size == Self.pdf().count)
                #expect(try app.evidence.read(sha256: hash) == Self.pdf())
                let page = try await coach.get(path).body.string
                #expect(page.contains("Begeleidingsplan, getekend") && page.contains("Ondertekende afspraken"))
                let link = "\(path)/attachments/\(attachment.id!.uuidString)"
                #expect(page.contains("href=\"\(link)\""))
                let download = try await coach.get(link)
                #expect(download.status == .ok)
                #expect(Data(download.body.readableBytesView) == Self.pdf())
                #expect(download.headers.contentType?.description == "application/pdf")
                #expect(download.headers.first(name: .contentDisposition) == "attachment; filename=\"plan.pdf\"")
                let actions = try await app.auditActions()
                #expect(actions.contains("attachment.added") && actions.contains("attachment.downloaded"))
                #expect(try await app.auditIsIntact())
            }
        }

        @Test func aFileOfAnotherTypeTooLargeOrWithoutAKindIsRefusedNamingTheField() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let path = try await coach.newClient("Sanne Bakker")
                let text = try await Self.add(coach, path, name: "notes.pdf", data: Data("just text pretending to be a PDF".utf8))
                #expect(text.status == .unprocessableEntity)
                #expect(text.body.string.contains("href=\"#file\"") && text.body.string.contains("geen PDF, JPG of PNG"))
                var large = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
                large.append(Data(count: 10 * 1024 * 1024))
                let tooLarge = try await Self.add(coach, path, kind: "workplace-photo", name: "big.png", type: "image/png", data: large)
                #expect(tooLarge.status == .unprocessableEntity)
                #expect(tooLarge.body.string.contains("groter dan 10 MB"))
                let noKind = try await Self.add(coach, path, kind: "diary")
                #expect(noKind.status == .unprocessableEntity && noKind.body.string.contains("href=\"#kind\""))
                #expect(try await ClientAttachment.query(on: app.db).count() == 0)
                let photo = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(count: 64)
                #expect(try await Self.add(coach, path, kind: "workplace-photo", name: "werkplek.jpg", type: "image/jpeg", data: photo).status == .seeOther)
                #expect(try await ClientAttachment.query(on: app.db).first()?.contentType == "image/jpeg")
            }
        }

        @Test func theTeamLeadDownloadsButDoesNotAddAndAnotherCoachFindsNothing() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (_, lead) = try await app.member("lead@example.org", role: .teamLead, of: agency, team: agency.north)
                let (_, other) = try await app.member("other@example.org", of: agency, team: agency.south)
                let path = try await coach.newClient("Sanne Bakker")
                try await Self.add(coach, path)
                let attachment = try #require(try await ClientAttachment.query(on: app.db).first())
                let link = "\(path)/attachments/\(attachment.id!.uuidString)"
                #expect(try await lead.get(link).status == .ok)
                let leadPage = try await lead.get(path + "/attachments").body.string
                #expect(!leadPage.contains("attachment-form"), "the team lead sees no form")
                #expect(try await lead.submitMultipart(path, to: path + "/attachments", form: ["kind": "other"],
                                                       file: ("x.pdf", "application/pdf", Self.pdf()), fileField: "file").status == .forbidden)
                #expect(try await other.get(path + "/attachments").status == .notFound)
                #expect(try await other.get(link).status == .notFound)
                #expect(try await coach.get("\(path)/attachments/\(UUID().uuidString)").status == .notFound)
                #expect(try await ClientAttachment.query(on: app.db).count() == 1)
            }
        }

        @Test func theExportHoldsTheFileAndThePurgeErasesIt() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let path = try await coach.newClient("Sanne Bakker")
                let keptPath = try await coach.newClient("Noah de Wit")
                let photo = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data("the same photo for both, \(UUID())".utf8)
                try await Self.add(coach, path, title: "Afspraken")
                try await Self.add(coach, path, kind: "workplace-photo", name: "werkplek.jpg", type: "image/jpeg", data: photo)
                try await Self.add(coach, keptPath, kind: "workplace-photo", name: "werkplek.jpg", type: "image/jpeg", data: photo)

                let export = try await coach.get(path + "/export.json")
                let json = try JSONSerialization.jsonObject(with: Data(export.body.readableBytesView)) as! [String: Any]
                let files = json["attachmentFiles"] as! [[String: Any]]
                #expect(files.count == 2)
                #expect(files.contains { ($0["contentBase64"] as? String) == Self.pdf().base64EncodedString() })
                let trajectories = json["trajectories"] as! [[String: Any]]
                #expect((trajectories[0]["attachments"] as! [[String: Any]]).map { $0["title"] as! String }.contains("Afspraken"))

                let client = try await app.clientRecord(named: "Sanne Bakker")
                let trajectory = try await app.trajectory(of: client)
                trajectory.phase = .ended
                trajectory.endedAt = app.clock.now().addingTimeInterval(-3 * 365 * 86_400)
                try await trajectory.update(on: app.db)
                let done = try await PrivacyPurge(application: app).run(execute: true) { _, _ in }
                #expect(done.clientsErased == 1)
                let left = try await ClientAttachment.query(on: app.db).all()
                #expect(left.count == 1, "only Noah's photo is left")
                let pdfHash = SHA256.hash(data: Self.pdf()).map { String(format: "%02x", $0) }.joined()
                #expect(throws: (any Error).self) { try app.evidence.read(sha256: pdfHash) }
                #expect(try app.evidence.read(sha256: left[0].sha256) == photo, "the same bytes in another file stay")
            }
        }
    }
}
