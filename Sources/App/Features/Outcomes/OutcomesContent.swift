import Foundation
import JobcoachCore
import Vapor

/// The outcomes page in words, tables and charts. Every chart has a table with the same figures.
struct OutcomesContent {
    let lead: String
    var blocks: [WorkBlock]

    init(model: OutcomesPage, request: Request) {
        let language = request.language
        func number(_ value: Double?) -> String { value.map { NumberText.format($0, in: language) } ?? "–" }
        func percent(_ value: Double?) -> String { value.map { NumberText.format($0 * 100, in: language) + "%" } ?? "–" }
        let scope: String
        switch model.viewer.reach {
        case .coach: scope = request.t("outcomesScopeCoach")
        case .team: scope = request.t("outcomesScopeTeam")
        case .agency: scope = request.t("outcomesScopeAgency")
        }
        let asOf = model.asOf.formatted(Date.VerbatimFormatStyle(
            format: "\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
            timeZone: request.application.configuration.timeZone, calendar: Calendar(identifier: .gregorian)))
        let maxAge = Int(request.application.outcomeFigures.maxAge)
        lead = maxAge > 0 ? scope + " " + request.t("outcomesAsOf", ["time": asOf, "seconds": String(maxAge)]) : scope
        let m = model.measures, a = model.agencyMeasures
        func band(_ value: EmploymentBand?) -> String {
            switch value {
            case .belowMinimum: request.t("outcomesBandBelowMinimum")
            case .minimum: request.t("outcomesBandMinimum")
            case .average: request.t("outcomesBandAverage")
            case .excellent: request.t("outcomesBandExcellent")
            case nil: "–"
            }
        }
        let rows: [(String, String, String)] = [
            (request.t("outcomesServed"), String(m.served), String(a.served)),
            (request.t("outcomesOutOfWork"), String(m.outOfWorkAtStart), String(a.outOfWorkAtStart)),
            (request.t("outcomesEmployed"), String(m.employed), String(a.employed)),
            (request.t("outcomesEmployedRate"), percent(m.employedRate), percent(a.employedRate)),
            (request.t("outcomesEmployedRateOutOfWork"), percent(m.employedRateOutOfWorkAtStart), percent(a.employedRateOutOfWorkAtStart)),
            (request.t("outcomesBand"), band(m.band), band(a.band)),
            (request.t("outcomesDaysMedian"), number(m.daysToFirstJob.median), number(a.daysToFirstJob.median)),
            (request.t("outcomesDaysMean"), number(m.daysToFirstJob.mean), number(a.daysToFirstJob.mean)),
            (request.t("outcomesWeeksTotal"), number(m.weeksWorked.total), number(a.weeksWorked.total)),
            (request.t("outcomesWeeksMean"), number(m.weeksWorked.mean), number(a.weeksWorked.mean)),
            (request.t("outcomesLongestJob"), number(m.longestJobWeeks.mean), number(a.longestJobWeeks.mean)),
            (request.t("outcomesTotalHours"), number(m.totalHours), number(a.totalHours)),
            (request.t("outcomesHoursPerWeek"), number(m.hoursPerWeek), number(a.hoursPerWeek)),
            (request.t("outcomesWorking20"), "\(m.working20Plus.count) (\(percent(m.working20Plus.rate)))",
             "\(a.working20Plus.count) (\(percent(a.working20Plus.rate)))"),
            (request.t("outcomesTotalWages"), number(m.totalWages), number(a.totalWages)),
        ]
        var erasedFacts: [KeyValue] = []
        if let served = model.erased["served"], served > 0 {
            erasedFacts.append(KeyValue(key: request.t("outcomesErased"),
                                        value: request.t("outcomesErasedValue", ["served": String(served),
                                                                                 "employed": String(model.erased["employed"] ?? 0)])))
        }
        let measures = WorkBlock(
            id: "measures", heading: request.t("outcomesMeasuresHeading"), text: request.t("outcomesMeasuresText"), facts: erasedFacts,
            tables: [TableView(id: "measures-table", caption: request.t("outcomesMeasuresCaption"),
                               headers: [request.t("outcomesFigure"), request.t("outcomesYours"), request.t("outcomesAgency")],
                               rows: rows.map { [.init(text: $0.0), .init(text: $0.1), .init(text: $0.2)] }, empty: "")])

        // The employment rate by quarter against the IPS benchmarks.
        let quarterNames = model.quarters.map { $0.period.name }
        let quarterPoints = model.quarters.enumerated().compactMap { index, entry -> (x: Double, y: Double, low: Double?, high: Double?, title: String)? in
            guard let rate = entry.measures.employedRateOutOfWorkAtStart else { return nil }
            return (Double(index), rate * 100, nil, nil, "\(entry.period.name): \(percent(rate))")
        }
        let trend = PlotView(
            id: "quarters-chart", title: request.t("outcomesQuarterTitle"), summary: request.t("outcomesQuarterSummary"),
            series: [.init(label: request.t("outcomesEmployedRateOutOfWork"), joined: true, points: quarterPoints)],
            references: [(31, request.t("outcomesBandMinimum") + " 31%"), (41, request.t("outcomesBandAverage") + " 41%"),
                         (50, request.t("outcomesBandExcellent") + " 50%")],
            xLabels: quarterNames, yRange: 0...100, yFormat: { "\(Int($0))%" })
        let quarterTable = TableView(
            id: "quarters-table", caption: request.t("outcomesQuarterCaption"),
            headers: [request.t("outcomesQuarter"), request.t("outcomesServed"), request.t("outcomesEmployed"),
                      request.t("outcomesEmployedRateOutOfWork"), request.t("outcomesBand")],
            rows: model.quarters.map { entry in
                [.init(text: entry.period.name), .init(text: String(entry.measures.served)), .init(text: String(entry.measures.employed)),
                 .init(text: percent(entry.measures.employedRateOutOfWorkAtStart)), .init(text: band(entry.measures.band))]
            }, empty: "")
        let quartersBlock = WorkBlock(id: "quarters", heading: request.t("outcomesQuarterTitle"), text: request.t("outcomesBandsText"),
                                      tables: [quarterTable], plots: [trend])

        // Days to the first job, in bands.
        let buckets: [(String, ClosedRange<Int>)] = [("0–30", 0...30), ("31–60", 31...60), ("61–90", 61...90), ("91–180", 91...180),
                                                     ("181–365", 181...365), ("366+", 366...Int.max)]
        let counts = buckets.map { bucket in model.daysToFirstJob.count { bucket.1.contains($0) } }
        let clientsWord = request.t("outcomesClients")
        let daysChart = BarChartView(
            id: "days-chart", title: request.t("outcomesDaysTitle"), summary: request.t("outcomesDaysSummary", ["count": String(model.daysToFirstJob.count)]),
            groups: zip(buckets, counts).map { (label: $0.0.0, values: [Double($0.1)], titles: ["\($0.0.0): \($0.1) \(clientsWord)"]) },
            series: [clientsWord], unit: "")
        let daysTable = TableView(id: "days-table", caption: request.t("outcomesDaysCaption"),
                                  headers: [request.t("outcomesDays"), clientsWord],
                                  rows: zip(buckets, counts).map { [.init(text: $0.0.0), .init(text: String($0.1))] }, empty: "")
        let daysBlock = WorkBlock(id: "days", heading: request.t("outcomesDaysTitle"), charts: [daysChart], tables: [daysTable])

        // Retention at 3, 6 and 12 months.
        let retentionChart = BarChartView(
            id: "retention-chart", title: request.t("outcomesRetentionTitle"), summary: request.t("outcomesRetentionSummary"),
            groups: model.retention.points.map { point in
                (label: request.t("outcomesMonths", ["months": String(point.months)]), values: [(point.rate ?? 0) * 100],
                 titles: ["\(point.months): \(percent(point.rate)) (\(point.kept)/\(point.eligible))"])
            }, series: [request.t("outcomesRetentionSeries")], unit: "%")
        let retentionTable = TableView(
            id: "retention-table", caption: request.t("outcomesRetentionCaption"),
            headers: [request.t("outcomesAfter"), request.t("outcomesEligible"), request.t("outcomesKept"), request.t("outcomesRate")],
            rows: model.retention.points.map { point in
                [.init(text: request.t("outcomesMonths", ["months": String(point.months)])), .init(text: String(point.eligible)),
                 .init(text: String(point.kept)), .init(text: percent(point.rate))]
            }, empty: "")
        let retentionBlock = WorkBlock(id: "retention", heading: request.t("outcomesRetentionTitle"), text: request.t("outcomesRetentionText"),
                                       charts: [retentionChart], tables: [retentionTable])

        blocks = [measures, quartersBlock, daysBlock, retentionBlock,
                  Self.adjustmentBlock(model, request: request, number: number, percent: percent),
                  Self.creamingBlock(model, request: request, percent: percent),
                  Self.satisfactionBlock(model, request: request),
                  WorkBlock(id: "more", heading: request.t("outcomesMore"),
                            links: Self.links(model, request: request))]
    }

