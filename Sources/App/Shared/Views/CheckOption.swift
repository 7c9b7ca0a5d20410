/// One checkbox of a group: its own field name (forms post one value per name), its id, its words.
struct CheckOption: Encodable, Sendable {
    var name: String
    var id: String
    var label: String
    var hint: String
    var checked: Bool
}
