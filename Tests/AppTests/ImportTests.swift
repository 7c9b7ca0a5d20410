@testable import App
import Fluent
import Foundation
import JobcoachCore
import Testing
import Vapor
import VaporTesting

extension AppTests {
    /// Starting with an agency's own data: a CSV file is checked (every problem by line and column,
    /// nothing written), then imported all at once, audited, by the user who uploaded it only.
    @Suite struct ImportTests {
        static func upload(_ browser: TestBrowser, kind: String, name: String = "import.csv", _ data: Data) async throws -> TestingHTTPResponse {
            try await browser.submitMultipart("/import", to: "/import", form: ["kind": kind], file: (name, "text/csv", data), fileField: "file")
        }

        static func run(_ app: Application, _ location: String?) async throws -> ImportRun {
            let id = UUID(uuidString: String((location ?? "").dropFirst("/import/".count)))!
            return try await ImportRun.find(id, on: app.db)!
        }

        /// Starts the import from the run's page and waits for the background job to end.
        static func execute(_ app: Application, _ browser: TestBrowser, _ run: ImportRun) async throws -> ImportRun {
            let path = "/import/\(run.id!.uuidString)"
            let response = try await browser.submit(path, to: path + "/execute", form: [:])
            #expect(response.status == .seeOther)
            await app.importJobs.wait(run.id!)
            return try await ImportRun.find(run.id!, on: app.db)!
        }

        static func commissioner(_ app: Application, _ agency: TestAgency, _ name: String) async throws {
            let commissioner = Commissioner()
            commissioner.organisationID = agency.id
            commissioner.name = name
            commissioner.kind = CommissionerKind.municipality.rawValue
            commissioner.contactName = ""
            commissioner.contactEmail = ""
            commissioner.contactPhone = ""
            try await commissioner.create(on: app.db)
        }