    static func links(_ model: OutcomesPage, request: Request) -> [LinkView] {
        var links = [LinkView(url: SiteURL.outcomesCSV.path + "?year=\(model.period.from.year)", label: request.t("outcomesCSV"))]
        for year in ((model.today.year - 3)...model.today.year).reversed() where year != model.period.from.year {
            links.append(LinkView(url: SiteURL.outcomes.path + "?year=\(year)", label: request.t("outcomesYear", ["year": String(year)])))
        }
        if model.viewer.user.role.may(.reviewFidelity) {
            links.append(LinkView(url: SiteURL.fidelityReviews.path, label: request.t("fidelityTitle")))
        }
        return links
    }

    static func adjustmentBlock(_ model: OutcomesPage, request: Request, number: (Double?) -> String, percent: (Double?) -> String) -> WorkBlock {
        guard let fitted = model.model else {
            return WorkBlock(id: "adjusted", heading: request.t("outcomesAdjustedHeading"),
                             text: request.t("outcomesAdjustedNone", ["reason": model.modelProblem ?? ""]))
        }
        let terms = TableView(
            id: "model-table", caption: request.t("outcomesModelCaption"),
            headers: [request.t("outcomesTerm"), request.t("outcomesCoefficient"), request.t("outcomesOddsMeaning")],
            rows: [[.init(text: request.t("outcomesIntercept")), .init(text: number(fitted.intercept)), .init(text: "")]]
                + fitted.terms.map { term in
                    // With (near) separated data a coefficient runs off; beyond 1000 times the words say so.
                    let odds = min(max(exp(term.coefficient), 0.001), 1_000)
                    return [.init(text: Self.words(term.term, baseline: fitted.supportNeedBaseline, request: request)),
                            .init(text: String(format: "%.4f", term.coefficient)),
                            .init(text: request.t(odds >= 1 ? "outcomesOddsHigher" : "outcomesOddsLower",
                                                  ["factor": NumberText.format(odds >= 1 ? odds : 1 / odds, in: request.language)]))]
                }, empty: "")
        let points = model.units.filter { $0.kind == "coach" }.map { row in
            (x: row.adjustment.expected, y: row.adjustment.ratio, low: Optional(row.adjustment.low), high: Optional(row.adjustment.high),
             title: "\(row.name): \(number(row.adjustment.ratio)) (\(number(row.adjustment.low))–\(number(row.adjustment.high)))")
        }
        let funnel = PlotView(
            id: "funnel-chart", title: request.t("outcomesFunnelTitle"), summary: request.t("outcomesFunnelSummary"),
            series: [.init(label: request.t("outcomesCoaches"), joined: false, points: points)] + Self.funnel(points.map(\.x), label: request.t("outcomesFunnelLimits")),
            references: [(1, request.t("outcomesAsExpected"))], yFormat: { NumberText.format($0, in: request.language) },
            xFormat: { NumberText.format($0, in: request.language) })
        let units = TableView(
            id: "units-table", caption: request.t("outcomesUnitsCaption"),
            headers: [request.t("outcomesUnit"), request.t("outcomesClients"), request.t("outcomesReached"), request.t("outcomesRate"),
                      request.t("outcomesExpected"), request.t("outcomesRatio"), request.t("outcomesInterval")],
            rows: model.units.map { row in
                let a = row.adjustment
                return [.init(text: (row.kind == "team" ? request.t("outcomesTeamPrefix") : "") + row.name), .init(text: String(a.clients)),
                        .init(text: String(a.outcomes)), .init(text: percent(a.rate)), .init(text: number(a.expected)),
                        .init(text: number(a.ratio)), .init(text: "\(number(a.low))–\(number(a.high))")]
            }, empty: request.t("outcomesNoUnits"))
        return WorkBlock(id: "adjusted", heading: request.t("outcomesAdjustedHeading"),
                         text: request.t("outcomesAdjustedText", ["clients": String(fitted.clients), "left": String(model.modelLeftOut)]),
                         facts: [KeyValue(key: request.t("outcomesMethod"), value: fitted.method)],
                         tables: [units, terms], plots: [funnel])
    }

