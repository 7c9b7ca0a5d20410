/// A button in a table row that posts one small change (mark a goal reached, a milestone celebrated).
struct InlineAction: Encodable, Sendable {
    var url: String
    var csrfToken: String
    var label: String
    var name: String = ""
    var value: String = ""
}
