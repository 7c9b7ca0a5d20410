/// A chart of one horizontal bar per row, with a limit drawn across each bar, for
/// `partials/row-chart.leaf`. The names and figures are text beside the bars, so they stay readable
/// at any width (the bars stretch, the words do not shrink); a legend names both marks, and the
/// over-limit rows say so in words as well as with a hatched bar.
struct RowChartView: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        var label: String
        /// "14 of 20 (70%)": the figures, in words.
        var figures: String
        /// Bar length and limit position in percent of the chart's width.
        var bar: Double
        var limit: Double?
        var over: Bool
    }

    struct LegendItem: Encodable, Sendable {
        var label: String
        /// "bar", "limit" or "over": which swatch the legend draws.
        var mark: String
    }

    var id: String
    var title: String
    var summary: String
    var rows: [Row]
    var legend: [LegendItem]

    /// Rows of a value against a limit, scaled to the largest of either.
    init(id: String, title: String, summary: String, rows: [(label: String, value: Double, limit: Double?, figures: String)],
         valueLabel: String, limitLabel: String, overLabel: String) {
        let largest = max(rows.map { max($0.value, $0.limit ?? 0) }.max() ?? 0, 1)
        func percent(_ value: Double) -> Double { (value / largest * 1_000).rounded() / 10 }
        self.id = id
        self.title = title
        self.summary = summary
        self.rows = rows.map { row in
            Row(label: row.label, figures: row.figures, bar: percent(row.value), limit: row.limit.map(percent),
                over: row.limit.map { row.value > $0 } ?? false)
        }
        legend = [LegendItem(label: valueLabel, mark: "bar"), LegendItem(label: limitLabel, mark: "limit"),
                  LegendItem(label: overLabel, mark: "over")]
    }
}
