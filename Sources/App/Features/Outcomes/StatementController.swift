import Fluent
import Foundation
import JobcoachCore
import Vapor

/// What a commissioner pays for: its tariffs per payment group and payment point, and the statement
/// of a year (which client reached which point, and the amounts) with the year's outcomes and
/// adjusted ratios per payment group beside it. A printable page, a PDF and a CSV.
enum StatementController {
    struct Statement {
        let commissioner: Commissioner
        let year: Int
        let tariffs: [CommissionerTariff]
        let statement: PaymentStatement
        let names: [String: String]
        let groups: [(group: String, measures: EmploymentMeasures)]
        let adjusted: [RiskAdjustment.Unit]
    }

    static func commissioner(_ request: Request, _ viewer: OutcomeViewer) async throws -> Commissioner {
        guard let id = request.parameters.get("commissioner", as: UUID.self),
              let commissioner = try await Commissioner.query(on: request.db).filter(\.$id == id)
                .filter(\.$organisationID == viewer.organisationID).first() else { throw Abort(.notFound) }
        return commissioner
    }

    static func load(_ request: Request, viewer: OutcomeViewer) async throws -> Statement {
        let commissioner = try await commissioner(request, viewer)
        let commissionerID = try commissioner.requireID()
        let year = try OutcomesPage.year(request)
        let period = OutcomePeriod.year(year)
        let tariffs = try await CommissionerTariff.query(on: request.db).filter(\.$commissioner.$id == commissionerID)
            .sort(\.$paymentGroup).sort(\.$paymentPoint).all()
        var prices: [String: [PaymentPoint: Int]] = [:]
        for tariff in tariffs {
            if let point = PaymentPoint(rawValue: tariff.paymentPoint) { prices[tariff.paymentGroup, default: [:]][point] = tariff.amountCents }
        }
        let data = try await OutcomeData.load(organisationID: viewer.organisationID, timeZone: request.application.configuration.timeZone,
                                              on: request.db)
        let own = data.trajectories.filter { $0.commissionerID == commissionerID }
        // Clients erased on request stay in the books as their reference (`RetainedFinancialRecord`).
        let kept = try await RetainedFinancialRecord.query(on: request.db).filter(\.$organisationID == viewer.organisationID)
            .filter(\.$commissionerID == commissionerID).filter(\.$kind == RetainedFinancialRecord.Kind.paymentPoint.rawValue).all()
            .compactMap { row -> PaymentStatement.Line? in
                guard let point = row.paymentPoint.flatMap(PaymentPoint.init(rawValue:)), let day = CalendarDate(row.occurredOn) else { return nil }
                return PaymentStatement.Line(client: row.reference, paymentGroup: row.paymentGroup, point: point, reachedOn: day,
                                             amountCents: row.amountCents)
            }
        let statement = PaymentStatement.compute(own.map { trajectory in
            PaymentStatement.Client(id: trajectory.id.uuidString, paymentGroup: trajectory.factors?.paymentGroup ?? "", start: trajectory.start,
                                    jobs: trajectory.jobs.map(\.job))
        }, tariffs: prices, period: period, asOf: request.today, kept: kept)
        let shown = Set(statement.lines.map(\.client)).compactMap(UUID.init(uuidString:))
        var names: [String: String] = [:]
        for line in kept { names[line.client] = request.t("statementErasedClient", ["reference": line.client]) }
        if !shown.isEmpty {
            for trajectory in try await Trajectory.query(on: request.db).filter(\.$id ~~ shown).with(\.$client).all() {
                names[trajectory.id!.uuidString] = trajectory.client.name
            }
        }
        let grouped = Dictionary(grouping: own) { $0.factors?.paymentGroup ?? "" }
        let groups = grouped.keys.sorted().map { group in
            (group, EmploymentMeasures.measure(grouped[group]!.map(\.outcomeClient), in: period))
        }
        // Ratios per payment group from the agency-wide model, when it can be fitted.
        let fit = data.riskAdjustment(in: period)
        let adjusted = (try? fit.result.get())?.grouped(by: fit.trajectories.map {
            $0.commissionerID == commissionerID ? $0.factors?.paymentGroup ?? "" : nil
        }) ?? []
        return Statement(commissioner: commissioner, year: year, tariffs: tariffs, statement: statement, names: names,
                         groups: groups, adjusted: adjusted)
    }

