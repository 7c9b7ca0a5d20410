import Vapor

/// A client's matching page: the engine's ranking of the agency's open workplaces with every reason,
/// the decisions recorded, and the placement.
struct MatchingPageContext: Encodable {
    struct Reason: Encodable {
        var effect: String
        var effectText: String
        var criterion: String
        var text: String
    }

    struct Result: Encodable {
        var workplaceID: String
        var title: String
        var employer: String
        var employerURL: String
        var workplaceURL: String
        var place: String
        var fit: String
        var fitCode: String
        var score: Int
        var distance: String?
        var adjustments: String?
        var reasons: [Reason]
        var decision: String?
        var headingID: String
        /// The decision form of this result is shown open (after a problem with it).
        var formOpen: Bool
    }

    struct DecisionRow: Encodable {
        var workplace: String
        var decision: String
        var engine: String
        var forCommissioner: String
        var forEmployer: String
        var date: String
        var reasons: [Reason]
    }

    var layout: Layout
    var csrfToken: String
    var clientName: String
    var clientURL: String
    var hasProfile: Bool
    var profileURL: String
    var criteria: [String]
    var results: [Result]
    /// The results under a heading per fit, in the order of the fits.
    var groups: [ResultGroup]
    var resultCount: String
    var showAll: Bool
    var showAllURL: String
    var showBestURL: String
    var canWork: Bool
    var decisionURL: String
    var decisionOptions: [ChoiceOption]
    var decisions: [DecisionRow]
    var placementURL: String
    var placementOptions: [ChoiceOption]
    var contractOptions: [ChoiceOption]
    /// A regular job (chosen unless the form said otherwise) or sheltered or subsidised work.
    var jobKindOptions: [ChoiceOption]
    var activePlacement: String?
    var values: [String: String]
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]
}
