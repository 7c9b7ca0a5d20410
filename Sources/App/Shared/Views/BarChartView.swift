import Foundation

/// A bar chart drawn as SVG by the template from numbers computed here (no text from users goes
/// into the drawing unescaped). Each group has one bar per series; a table beside it holds the same
/// figures, and the chart itself is described by its title and summary for screen readers.
struct BarChartView: Encodable, Sendable {
    struct Bar: Encodable, Sendable {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
        var series: Int
        var title: String
    }

    struct Label: Encodable, Sendable {
        var x: Double
        var y: Double
        var text: String
    }

    struct Legend: Encodable, Sendable {
        var series: Int
        var label: String
        var x: Double
        var textX: Double
    }

    var id: String
    var title: String
    var summary: String
    var width: Double
    var height: Double
    var bars: [Bar]
    var labels: [Label]
    var gridLines: [Label]
    var legend: [Legend]

    /// Groups of values (one per series) with a label under each group.
    init(id: String, title: String, summary: String, groups: [(label: String, values: [Double], titles: [String])],
         series: [String], unit: String) {
        let top = 40.0, bottom = 40.0, left = 44.0
        let groupWidth = max(28.0, Double(series.count) * 14 + 12)
        let width = left + Double(max(groups.count, 1)) * groupWidth + 12
        let height = 240.0
        let plot = height - top - bottom
        let maximum = max(groups.flatMap(\.values).max() ?? 0, 1)
        let step = Self.niceStep(maximum)
        let ceiling = (maximum / step).rounded(.up) * step
        var bars: [Bar] = [], labels: [Label] = []
        for (index, group) in groups.enumerated() {
            let x0 = left + Double(index) * groupWidth + 6
            for (s, value) in group.values.enumerated() {
                let h = plot * value / ceiling
                bars.append(Bar(x: x0 + Double(s) * 14, y: top + plot - h, width: 12, height: max(h, value > 0 ? 1 : 0), series: s,
                                title: s < group.titles.count ? group.titles[s] : ""))
            }
            labels.append(Label(x: x0 + Double(group.values.count) * 7, y: height - bottom + 16, text: group.label))
        }
        var grid: [Label] = []
        var value = 0.0
        while value <= ceiling + 0.0001 {
            grid.append(Label(x: left - 6, y: top + plot - plot * value / ceiling, text: "\(Self.format(value)) \(unit)".trimmingCharacters(in: .whitespaces)))
            value += step
        }
        self.id = id
        self.title = title
        self.summary = summary
        self.width = width
        self.height = height
        self.bars = bars
        self.labels = labels
        self.gridLines = grid
        self.legend = series.enumerated().map { Legend(series: $0.offset, label: $0.element, x: left + Double($0.offset) * 160, textX: left + Double($0.offset) * 160 + 18) }
    }

    static func niceStep(_ maximum: Double) -> Double {
        let raw = maximum / 4
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where raw <= factor * magnitude { return factor * magnitude }
        return 10 * magnitude
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
