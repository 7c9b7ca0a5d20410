import Vapor

/// Makes `FormFieldView`s with words from strings.yaml: `<prefix><Field>` (or the field's id when
/// there is no prefix) is the label and the same key with `Hint`, when present, the hint.
struct FormFieldMaker {
    let request: Request
    let prefix: String
    let values: [String: String]
    let errors: [String: String]

    func field(_ id: String, kind: String = "text", optional: Bool = true, options: [ChoiceOption] = [],
               inputMode: String = "") -> FormFieldView {
        let key = prefix.isEmpty ? id : prefix + id.prefix(1).uppercased() + id.dropFirst()
        let hint = request.application.strings.table(request.language)[key + "Hint"] ?? ""
        return FormFieldView(id: id, label: request.t(key), hint: hint, value: values[id] ?? "", error: errors[id],
                             kind: kind, optional: optional, options: options, inputMode: inputMode)
    }
}
