import JobcoachCore
import Vapor

/// Search ESCO occupations by label or ISCO code.
struct OccupationsContext: Encodable {
    struct Result: Encodable {
        var label: String
        var matchedLabel: String?
        var iscoCode: String
        var iscoGroup: String
        var uri: String
    }

    var layout: Layout
    var formURL: String
    var query: String
    var hasQuery: Bool
    var results: [Result]
    var resultCount: Int
    var jobcoachExamples: [Result]

    init(request: Request, query: String) {
        layout = Layout(request: request, title: request.t("occupationsTitle"), current: .occupations)
        formURL = SiteURL.occupations.path
        self.query = query
        hasQuery = !query.isEmpty
        let catalog = request.standard.occupations
        let result = { (match: OccupationMatch) in
            Result(label: match.occupation.preferredLabel,
                   matchedLabel: match.matchedLabel == match.occupation.preferredLabel ? nil : match.matchedLabel,
                   iscoCode: match.occupation.iscoCode,
                   iscoGroup: catalog.iscoGroups[match.occupation.iscoCode]?.label ?? "",
                   uri: match.occupation.uri)
        }
        results = hasQuery ? catalog.search(query, limit: 50).map(result) : []
        resultCount = results.count
        // The two occupations of the profession itself, as the ESCO extract names them.
        jobcoachExamples = ["employment and vocational integration consultant", "employment support worker"]
            .compactMap { catalog.search($0, limit: 1).first }.map(result)
    }
}