    static func euros(_ cents: Int?, _ language: Language) -> String {
        guard let cents else { return "–" }
        return "€ " + NumberText.format(Double(cents) / 100, in: language)
    }

    static func context(_ request: Request, _ statement: Statement, values: [String: String] = [:], errors: [FieldError] = []) throws -> WorkPageContext {
        let language = request.language
        let words = request.standard.outcomeWords
        let id = try statement.commissioner.requireID()
        func point(_ id: String) -> String { PaymentPoint(rawValue: id).flatMap { words.paymentPoints[$0]?[language] } ?? id }
        func percent(_ value: Double?) -> String { value.map { NumberText.format($0 * 100, in: language) + "%" } ?? "–" }
        func group(_ name: String) -> String { name.isEmpty ? request.t("statementNoGroup") : name }
        let lines = TableView(
            id: "statement-table", caption: request.t("statementLinesCaption", ["year": String(statement.year)]),
            headers: [request.t("statementClient"), request.t("statementGroup"), request.t("statementPoint"), request.t("statementReachedOn"),
                      request.t("statementAmount")],
            rows: statement.statement.lines.map { line in
                [.init(text: statement.names[line.client] ?? "–"), .init(text: group(line.paymentGroup)), .init(text: point(line.point.rawValue)),
                 .init(text: line.reachedOn.description), .init(text: euros(line.amountCents, language))]
            }, empty: request.t("statementNoLines"))
        let totals = PaymentPoint.allCases.map { KeyValue(key: point($0.rawValue), value: String(statement.statement.countByPoint[$0] ?? 0)) }
            + [KeyValue(key: request.t("statementTotal"), value: euros(statement.statement.totalCents, language))]
        let tariffTable = TableView(
            id: "tariff-table", caption: request.t("statementTariffsCaption"),
            headers: [request.t("statementGroup"), request.t("statementPoint"), request.t("statementAmount")],
            rows: statement.tariffs.map { [.init(text: group($0.paymentGroup)), .init(text: point($0.paymentPoint)), .init(text: euros($0.amountCents, language))] },
            empty: request.t("statementNoTariffs"))
        let byField = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let make = FormFieldMaker(request: request, values: values, errors: byField)
        let form = FormView(id: "tariff-form", url: SiteURL.commissionerTariffs(.value(id)).path, csrfToken: request.csrfToken, sections: [
            FormSectionView(legend: request.t("statementTariffNew"), fields: [
                make.field("paymentGroup", labelKey: "statementGroup", hintKey: "statementGroupHint"),
                make.field("paymentPoint", labelKey: "statementPoint", kind: "select", optional: false,
                           options: PaymentPoint.allCases.map { ChoiceOption(value: $0.rawValue, label: point($0.rawValue), selected: values["paymentPoint"] == $0.rawValue) }),
                make.field("amount", labelKey: "statementAmountEuros", optional: false, inputMode: "decimal"),
            ]),
        ], submitLabel: request.t("statementTariffSave"), readOnly: false)
        let groups = TableView(
            id: "group-table", caption: request.t("statementGroupsCaption"),
            headers: [request.t("statementGroup"), request.t("outcomesServed"), request.t("outcomesEmployed"),
                      request.t("outcomesEmployedRateOutOfWork"), request.t("outcomesExpected"), request.t("outcomesRatio")],
            rows: statement.groups.map { entry in
                let ratio = statement.adjusted.first { $0.unit == entry.group }
                return [.init(text: group(entry.group)), .init(text: String(entry.measures.served)), .init(text: String(entry.measures.employed)),
                        .init(text: percent(entry.measures.employedRateOutOfWorkAtStart)),
                        .init(text: ratio.map { NumberText.format($0.expected, in: language) } ?? "–"),
                        .init(text: ratio.map { NumberText.format($0.ratio, in: language) } ?? "–")]
            }, empty: request.t("statementNoLines"))
        return WorkPageContext(
            layout: Layout(request: request, title: request.t("statementTitle"), current: .outcomes),
            heading: request.t("statementTitle"), subtitle: "\(statement.commissioner.name), \(statement.year)", lead: request.t("statementLead"),
            backURL: SiteURL.outcomes.path, backLabel: request.t("outcomesTitle"), notice: nil,
            blocks: [
                WorkBlock(id: "statement", heading: request.t("statementLinesHeading"), facts: totals, tables: [lines],
                          links: [LinkView(url: SiteURL.commissionerStatementCSV(.value(id)).path + "?year=\(statement.year)", label: request.t("statementCSV")),
                                  LinkView(url: SiteURL.commissionerStatementPDF(.value(id)).path + "?year=\(statement.year)", label: request.t("statementPDF"))]),
                WorkBlock(id: "groups", heading: request.t("statementGroupsHeading"), text: request.t("statementGroupsText"), tables: [groups]),
                WorkBlock(id: "tariffs", heading: request.t("statementTariffs"), tables: [tariffTable], forms: [form]),
            ],
            errors: errors, hasErrors: !errors.isEmpty)
    }

