/// A table of inputs inside a form section (the fading plan's weeks): a row header, then one input per
/// column, each with its own label for screen readers ("Week 3: hours") and marked when wrong. The
/// messages of the table's cells stand above it; the error summary links to the cell.
struct InputTableView: Encodable, Sendable {
    struct Cell: Encodable, Sendable {
        var id: String
        var label: String
        var value: String
        var kind: String
        var inputMode: String
        var invalid: Bool
    }

    struct Row: Encodable, Sendable {
        var header: String
        var cells: [Cell]
    }

    var id: String
    var caption: String
    var headers: [String]
    var rows: [Row]
    var errors: [String]
}
