import JobcoachCore
import Vapor

/// The words of an evaluation's kind on the pages, each key written out.
extension EvaluationKind {
    /// The kind in a list of evaluations: "interim", "closing".
    func name(_ request: Request) -> String {
        switch self {
        case .interim: request.t("evaluationKind_interim")
        case .closing: request.t("evaluationKind_closing")
        }
    }

    /// The heading of the form for a new evaluation of this kind.
    func formHeading(_ request: Request) -> String {
        switch self {
        case .interim: request.t("evaluationNew_interim")
        case .closing: request.t("evaluationNew_closing")
        }
    }

    /// Who must be there, under the form's checkboxes.
    func presenceHint(_ request: Request) -> String {
        switch self {
        case .interim: request.t("evaluationWithHint_interim")
        case .closing: request.t("evaluationWithHint_closing")
        }
    }
}