        @Test func aFileFullOfProblemsIsListedByLineAndColumnAndNothingIsWritten() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                _ = try await coach.newClient("Bestaande Cliënt", extra: ["dateOfBirth": "1990-01-01"])
                let before = try await App.Client.query(on: app.db).count()
                let file = """
                    Naam;Geboortedatum;E-mail;Woonplaats;Jobcoach;Opdrachtgever;Fase;Gestart op;Cliëntnummer
                    Anouk de Vries;31-02-1998;anouk@example.org;Utrecht;;;Intake;;K-1
                    ;1-1-1990;geen-adres;Nergenshuizen;iemand@elders.org;Onbekend;bijna klaar;1-1-2099;K-1
                    Bestaande Cliënt;1-1-1990;;Utrecht;;;;;K-3
                    Sem Bakker;1-1-1991;;Utrecht;;;Beëindigd;;K-4;te veel

                    """
                let response = try await Self.upload(coach, kind: "clients", Data(file.utf8))
                #expect(response.status == .seeOther)
                let run = try await Self.run(app, response.location)
                #expect(run.status == .refused)
                #expect(run.content == nil, "a refused file is not kept")
                let page = try await coach.get(response.location!)
                #expect(page.status == .ok)
                let html = page.body.string
                for expected in [
                    "B (Geboortedatum)", "Dit is geen datum.",
                    "A (Naam)", "Vul de naam van de cliënt in.", "C (E-mail)", "D (Woonplaats)", "E (Jobcoach)", "U kunt alleen cliënten voor uzelf importeren.",
                    "F (Opdrachtgever)", "Deze opdrachtgever staat niet bij Opdrachtgevers.", "G (Fase)", "Deze fase kennen we niet.",
                    "H (Gestart op)", "Deze datum ligt in de toekomst.", "I (Cliëntnummer)", "Regel 2 heeft hetzelfde cliëntnummer.",
                    "U heeft al een cliënt met deze naam en geboortedatum.",
                    "Deze regel heeft 10 velden, de eerste regel maar 9.",
                ] {
                    #expect(html.contains(expected), "\(expected)")
                }
                #expect(!html.contains("execute-form"), "nothing to import")
                #expect(run.problemCount == 11, "one on line 2, eight on line 3, one each on lines 4 and 5")
                #expect(try await App.Client.query(on: app.db).count() == before, "a dry run writes nothing")
                #expect(try await AuditEventRow.query(on: app.db).filter(\.$action == "import.checked").count() == 1)
            }
        }

        @Test func aCleanFileIsImportedAllAtOnceWithPhasesCoachesAndAudit() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (lead, browser) = try await app.member("lead@example.org", role: .teamLead, of: agency, team: agency.north)
                let (coach, _) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let (_, elsewhere) = try await app.member("south@example.org", of: agency, team: agency.south)
                try await Self.commissioner(app, agency, "Gemeente Utrecht")
                // As Excel on Windows saves it: Windows-1252, semicolons, Dutch headers and dates.
                let text = "Cliëntnummer;Naam *;Geboortedatum;Jobcoach;Opdrachtgever;Fase;Gestart op;Woonplaats\r\n"
                    + "W-1;Zoë Müller;03-04-1998;coach@example.org;Gemeente Utrecht;Begeleiding op de werkplek;01-09-2026;Utrecht\r\n"
                    + "W-2;Daan Smit;1999-12-31;;;;;Utrecht\r\n"
                    + "W-3;Iris Jansen;;COACH@example.org;;2;;\r\n"
                let data = Data(text.unicodeScalars.map { UInt8($0.value) })
                let response = try await Self.upload(browser, kind: "clients", name: "caseload.csv", data)
                let checked = try await Self.run(app, response.location)
                #expect(checked.status == .ready, "\(checked.problemsJSON)")
                let page = try await browser.get(response.location!).body.string
                #expect(page.contains("te importeren: 3 cliënten"))
                #expect(page.contains("3 cliënten importeren"))
                #expect(try await App.Client.query(on: app.db).count() == 0, "nothing before the import")

                // Another user, even of the same agency, does not see the run.
                #expect(try await elsewhere.get(response.location!).status == .notFound)
                #expect(try await elsewhere.get(response.location! + "/progress").status == .notFound)
                let foreign = try await elsewhere.submit("/import", to: response.location! + "/execute", form: [:])
                #expect(foreign.status == .notFound)

                let done = try await Self.execute(app, browser, checked)
                #expect(done.status == .done)
                #expect(done.createdCount == 3)
                #expect(done.content == nil, "the file is not kept after the import")
                let clients = try await App.Client.query(on: app.db).sort(\.$reference).all()
                #expect(clients.map(\.name) == ["Zoë Müller", "Daan Smit", "Iris Jansen"])
                #expect(clients.map(\.reference) == ["W-1", "W-2", "W-3"])
                #expect(clients[0].dateOfBirth == "1998-04-03")
                #expect(clients[0].$coach.id == coach.id && clients[1].$coach.id == lead.id && clients[2].$coach.id == coach.id)
                #expect(clients.allSatisfy { $0.teamID == agency.north.id })
                let phases = try await clients.asyncMap { try await app.trajectory(of: $0).phase }
                #expect(phases == [.onTheJob, .intake, .employeeProfile])
                let first = try await app.trajectory(of: clients[0])
                #expect(CalendarDate(first.startedAt, in: app.configuration.timeZone) == CalendarDate(year: 2026, month: 9, day: 1))
                #expect(first.$commissioner.id != nil)
                #expect(try await TrajectoryMoveRow.query(on: app.db).count() == 2, "a move from intake for each client past it")
                #expect(try await AuditEventRow.query(on: app.db).filter(\.$action == "client.created").count() == 3)
                #expect(try await AuditEventRow.query(on: app.db).filter(\.$action == "import.executed").count() == 1)
                #expect(try await app.auditIsIntact())
                // An imported client in on-the-job support has a working page.
                #expect(try await browser.get("/clients/\(clients[0].id!.uuidString)").status == .ok)
                let progress = try await browser.get(response.location! + "/progress").body.string
                #expect(progress.contains("\"status\":\"done\""))
                #expect(try await browser.get(response.location!).body.string.contains("Geïmporteerd: 3 cliënten"))

                // The same file again: every client is there already.
                let again = try await Self.upload(browser, kind: "clients", name: "caseload.csv", data)
                let refused = try await Self.run(app, again.location)
                #expect(refused.status == .refused && refused.problemCount == 5, "three client numbers, two names with a date of birth")
            }
        }

        @Test func aFileThatNoLongerPassesAtImportTimeWritesNothing() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let rows = (1...700).map { "Cliënt \($0);C-\($0);Utrecht" }
                let data = Data((["Naam;Cliëntnummer;Woonplaats"] + rows).joined(separator: "\n").utf8)
                let checked = try await Self.run(app, try await Self.upload(coach, kind: "clients", data).location)
                #expect(checked.status == .ready)
                // Meanwhile someone takes on client C-700 by hand.
                _ = try await coach.newClient("Later")
                let later = try await app.clientRecord(named: "Later")
                later.reference = "C-700"
                try await later.update(on: app.db)
                let outcome = try await Self.execute(app, coach, checked)
                #expect(outcome.status == .refused)
                #expect(outcome.problems.map { $0.text(in: .nl) } == ["Regel 701, kolom B (Cliëntnummer): Er is al een cliënt met dit nummer."])
                #expect(try await App.Client.query(on: app.db).count() == 1, "none of the 699 good lines was written")
                #expect(try await AuditEventRow.query(on: app.db).filter(\.$action == "import.refused").count() == 1)
                let page = try await coach.get("/import/\(checked.id!.uuidString)").body.string
                #expect(page.contains("intussen iets is veranderd"))
            }
        }

        @Test func employersThenTheirWorkplaces() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let employers = "Name,Sector,Place,Job carving\nBakkerij Korenaar,Food,Utrecht,yes\n\"Groen, Buiten & Co\",Green,Zeist,no\n"
                let first = try await Self.upload(coach, kind: "employers", Data(employers.utf8))
                let checked = try await Self.run(app, first.location)
                #expect(checked.status == .ready, "\(checked.problemsJSON)")
                #expect(try await Self.execute(app, coach, checked).status == .done)
                let stored = try await Employer.query(on: app.db).sort(\.$name).all()
                #expect(stored.map(\.name) == ["Bakkerij Korenaar", "Groen, Buiten & Co"])
                #expect(stored.map(\.jobCarving) == [true, false])

                let workplaces = "Employer;Title;Hours from;Hours to;Status;Tasks\n"
                    + "Bakkerij Korenaar;Inpakker;12;24,5;Open;Brood inpakken\n"
                    + "Groen, Buiten & Co;Hovenier;;;Filled;\n"
                    + "Nergens BV;Schoonmaker;;;;\n"
                    + "Bakkerij Korenaar;;30;20;gone;\n"
                let refused = try await Self.run(app, try await Self.upload(coach, kind: "workplaces", Data(workplaces.utf8)).location)
                #expect(refused.status == .refused)
                let texts = refused.problems.map { $0.text(in: .en) }
                #expect(texts.contains { $0.hasPrefix("Line 4, column A (Employer): This employer is not here.") }, "\(texts)")
                #expect(texts.contains { $0.hasPrefix("Line 5, column E (Status): Write Open, Filled or Closed.") }, "\(texts)")
                #expect(texts.contains { $0.hasPrefix("Line 5, column B (Title):") }, "\(texts)")
                #expect(texts.contains { $0.hasPrefix("Line 5, column") && $0.contains("Hours") }, "\(texts)")
                let good = workplaces.split(separator: "\n").prefix(3).joined(separator: "\n")
                let ready = try await Self.run(app, try await Self.upload(coach, kind: "workplaces", Data(good.utf8)).location)
                #expect(ready.status == .ready, "\(ready.problemsJSON)")
                #expect(try await Self.execute(app, coach, ready).status == .done)
                let places = try await Workplace.query(on: app.db).sort(\.$title).all()
                #expect(places.map(\.title) == ["Hovenier", "Inpakker"])
                #expect(places[1].hoursMax == 24.5 && places[1].status == "open" && places[0].status == "filled")
                #expect(places[0].place == "Zeist", "an empty place is the employer's")
            }
        }

        @Test func theTemplatesAreServedAndShippedAndReadBack() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let page = try await coach.get("/import")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("/import/templates/clients?language=nl"))
                let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                    .appendingPathComponent("docs/import")
                for kind in ImportKind.allCases {
                    for language in Language.allCases {
                        let response = try await coach.get("/import/templates/\(kind.rawValue)?language=\(language.rawValue)")
                        #expect(response.status == .ok)
                        #expect(response.headers.contentType?.subType == "csv")
                        let body = Data(response.body.readableBytesView)
                        #expect(body.starts(with: [0xEF, 0xBB, 0xBF]), "the mark that tells Excel it is UTF-8")
                        let shipped = try Data(contentsOf: docs.appendingPathComponent("\(kind.rawValue)-\(language.rawValue).csv"))
                        #expect(shipped == body, "docs/import/\(kind.rawValue)-\(language.rawValue).csv is the served template")
                        #expect(ImportSheet.read(body, as: kind).problems == [ImportProblem(line: 2, message: LocalizedText(
                            nl: "Onder de kolomnamen staat niets.", en: "There is nothing below the column names."))])
                    }
                }
                #expect(try await coach.get("/import/templates/pets").status == .notFound)
                let unknownRun = try await coach.get("/import/\(UUID().uuidString)")
                #expect(unknownRun.status == .notFound)
                #expect(try await coach.get("/import/not-an-id").status == .notFound)
            }
        }

        @Test func theUploadFormNamesTheFieldThatIsWrong() async throws {
            try await withApp { app async throws in
                let agency = try await app.makeAgency()
                let (_, coach) = try await app.member("coach@example.org", of: agency, team: agency.north)
                let noFile = try await coach.submitMultipart("/import", to: "/import", form: ["kind": "clients"])
                #expect(noFile.status == .unprocessableEntity)
                #expect(noFile.body.string.contains("href=\"#file\""))
                let noKind = try await Self.upload(coach, kind: "pets", Data("Naam\nA\n".utf8))
                #expect(noKind.status == .unprocessableEntity)
                #expect(noKind.body.string.contains("href=\"#kind\""))
                #expect(try await ImportRun.query(on: app.db).count() == 0)
            }
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
