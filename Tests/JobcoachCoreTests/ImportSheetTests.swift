import Foundation
import JobcoachCore
import Testing

/// Reading spreadsheets' CSV files: the encodings and separators Excel writes, quotes, header names in
/// either language, and every problem by line and column.
@Suite struct ImportSheetTests {
    @Test func utf8WithAByteOrderMarkAndSemicolonsAsDutchExcelSavesIt() throws {
        let text = "\u{FEFF}Naam *;Geboortedatum;Woonplaats\r\nAnouk de Vries;3-4-1998;Utrecht\r\n\r\nSem Bakker;1999-12-31;Zeist\r\n"
        let document = try CSVDocument.read(Data(text.utf8))
        #expect(document.encoding == .utf8)
        #expect(document.separator == ";")
        #expect(document.header.fields == ["Naam *", "Geboortedatum", "Woonplaats"])
        #expect(document.records.map(\.line) == [2, 4], "the empty line 3 is skipped but counted")
        #expect(document.records[0].fields == ["Anouk de Vries", "3-4-1998", "Utrecht"])
    }

    @Test func windows1252BytesAreReadAsExcelOnWindowsWritesThem() throws {
        // "Cliëntnummer,Naam" / "A-1,Zoë Müller" / "A-2,Bjørn €" in Windows-1252: ë EB, ö/ü FC, ø F8, € 80.
        var bytes: [UInt8] = Array("Cli".utf8) + [0xEB] + Array("ntnummer,Naam\r\nA-1,Zo".utf8) + [0xEB] + Array(" M".utf8) + [0xFC]
            + Array("ller\r\nA-2,Bj".utf8) + [0xF8] + Array("rn ".utf8) + [0x80] + Array("\r\n".utf8)
        let document = try CSVDocument.read(Data(bytes))
        #expect(document.encoding == .windows1252)
        #expect(document.separator == ",")
        #expect(document.header.fields == ["Cliëntnummer", "Naam"])
        #expect(document.records.map { $0.fields[1] } == ["Zoë Müller", "Bjørn €"])
        bytes = Array("Naam\r\nZo".utf8) + [0xC3, 0xAB] + Array("\r\n".utf8)
        #expect(try CSVDocument.read(Data(bytes)).encoding == .utf8, "valid UTF-8 stays UTF-8")
    }

    @Test func quotesHoldSeparatorsQuotesAndLineBreaksAndLinesCountAsAnEditorCountsThem() throws {
        let text = "Name,Tasks,Place\n\"Bakker, J.\",\"Shelves\nand \"\"fresh\"\" stock\",Gouda\nNext,,Delft\n"
        let document = try CSVDocument.read(Data(text.utf8))
        #expect(document.records[0].fields == ["Bakker, J.", "Shelves\nand \"fresh\" stock", "Gouda"])
        #expect(document.records.map(\.line) == [2, 4], "the second record starts on line 4, after the quoted line break")
        #expect(try CSVDocument.read(Data("a\tb\n1\t2\n".utf8)).separator == "\t")
    }

