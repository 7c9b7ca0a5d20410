/// One part of a `WorkPageContext` page, under its own h2.
struct WorkBlock: Encodable, Sendable {
    var id: String
    var heading: String
    var text: String = ""
    var facts: [KeyValue] = []
    /// Zero or more tables and charts (arrays, so the template can loop into partials).
    var charts: [BarChartView] = []
    var rowCharts: [RowChartView] = []
    var tables: [TableView] = []
    var plots: [PlotView] = []
    /// Zero or one form: an array so the template can loop into `partials/form`.
    var forms: [FormView] = []
    var links: [LinkView] = []
    /// Work that runs while the page is open; a script refreshes it.
    var progress: ProgressBarView? = nil
}

/// A progress bar that `js/progress.js` keeps up to date from `url` (JSON with status, done and
/// total), reloading the page when the work has stopped. Without scripts, a link reloads it.
struct ProgressBarView: Encodable, Sendable {
    var id: String
    var label: String
    var done: Int
    var total: Int
    var text: String
    /// The text with `{done}` and `{total}` for the script to fill in.
    var template: String
    var url: String
    var scriptURL = SiteURL.progressScript.path
}
