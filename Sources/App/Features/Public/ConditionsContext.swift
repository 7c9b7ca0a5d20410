import JobcoachCore
import Vapor

/// The condition vocabulary: what clients need and workplaces offer; what jobs demand and clients
/// may not be able to work with.
struct ConditionsContext: Encodable {
    struct Term: Encodable {
        var id: String
        var label: String
        var description: String
    }

    var layout: Layout
    var needs: [Term]
    var demands: [Term]
    var apiURL: String

    init(request: Request) {
        let language = request.language
        layout = Layout(request: request, title: request.t("conditionsTitle"))
        let vocabulary = request.standard.conditions
        needs = vocabulary.terms(.need).map { Term(id: $0.id, label: $0.label[language], description: $0.description[language]) }
        demands = vocabulary.terms(.demand).map { Term(id: $0.id, label: $0.label[language], description: $0.description[language]) }
        apiURL = SiteURL.api(.matchingConditions).path
    }
}
