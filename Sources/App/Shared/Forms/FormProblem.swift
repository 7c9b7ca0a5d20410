import Vapor

/// A problem with a form field before it is put in words: the input's id and the key of the message
/// (in strings.yaml), so the page can say it in the visitor's language.
struct FormProblem: Equatable, Sendable {
    var field: String
    var messageKey: String
    /// Values the message names ("did you mean {places}").
    var parameters: [String: String] = [:]
}

extension Array where Element == FormProblem {
    /// The problems in the visitor's language, for the error summary and the fields.
    func fieldErrors(_ request: Request) -> [FieldError] {
        map { FieldError(field: $0.field, message: request.t($0.messageKey, $0.parameters)) }
    }
}