    static func audit(_ request: Request, _ viewer: OutcomeViewer, _ action: String, _ statement: Statement) async throws {
        try await viewer.audit(request, action, details: ["commissioner": statement.commissioner.id!.uuidString, "year": String(statement.year),
                                                          "clients": String(statement.names.count)])
    }

    static func page(_ request: Request) async throws -> Response {
        let viewer = try request.outcomeViewer
        let statement = try await load(request, viewer: viewer)
        try await audit(request, viewer, "statement.viewed", statement)
        return try await request.page(.work, try context(request, statement))
    }

    static func pdf(_ request: Request) async throws -> Response {
        let viewer = try request.outcomeViewer
        let statement = try await load(request, viewer: viewer)
        try await audit(request, viewer, "statement.pdf", statement)
        let html = try await request.render(.work, try context(request, statement))
        do {
            let data = try await request.application.pdfRenderer.pdf(html: String(buffer: html.data))
            let response = Response(status: .ok, body: .init(data: data))
            response.headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"statement-\(statement.year).pdf\"")
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        } catch PDFRendererError.unavailable(let package) {
            throw Abort(.serviceUnavailable, reason: request.t("reportPDFUnavailable", ["package": package]))
        }
    }

    static func csv(_ request: Request) async throws -> Response {
        let viewer = try request.outcomeViewer
        let statement = try await load(request, viewer: viewer)
        try await audit(request, viewer, "statement.exported", statement)
        let rows = statement.statement.lines.map { line in
            [statement.names[line.client] ?? "", line.paymentGroup, line.point.rawValue, line.reachedOn.description,
             line.amountCents.map { String(format: "%.2f", Double($0) / 100) } ?? ""]
        }
        let response = Response(status: .ok, body: .init(string: CSVText.document(header: ["client", "payment_group", "payment_point", "reached_on", "amount_eur"], rows: rows)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"statement-\(statement.year).csv\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func saveTariff(_ request: Request) async throws -> Response {
        let viewer = try request.outcomeViewer
        let commissioner = try await commissioner(request, viewer)
        var form = FormFields(try request.content.decode([String: String].self))
        let group = form.value("paymentGroup")
        if group.count > 40 { form.problem("paymentGroup", "formTooLong") }
        let point = PaymentPoint(rawValue: form.value("paymentPoint"))
        if point == nil { form.problem("paymentPoint", "statementPointProblem") }
        let amount = form.amount("amount")
        if amount == nil, form.value("amount").isEmpty { form.problem("amount", "statementAmountProblem") }
        guard form.problems.isEmpty, let point, let amount else {
            let statement = try await load(request, viewer: viewer)
            return try await request.page(.work, try context(request, statement, values: form.values, errors: form.problems.fieldErrors(request)),
                                          status: .unprocessableEntity)
        }
        let commissionerID = try commissioner.requireID()
        try await request.change { db in
            let tariff = try await CommissionerTariff.query(on: db).filter(\.$commissioner.$id == commissionerID)
                .filter(\.$paymentGroup == group).filter(\.$paymentPoint == point.rawValue).first() ?? CommissionerTariff()
            tariff.organisationID = viewer.organisationID
            tariff.$commissioner.id = commissionerID
            tariff.paymentGroup = group
            tariff.paymentPoint = point.rawValue
            tariff.amountCents = Int((amount * 100).rounded())
            try await tariff.save(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .organisation(viewer.organisationID), actor: viewer.user.auditName, action: "tariff.saved",
                                                              subject: "commissioner:\(commissionerID.uuidString)",
                                                              details: ["group": group, "point": point.rawValue, "cents": String(tariff.amountCents)])
        }
        return request.redirect(to: SiteURL.commissionerStatement(.value(commissionerID)).path)
    }
}
