/// One problem found in a data file: where it is and what is wrong, in words a data editor can act on.
public struct FrameworkDataIssue: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// The id of the item the problem is in, or a path to it when the item has no id yet.
    public var item: String?
    public var message: String

    public init(file: String, line: Int? = nil, item: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.item = item
        self.message = message
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        if let item { return "\(place): \(item): \(message)" }
        return "\(place): \(message)"
    }
}