    /// A model term as a team lead reads it: what it compares with what.
    static func words(_ term: String, baseline: SupportNeed?, request: Request) -> String {
        let words = request.standard.outcomeWords
        let language = request.language
        let parts = term.split(separator: "=", maxSplits: 1).map(String.init)
        let value = parts.count > 1 ? parts[1] : ""
        switch parts[0] {
        case "supportNeed":
            let need = SupportNeed(rawValue: value).flatMap { words.supportNeeds[$0]?.label[language] } ?? value
            let compared = baseline.flatMap { words.supportNeeds[$0]?.label[language] } ?? ""
            return request.t("outcomesTermNeed", ["need": need, "baseline": compared])
        case "targetGroups":
            return request.t("outcomesTermGroup", ["group": TargetGroup(rawValue: value).flatMap { words.targetGroups[$0]?[language] } ?? value])
        case "monthsOutOfWork": return request.t("outcomesTermMonths")
        case "age": return request.t("outcomesTermAge")
        case "workExperience": return request.t("outcomesTermExperience")
        default: return term
        }
    }

    /// The funnel: the 95% limits a unit with this many expected outcomes stays within when it does
    /// exactly as expected, drawn over the range of the units.
    static func funnel(_ expected: [Double], label: String) -> [PlotView.Input] {
        guard let largest = expected.max(), largest > 0 else { return [] }
        let smallest = max(1, (expected.min() ?? 1) * 0.8)
        let steps = 24
        let grid = (0...steps).map { smallest + (largest * 1.1 - smallest) * Double($0) / Double(steps) }
        let limits = grid.map { ($0, RiskAdjustment.funnelLimits(expected: $0)) }
        return [
            PlotView.Input(label: label, joined: true, markers: false, style: 1,
                           points: limits.map { (x: $0.0, y: $0.1.high, low: nil, high: nil, title: "") }),
            PlotView.Input(label: label, joined: true, markers: false, style: 1,
                           points: limits.map { (x: $0.0, y: $0.1.low, low: nil, high: nil, title: "") }),
        ]
    }

