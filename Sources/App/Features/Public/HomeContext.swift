import JobcoachCore
import Vapor

/// The front page: what the product is, for whom, and where to start.
struct HomeContext: Encodable {
    struct Card: Encodable {
        var title: String
        var text: String
        var url: String
    }

    var layout: Layout
    var cards: [Card]
    var frameworkCount: Int

    init(request: Request) {
        layout = Layout(request: request, title: request.t("homeTitle"))
        cards = [
            Card(title: request.t("navFrameworks"), text: request.t("homeCardFrameworks"), url: SiteURL.frameworks.path),
            Card(title: request.t("navCompare"), text: request.t("homeCardCompare"), url: SiteURL.compare.path),
            Card(title: request.t("navLevels"), text: request.t("homeCardLevels"), url: SiteURL.qualificationLevels.path),
            Card(title: request.t("navOccupations"), text: request.t("homeCardOccupations"), url: SiteURL.occupations.path),
        ]
        frameworkCount = request.standard.frameworks.ids.count
    }
}
