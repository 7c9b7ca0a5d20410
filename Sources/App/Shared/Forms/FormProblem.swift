/// A problem with a form field before it is put in words: the input's id and the key of the message
/// (in strings.yaml), so the page can say it in the visitor's language.
struct FormProblem: Equatable, Sendable {
    var field: String
    var messageKey: String
}
