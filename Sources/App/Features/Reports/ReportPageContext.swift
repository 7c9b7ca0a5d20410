import JobcoachCore

/// A commissioner's report as a page (with a print stylesheet) or as the document Chromium prints
/// to PDF.
struct ReportPageContext: Encodable {
    struct Section: Encodable {
        var heading: String
        var rows: [Row]
    }

    struct Row: Encodable {
        var label: String
        var value: String
        var items: [String]
    }

    var layout: Layout
    var title: String
    var language: String
    var sections: [Section]
    var madeOn: String
    var consent: String
    var backURL: String
    var backLabel: String
    var pdfURL: String
    var printNote: String

    init(layout: Layout, report: CommissionerReport, madeOn: String, consent: String, backURL: String, backLabel: String,
         pdfURL: String, printNote: String) {
        self.layout = layout
        self.title = report.title
        self.language = report.language.rawValue
        self.sections = report.sections.map { section in
            Section(heading: section.heading, rows: section.rows.map { Row(label: $0.label, value: $0.value, items: $0.items) })
        }
        self.madeOn = madeOn
        self.consent = consent
        self.backURL = backURL
        self.backLabel = backLabel
        self.pdfURL = pdfURL
        self.printNote = printNote
    }
}
