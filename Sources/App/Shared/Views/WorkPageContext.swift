import Vapor

/// A page of a client's work (plan, support, fading, closing, reports, privacy): a heading, then
/// blocks, each with its own heading and any of text, facts, a table, a chart and a form.
struct WorkPageContext: Encodable {
    var layout: Layout
    var heading: String
    var subtitle: String
    var lead: String
    var backURL: String
    var backLabel: String
    var notice: String?
    var blocks: [WorkBlock]
    var errors: [FieldError]
    var hasErrors: Bool
}
