import Vapor

/// Makes `FormFieldView`s with words from strings.yaml: `labelKey` names the field and `hintKey`,
/// when the field has one, explains it below the label.
struct FormFieldMaker {
    let request: Request
    let values: [String: String]
    let errors: [String: String]

    func field(_ id: String, labelKey: String, hintKey: String? = nil, kind: String = "text", optional: Bool = true,
               options: [ChoiceOption] = [], inputMode: String = "") -> FormFieldView {
        FormFieldView(id: id, label: request.t(labelKey), hint: hintKey.map { request.t($0) } ?? "", value: values[id] ?? "",
                      error: errors[id], kind: kind, optional: optional, options: options, inputMode: inputMode)
    }
}
