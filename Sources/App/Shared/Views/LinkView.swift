/// A link shown as a button or in a list.
struct LinkView: Encodable, Sendable {
    var url: String
    var label: String
}
