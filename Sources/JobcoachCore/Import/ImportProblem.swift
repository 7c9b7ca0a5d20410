/// Something in an import file that stops the import, where it is (line, and column when it is one
/// field) and what is wrong, in words.
public struct ImportProblem: Hashable, Sendable {
    public var line: Int
    /// The column's position (0-based) and its header as the file has it.
    public var column: Int?
    public var header: String?
    public var message: LocalizedText

    public init(line: Int, column: Int? = nil, header: String? = nil, message: LocalizedText) {
        self.line = line
        self.column = column
        self.header = header
        self.message = message
    }

    /// The column as a spreadsheet names it: A, B, ..., Z, AA.
    public var columnLetter: String? {
        column.map(Self.letters)
    }

    static func letters(_ index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    /// "Line 4, column C (Date of birth): ..." in one language.
    public func text(in language: Language) -> String {
        let lineWord = language == .nl ? "Regel" : "Line"
        let columnWord = language == .nl ? "kolom" : "column"
        var place = "\(lineWord) \(line)"
        if let letter = columnLetter { place += ", \(columnWord) \(letter)" + (header.map { " (\($0))" } ?? "") }
        return "\(place): \(message[language])"
    }
}
