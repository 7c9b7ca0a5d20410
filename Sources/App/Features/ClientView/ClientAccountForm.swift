import Foundation
import Vapor

/// The coach's form on the client's account page: invite the client at an address, or end the
/// account (`action=end`).
struct ClientAccountForm: Decodable, Sendable {
    enum Field: String, FormFieldName {
        case action, accountEmail
    }

    var posted: PostedForm<Field>

    init(from decoder: any Decoder) throws {
        posted = try PostedForm(from: decoder)
    }

    /// Whether the coach ends the account rather than inviting the client.
    var ends: Bool { posted[.action] == "end" }

    /// The one validation step: an address that is plausible and not taken (`isTaken`, asked only for
    /// a plausible one), for a client without an account yet. The address as accounts store it, or
    /// nil with the one problem.
    mutating func validate(hasAccount: Bool, isTaken: (String) async throws -> Bool) async rethrows -> String? {
        let email = User.normalize(email: posted[.accountEmail])
        var problemKey: String?
        if email.isEmpty { problemKey = "accountEmailMissing" }
        else if !AccountService.isPlausibleEmail(email) { problemKey = "clientEmailInvalid" }
        else if try await isTaken(email) { problemKey = "accountEmailTaken" }
        if hasAccount { problemKey = "accountExists" }
        guard let problemKey else { return email }
        posted.problem(.accountEmail, problemKey)
        return nil
    }
}
