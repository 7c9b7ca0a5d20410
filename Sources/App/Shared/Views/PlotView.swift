import Foundation

/// A line or scatter chart drawn as SVG by the template from numbers computed here: series of points
/// (joined by a line or not), optional vertical intervals per point, and labelled horizontal
/// reference lines (benchmarks). Every chart comes with a table of the same figures; its title and
/// summary describe it for screen readers. Points are told apart by shape as well as by colour.
struct PlotView: Encodable, Sendable {
    struct Point: Encodable, Sendable {
        var x: Double
        var y: Double
        var low: Double?
        var high: Double?
        var title: String
    }

    struct Series: Encodable, Sendable {
        /// The drawing style: 0 solid with circles, 1 dashed with squares.
        var index: Int
        var label: String
        var joined: Bool
        var markers: Bool
        var path: String
        var points: [Point]
    }

    struct Reference: Encodable, Sendable {
        var y: Double
        var label: String
        var dashed: Bool
    }

    struct Tick: Encodable, Sendable {
        var position: Double
        var text: String
    }

    struct Legend: Encodable, Sendable {
        var index: Int
        var label: String
        var x: Double
        var textX: Double
    }

    var id: String
    var title: String
    var summary: String
    var width: Double
    var height: Double
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double
    var series: [Series]
    var references: [Reference]
    var xTicks: [Tick]
    var yTicks: [Tick]
    var legend: [Legend]

    struct Input {
        var label: String
        var joined: Bool
        var markers: Bool = true
        /// Series with the same style share one legend entry (the two branches of a funnel).
        var style: Int? = nil
        var points: [(x: Double, y: Double, low: Double?, high: Double?, title: String)]
    }

    /// `xLabels` name positions 0, 1, 2… (quarters); without them the x axis is numeric.
    init(id: String, title: String, summary: String, series inputs: [Input], references: [(y: Double, label: String)] = [],
         xLabels: [String] = [], yRange: ClosedRange<Double>? = nil, yFormat: (Double) -> String, xFormat: (Double) -> String = { String(Int($0)) }) {
        let width = 640.0, height = 280.0
        let left = 56.0, right = width - 120, top = 36.0, bottom = height - 40
        let xs = inputs.flatMap { $0.points.map(\.x) }
        let ys = inputs.flatMap { $0.points.flatMap { [$0.y, $0.low ?? $0.y, $0.high ?? $0.y] } } + references.map(\.y)
        let xMin = xLabels.isEmpty ? min(xs.min() ?? 0, 0) : 0
        let xMax = xLabels.isEmpty ? max(xs.max() ?? 1, xMin + 1) : Double(max(xLabels.count - 1, 1))
        let range = yRange ?? (min(ys.min() ?? 0, 0)...max(ys.max() ?? 1, 0.0001))
        let yStep = BarChartView.niceStep(range.upperBound - range.lowerBound)
        let yMin = (range.lowerBound / yStep).rounded(.down) * yStep
        let yMax = max((range.upperBound / yStep).rounded(.up) * yStep, yMin + yStep)
        func px(_ x: Double) -> Double { (left + (x - xMin) / (xMax - xMin) * (right - left) * 1000).rounded() / 1000 }
        func py(_ y: Double) -> Double { (bottom - (y - yMin) / (yMax - yMin) * (bottom - top) * 1000).rounded() / 1000 }
        self.series = inputs.enumerated().map { index, input in
            let points = input.points.map { Point(x: px($0.x), y: py($0.y), low: $0.low.map(py), high: $0.high.map(py), title: $0.title) }
            let path = points.enumerated().map { "\($0.offset == 0 ? "M" : "L")\($0.element.x),\($0.element.y)" }.joined(separator: " ")
            return Series(index: input.style ?? index, label: input.label, joined: input.joined, markers: input.markers, path: path,
                          points: input.markers ? points : [])
        }
        self.references = references.map { Reference(y: py($0.y), label: $0.label, dashed: true) }
        if xLabels.isEmpty {
            let step = BarChartView.niceStep(xMax - xMin)
            var ticks: [Tick] = []
            var value = (xMin / step).rounded(.up) * step
            while value <= xMax + 0.0001 { ticks.append(Tick(position: px(value), text: xFormat(value))); value += step }
            self.xTicks = ticks
        } else {
            self.xTicks = xLabels.enumerated().map { Tick(position: px(Double($0.offset)), text: $0.element) }
        }
        var yTicks: [Tick] = []
        var value = yMin
        while value <= yMax + yStep / 1000 { yTicks.append(Tick(position: py(value), text: yFormat(value))); value += yStep }
        self.yTicks = yTicks
        var legend: [Legend] = []
        for series in self.series where !legend.contains(where: { $0.label == series.label }) {
            let x = left + Double(legend.count) * 200
            legend.append(Legend(index: series.index, label: series.label, x: x, textX: x + 16))
        }
        self.legend = legend
        self.id = id
        self.title = title
        self.summary = summary
        self.width = width
        self.height = height
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
    }
}
