/// One part of a `WorkPageContext` page, under its own h2.
struct WorkBlock: Encodable, Sendable {
    var id: String
    var heading: String
    var text: String = ""
    var facts: [KeyValue] = []
    /// Zero or more tables and charts (arrays, so the template can loop into partials).
    var charts: [BarChartView] = []
    var tables: [TableView] = []
    var plots: [PlotView] = []
    /// Zero or one form: an array so the template can loop into `partials/form`.
    var forms: [FormView] = []
    var links: [LinkView] = []
}
