/// A data table with a caption, column headers and rows; the first cell of a row is its header.
struct TableView: Encodable, Sendable {
    struct Cell: Encodable, Sendable {
        var text: String
        var url: String? = nil
        var action: InlineAction? = nil
    }

    var id: String
    var caption: String
    var headers: [String]
    var rows: [[Cell]]
    var empty: String
}