    @Test func filesThatAreNotCSVAreRefusedInWords() {
        #expect(throws: CSVDocument.Problem.self) { try CSVDocument.read(Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])) }
        do {
            _ = try CSVDocument.read(Data("Naam\n\"open quote\nnever closed\n".utf8))
            Issue.record("an unclosed quote is a problem")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.en.contains("quotation mark"))
        }
        #expect(throws: CSVDocument.Problem.self) { try CSVDocument.read(Data()) }
    }

    @Test func headersAreKnownInDutchAndEnglishWithAliasesCaseAndMarks() {
        let dutch = ImportSheet.read(Data("Naam *;Cliëntnummer;Geboortedatum;JOBCOACH;Fase\nA;1;;;\n".utf8), as: .clients)
        #expect(dutch.problems.isEmpty)
        #expect(Set(dutch.positions.keys) == ["name", "reference", "dateOfBirth", "coach", "phase"])
        let english = ImportSheet.read(Data("full name,Client number,date of birth,E-mail address,Started on\nA,1,,,\n".utf8), as: .clients)
        #expect(english.problems.isEmpty)
        #expect(english.rows[0]["name"] == "A")
        #expect(english.rows[0]["reference"] == "1")
        #expect(english.rows[0]["email"] == "")
    }

    @Test func everyTemplateReadsBackAsItsKindInBothLanguages() {
        for kind in ImportKind.allCases {
            for language in Language.allCases {
                let header = ImportSheet.template(kind, in: language)[0].joined(separator: ",")
                let sheet = ImportSheet.read(Data((header + "\n" + String(repeating: ",", count: kind.columns.count - 1) + "x\n").utf8), as: kind)
                #expect(sheet.problems.isEmpty, "\(kind) \(language): \(sheet.problems)")
                #expect(sheet.positions.count == kind.columns.count)
            }
        }
    }

    @Test func theSheetsOwnProblemsNameLineAndColumn() {
        let sheet = ImportSheet.read(Data("Geboortedatum;Hobby;Geboortedatum\n1-1-1990;x;y\n1-1-1990;x;y;z\n".utf8), as: .clients)
        let texts = sheet.problems.map { $0.text(in: .nl) }
        #expect(texts.contains { $0.hasPrefix("Regel 1, kolom B (Hobby): Deze kolom kennen we niet.") }, "\(texts)")
        #expect(texts.contains { $0.hasPrefix("Regel 1, kolom C (Geboortedatum): Deze kolom staat er twee keer; de eerste is kolom A.") })
        #expect(texts.contains("Regel 1: De kolom Naam ontbreekt in de eerste regel."))
        #expect(texts.contains { $0.hasPrefix("Regel 3, kolom D: Deze regel heeft 4 velden, de eerste regel maar 3.") })
        #expect(sheet.problems.first { $0.line == 3 }?.text(in: .en).contains("Is there an extra ;?") == true)
        let empty = ImportSheet.read(Data("Naam\n".utf8), as: .clients)
        #expect(empty.problems.map { $0.text(in: .en) } == ["Line 2: There is nothing below the column names."])
    }

    @Test func columnsAreNamedAsSpreadsheetsNameThem() {
        let letters = [0, 1, 25, 26, 27, 51, 52, 701, 702].map { ImportProblem(line: 1, column: $0, message: LocalizedText(nl: "", en: "")).columnLetter }
        #expect(letters == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
    }

    @Test func valuesAreReadAsSpreadsheetsWriteThem() {
        #expect(ImportValue.date("1998-04-03") == CalendarDate(year: 1998, month: 4, day: 3))
        #expect(ImportValue.date("3-4-1998") == CalendarDate(year: 1998, month: 4, day: 3))
        #expect(ImportValue.date("03/04/1998") == CalendarDate(year: 1998, month: 4, day: 3))
        #expect(ImportValue.date("3.4.1998") == CalendarDate(year: 1998, month: 4, day: 3))
        for wrong in ["31-2-1998", "3-4-98", "april 1998", "1998-13-01", "", "３-4-1998"] {
            #expect(ImportValue.date(wrong) == nil, "\(wrong)")
        }
        #expect(ImportValue.phase("Begeleiding op de werkplek") == .onTheJob)
        #expect(ImportValue.phase("on-the-job support") == .onTheJob)
        #expect(ImportValue.phase("WERKNEMERSPROFIEL") == .employeeProfile)
        #expect(ImportValue.phase("4") == .matching)
        #expect(ImportValue.phase("Nazorg") == .aftercare)
        #expect(ImportValue.phase("bijna klaar") == nil)
        #expect(ImportValue.yesNo("Ja") == true && ImportValue.yesNo("no") == false && ImportValue.yesNo("") == false)
        #expect(ImportValue.yesNo("misschien") == nil)
        #expect(ImportValue.number("12,5") == "12.5")
        #expect(ImportValue.choice("Bezet", [("filled", ["Bezet", "Filled"])]) == "filled")
        #expect(ImportValue.choice("gone", [("filled", ["Bezet", "Filled"])]) == nil)
    }
}
