import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The fading page (task 6): a model that loads the plan and its comparison with the support given,
/// and a content that shows the comparison (chart and table of the same figures) and the two forms.
enum FadingPage: ClientWorkPage {
    static let titleKey = "fadingTitle"
    static let leadKey = "fadingLead"
    static let auditAction = "fading.viewed"

    struct Model: WorkPageModel {
        let file: ClientFile
        let plan: FadingPlan?
        let comparison: FadingComparison?

        static func load(_ file: ClientFile, _ input: WorkPageInput) async throws -> Model {
            let coaching = try await CoachingFile.load(file, on: input.request.db)
            return Model(file: file, plan: coaching.fading?.core, comparison: coaching.fadingComparison)
        }

        /// A linear plan starts on the placement's first day unless the coach says otherwise.
        var suggestedStart: CalendarDate? { file.activePlacement.flatMap { CalendarDate($0.startOn) } }
    }

    struct Content: WorkPageContent {
        let model: Model
        let input: WorkPageInput

        var blocks: [WorkBlock] { [comparison, linear, weeks] }

        private func number(_ value: Double) -> String { NumberText.format(value, in: language) }

        var comparison: WorkBlock {
            guard let comparison = model.comparison, let plan = model.plan else {
                return WorkBlock(id: "comparison", heading: request.t("fadingComparison"), text: request.t("fadingNone"))
            }
            let planned = request.t("fadingPlanned"), given = request.t("fadingGiven")
            let chart = BarChartView(
                id: "fading-chart", title: request.t("fadingChartTitle"),
                summary: request.t("fadingSummary", [
                    "planned": number(comparison.plannedTotal),
                    "given": number(comparison.givenTotal),
                    "takeover": plan.takeoverOn.text(in: language),
                ]),
                groups: comparison.rows.enumerated().map { index, row in
                    (label: String(index + 1), values: [row.plannedHours, row.givenHours],
                     titles: ["\(planned): \(number(row.plannedHours))", "\(given): \(number(row.givenHours))"])
                },
                series: [planned, given], unit: request.t("hoursShort"))
            let table = TableView(
                id: "fading-table", caption: request.t("fadingTableCaption"),
                headers: [request.t("fadingWeek"), request.t("fadingStartsOn"), planned, given, request.t("fadingDifference")],
                rows: comparison.rows.enumerated().map { index, row in
                    [.init(text: String(index + 1)), .init(text: row.startsOn.text(in: language)),
                     .init(text: number(row.plannedHours)), .init(text: number(row.givenHours)),
                     .init(text: (row.differenceHours > 0 ? "+" : "") + number(row.differenceHours))]
                }, empty: "")
            var text = request.t("fadingTakeover", ["date": plan.takeoverOn.text(in: language)])
            if comparison.givenOutsideHours > 0 {
                text += " " + request.t("fadingOutside", ["hours": number(comparison.givenOutsideHours)])
            }
            return WorkBlock(id: "comparison", heading: request.t("fadingComparison"), text: text, charts: [chart], tables: [table])
        }

        var linear: WorkBlock {
            let startField = FadingForm.Field.start.rawValue
            var shown = values
            if shown[startField] == nil, let start = model.suggestedStart { shown[startField] = start.description }
            let make = FormFieldMaker(request: request, values: shown, errors: errors.byField)
            let section = FormSectionView(legend: request.t("fadingLinearHeading"), fields: [
                make.field(startField, labelKey: "fadingStart", kind: "date", optional: false),
                make.field(FadingForm.Field.firstHours.rawValue, labelKey: "fadingFirstHours", optional: false, inputMode: "decimal"),
                make.field(FadingForm.Field.weeksCount.rawValue, labelKey: "fadingWeeksCount", optional: false, inputMode: "numeric"),
            ])
            return WorkBlock(id: "linear", heading: request.t("fadingLinearHeading"), text: request.t("fadingLinearLead"),
                             forms: WorkPage.form(request, actor: actor, client: model.file.client, id: "fading-linear-form",
                                                  url: .clientFading(.value(clientID)), sections: [section], submitKey: "fadingMake",
                                                  hidden: [KeyValue(key: FadingForm.Field.mode.rawValue, value: FadingForm.Mode.linear.rawValue)]))
        }

        var weeks: WorkBlock {
            var shown = values
            if values.isEmpty, let plan = model.plan {
                for (row, week) in plan.weeks.enumerated() {
                    shown[FadingForm.cell(row, "start")] = week.startsOn.description
                    shown[FadingForm.cell(row, "hours")] = number(week.plannedHours)
                }
                shown[FadingForm.Field.takeoverOn.rawValue] = plan.takeoverOn.description
            }
            let byField = errors.byField
            // The plan's weeks and the rows posted, then four empty rows to add weeks in.
            let filled = (0..<FadingForm.tableRows).last { !(shown[FadingForm.cell($0, "start")] ?? "").isEmpty
                || !(shown[FadingForm.cell($0, "hours")] ?? "").isEmpty }.map { $0 + 1 } ?? 0
            let rowCount = min(FadingForm.tableRows, max(filled + 4, 6))
            let week = request.t("fadingWeek")
            let table = InputTableView(
                id: FadingForm.Field.weeks.rawValue, caption: request.t("fadingWeeksCaption"),
                headers: [week, request.t("fadingStartsOn"), request.t("fadingPlannedHours")],
                rows: (0..<rowCount).map { row in
                    let header = "\(week) \(row + 1)"
                    return InputTableView.Row(header: header, cells: [
                        .init(id: FadingForm.cell(row, "start"), label: "\(header): \(request.t("fadingStartsOn"))",
                              value: shown[FadingForm.cell(row, "start")] ?? "", kind: "date", inputMode: "",
                              invalid: byField[FadingForm.cell(row, "start")] != nil),
                        .init(id: FadingForm.cell(row, "hours"), label: "\(header): \(request.t("fadingPlannedHours"))",
                              value: shown[FadingForm.cell(row, "hours")] ?? "", kind: "text", inputMode: "decimal",
                              invalid: byField[FadingForm.cell(row, "hours")] != nil),
                    ])
                },
                errors: errors.filter { $0.field.hasPrefix("fadingWeek") }.map(\.message))
            let make = FormFieldMaker(request: request, values: shown, errors: byField)
            let section = FormSectionView(legend: request.t("fadingWeeksHeading"), hint: request.t("fadingWeeksLead"), fields: [
                make.field(FadingForm.Field.takeoverOn.rawValue, labelKey: "fadingTakeoverOn", kind: "date", optional: false),
            ], inputTables: [table])
            return WorkBlock(id: "weeks", heading: request.t("fadingWeeksHeading"),
                             forms: WorkPage.form(request, actor: actor, client: model.file.client, id: "fading-weeks-form",
                                                  url: .clientFading(.value(clientID)), sections: [section], submitKey: "save",
                                                  hidden: [KeyValue(key: FadingForm.Field.mode.rawValue, value: FadingForm.Mode.weeks.rawValue)]))
        }
    }
}
