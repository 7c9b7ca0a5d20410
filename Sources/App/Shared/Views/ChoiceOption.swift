/// One choice of a select or a radio group.
struct ChoiceOption: Encodable, Sendable {
    var value: String
    var label: String
    var selected: Bool
}
