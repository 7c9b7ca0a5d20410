/// A whole form for `partials/form.leaf`: where it posts, its sections, and whether the visitor may
/// only read it (then the values are shown as text).
struct FormView: Encodable, Sendable {
    var id: String
    var url: String
    var csrfToken: String
    var sections: [FormSectionView]
    var submitLabel: String
    var readOnly: Bool
    /// Fields posted along unseen (which kind of record the form adds).
    var hidden: [KeyValue] = []
    /// Set for a form with a file field: it posts as `multipart/form-data`.
    var uploads: Bool = false
    /// "get" for a search form: no CSRF token, the values go in the URL.
    var method: String = "post"
}