    static func creamingBlock(_ model: OutcomesPage, request: Request, percent: (Double?) -> String) -> WorkBlock {
        let words = request.standard.outcomeWords
        let language = request.language
        func rows(_ mixes: [CreamingIndicators.Mix], name: (String) -> String) -> [[TableView.Cell]] {
            mixes.map { mix in
                [.init(text: name(mix.group)), .init(text: "\(mix.atIntake) (\(percent(mix.intakeShare)))"),
                 .init(text: "\(mix.placed) (\(percent(mix.placedShare)))"), .init(text: "\(mix.droppedOut) (\(percent(mix.dropOutRate)))")]
            }
        }
        let headers = [request.t("outcomesGroup"), request.t("outcomesAtIntake"), request.t("outcomesAmongPlaced"), request.t("outcomesDroppedOut")]
        let needs = TableView(id: "need-mix", caption: request.t("outcomesNeedMix"), headers: headers,
                              rows: rows(model.creaming.supportNeed) { id in
                                  SupportNeed(rawValue: id).flatMap { words.supportNeeds[$0]?.label[language] } ?? request.t("outcomesUnknown")
                              }, empty: "")
        let groups = TableView(id: "group-mix", caption: request.t("outcomesGroupMix"), headers: headers,
                               rows: rows(model.creaming.targetGroups) { id in
                                   TargetGroup(rawValue: id).flatMap { words.targetGroups[$0]?[language] } ?? id
                               }, empty: "")
        return WorkBlock(id: "creaming", heading: request.t("outcomesCreamingHeading"), text: request.t("outcomesCreamingText"),
                         facts: [KeyValue(key: request.t("outcomesParked"),
                                          value: request.t("outcomesParkedValue", ["count": String(model.creaming.parked),
                                                                                   "clients": String(model.creaming.clients)]))],
                         tables: [needs, groups])
    }

