extension Array where Element == FieldError {
    /// The first message per field, for the message next to each input.
    var byField: [String: String] {
        reduce(into: [:]) { result, error in
            if result[error.field] == nil { result[error.field] = error.message }
        }
    }
}
