import JobcoachCore
import Vapor

/// The re-check page: the version to check against, and who would no longer meet it.
struct RecheckContext: Encodable {
    struct Row: Encodable {
        var number: String
        var name: String
        var certificate: String
        var reasons: [String]
    }

    var layout: Layout
    var formURL: String
    var options: [LevelOptionGroup.Option]
    var hasRun: Bool
    var summary: String
    var rows: [Row]
    var csvURL: String

    init(request: Request, versions: [FrameworkVersion], chosen: FrameworkVersion?, run: RegisterRecheckRun?) {
        let language = request.language
        layout = Layout(request: request, title: request.t("officeRecheck"), current: .officeRecheck)
        formURL = SiteURL.officeRecheck.path
        let chosenValue = chosen.map { "\($0.id)@\($0.version)" } ?? ""
        options = versions.map { version in
            let value = "\(version.id)@\(version.version)"
            return LevelOptionGroup.Option(value: value, label: "\(version.title[language]) (\(version.version))", selected: value == chosenValue)
        }
        hasRun = run != nil
        summary = request.t(count: run?.rows.count ?? 0, oneKey: "recheckSummaryOne", manyKey: "recheckSummaryMany",
                            ["checked": String(run?.checked ?? 0)])
        rows = (run?.rows ?? []).map { Row(number: $0.registrationNumber, name: $0.name, certificate: $0.certificate, reasons: $0.reasons) }
        csvURL = SiteURL.officeRecheck.path(query: [("version", chosenValue), ("format", "csv")])
    }
}