    /// The yearly averages of satisfaction at closing against the minimum of 6.5 UWV sets.
    static func satisfactionBlock(_ model: OutcomesPage, request: Request) -> WorkBlock {
        let language = request.language
        let years = Array(Set(model.satisfaction.map(\.year))).sorted()
        func name(_ respondent: SatisfactionRespondent) -> String {
            request.t(respondent == .client ? "satisfactionClient" : "satisfactionEmployer")
        }
        let series = SatisfactionRespondent.allCases.map { respondent in
            PlotView.Input(label: name(respondent), joined: true, points: model.satisfaction.filter { $0.respondent == respondent }.compactMap { average in
                years.firstIndex(of: average.year).map { (x: Double($0), y: average.mean, low: nil, high: nil,
                                                          title: "\(average.year), \(name(respondent)): \(NumberText.format(average.mean, in: language))") }
            })
        }
        let chart = PlotView(id: "satisfaction-chart", title: request.t("satisfactionChartTitle"), summary: request.t("satisfactionChartSummary"),
                             series: series, references: [(Satisfaction.minimumAverage, request.t("satisfactionMinimum"))],
                             xLabels: years.map(String.init), yRange: 1...10, yFormat: { String(Int($0)) })
        let table = TableView(
            id: "satisfaction-table", caption: request.t("satisfactionTableCaption"),
            headers: [request.t("satisfactionYear"), request.t("satisfactionWho"), request.t("satisfactionCount"), request.t("satisfactionMean"),
                      request.t("satisfactionMeetsMinimum")],
            rows: model.satisfaction.map { average in
                [.init(text: String(average.year)), .init(text: name(average.respondent)), .init(text: String(average.count)),
                 .init(text: NumberText.format(average.mean, in: language)), .init(text: request.t(average.meetsMinimum ? "yes" : "no"))]
            }, empty: request.t("satisfactionNone"))
        return WorkBlock(id: "satisfaction", heading: request.t("satisfactionHeading"), text: request.t("satisfactionOutcomesText"),
                         tables: [table], plots: years.isEmpty ? [] : [chart])
    }

    /// Every figure of the page, one per line.
    static func csvRows(_ model: OutcomesPage) -> [[String]] {
        func text(_ value: Double?) -> String { value.map { String($0) } ?? "" }
        var rows: [[String]] = []
        for (unit, m) in [("yours", model.measures), ("agency", model.agencyMeasures)] {
            rows += [
                ["measures", unit, "served", String(m.served)], ["measures", unit, "outOfWorkAtStart", String(m.outOfWorkAtStart)],
                ["measures", unit, "employed", String(m.employed)], ["measures", unit, "employedRate", text(m.employedRate)],
                ["measures", unit, "employedRateOutOfWorkAtStart", text(m.employedRateOutOfWorkAtStart)],
                ["measures", unit, "daysToFirstJob.median", text(m.daysToFirstJob.median)], ["measures", unit, "daysToFirstJob.mean", text(m.daysToFirstJob.mean)],
                ["measures", unit, "weeksWorked.total", text(m.weeksWorked.total)], ["measures", unit, "weeksWorked.mean", text(m.weeksWorked.mean)],
                ["measures", unit, "longestJobWeeks.mean", text(m.longestJobWeeks.mean)], ["measures", unit, "totalHours", text(m.totalHours)],
                ["measures", unit, "hoursPerWeek", text(m.hoursPerWeek)], ["measures", unit, "working20Plus.count", String(m.working20Plus.count)],
                ["measures", unit, "working20Plus.rate", text(m.working20Plus.rate)], ["measures", unit, "totalWages", text(m.totalWages)],
                ["measures", unit, "band", m.band?.rawValue ?? ""],
            ]
        }
        for entry in model.quarters {
            rows.append(["quarter", entry.period.name, "served", String(entry.measures.served)])
            rows.append(["quarter", entry.period.name, "employedRateOutOfWorkAtStart", text(entry.measures.employedRateOutOfWorkAtStart)])
        }
        for point in model.retention.points {
            rows.append(["retention", "\(point.months) months", "eligible", String(point.eligible)])
            rows.append(["retention", "\(point.months) months", "kept", String(point.kept)])
        }
        for row in model.units {
            let a = row.adjustment
            for (figure, value) in [("clients", Double(a.clients)), ("outcomes", Double(a.outcomes)), ("rate", a.rate), ("expected", a.expected),
                                    ("ratio", a.ratio), ("low", a.low), ("high", a.high)] {
                rows.append(["adjusted-\(row.kind)", row.name, figure, String(value)])
            }
        }
        if let fitted = model.model {
            rows.append(["model", "intercept", "coefficient", String(fitted.intercept)])
            for term in fitted.terms { rows.append(["model", term.term, "coefficient", String(term.coefficient)]) }
        }
        for mix in model.creaming.supportNeed + model.creaming.targetGroups {
            rows.append(["mix", mix.group, "atIntake", String(mix.atIntake)])
            rows.append(["mix", mix.group, "placed", String(mix.placed)])
            rows.append(["mix", mix.group, "droppedOut", String(mix.droppedOut)])
        }
        rows.append(["creaming", "all", "parked", String(model.creaming.parked)])
        for average in model.satisfaction {
            rows.append(["satisfaction", "\(average.year) \(average.respondent.rawValue)", "count", String(average.count)])
            rows.append(["satisfaction", "\(average.year) \(average.respondent.rawValue)", "mean", String(average.mean)])
        }
        return rows
    }
}
