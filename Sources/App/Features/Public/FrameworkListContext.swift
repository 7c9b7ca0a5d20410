import JobcoachCore
import Vapor

/// The list of professional profiles.
struct FrameworkListContext: Encodable {
    struct Entry: Encodable {
        var id: String
        var title: String
        var publisher: String
        var summary: String
        var url: String
        var currentVersion: String?
        var currentSince: String?
        var versionCount: Int
        var sourceDocument: String
        var counts: [String]
    }

    var layout: Layout
    var frameworks: [Entry]
    var compareURL: String

    init(request: Request) {
        let language = request.language
        let catalog = request.standard.frameworks
        layout = Layout(request: request, title: request.t("frameworksTitle"), current: .frameworks)
        frameworks = catalog.ids.compactMap { id in
            let versions = catalog.versions(of: id)
            guard let latest = versions.last else { return nil }
            let current = catalog.version(id, on: request.today) ?? latest
            let counts = current.groupKinds.map { kind in
                "\(current.groups(kind).count) \(kind.title[language].lowercased())"
            }
            return Entry(id: id, title: current.title[language], publisher: current.publisher[language],
                         summary: current.summary[language], url: SiteURL.framework(.value(id)).path,
                         currentVersion: current.version, currentSince: current.effectiveFrom.text(in: language),
                         versionCount: versions.count, sourceDocument: SourceDocument.named(current.sourceDocument)?.title[language] ?? current.sourceDocument, counts: counts)
        }
        compareURL = SiteURL.compare.path
    }
}
