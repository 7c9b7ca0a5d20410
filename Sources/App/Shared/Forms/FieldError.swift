/// A problem with one form field: shown in the error summary (linking to the field) and next to it.
struct FieldError: Encodable, Sendable {
    /// The id of the input the message is about.
    var field: String
    var message: String
}
