import Foundation
import JobcoachCore
import Vapor

/// The form that takes on a new client and starts their trajectory.
struct ClientNewContext: Encodable {
    var layout: Layout
    var csrfToken: String
    var formURL: String
    var caseloadURL: String
    var values: [String: String]
    var places: [ChoiceOption]
    var commissioners: [ChoiceOption]
    var coaches: [ChoiceOption]
    var chooseCoach: Bool
    var framework: String
    var errors: [FieldError]
    var hasErrors: Bool
    var fieldErrors: [String: String]
}
