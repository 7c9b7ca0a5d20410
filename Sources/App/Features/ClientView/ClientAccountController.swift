import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The coach invites a client to their own page: an account with the client role, linked to this
/// client only, and a mail with a link (valid 72 hours, once) where the client chooses a password.
/// Without a mail server the page shows the link, to hand over in person. The coach can end it.
enum ClientAccountController {
    static func page(_ request: Request) async throws -> Response {
        let actor = try request.practiceActor
        let file = try await ClientFile.load(try request.scopedClient, on: request)
        return try await render(request, actor: actor, file: file, values: [:], errors: [])
    }

    static func render(_ request: Request, actor: PracticeActor, file: ClientFile, values: [String: String], errors: [FieldError],
                       status: HTTPStatus = .ok, notice: String? = nil) async throws -> Response {
        let client = file.client
        let clientID = try client.requireID()
        let account = try await ClientAccount.query(on: request.db).filter(\.$organisationID == actor.organisationID)
            .filter(\.$client.$id == clientID).with(\.$user).first()
        var block = WorkBlock(id: "account", heading: request.t("accountHeading"))
        if let account {
            block.facts = [KeyValue(key: request.t("accountEmail"), value: account.user.email),
                           KeyValue(key: request.t("accountLastLogin"), value: account.user.lastLoginAt.map {
                               PracticeOptions.dateTime($0, timeZone: request.application.configuration.timeZone, language: request.language)
                           } ?? request.t("accountNeverLoggedIn"))]
            block.forms = WorkPage.form(request, actor: actor, client: client, id: "account-end-form", url: .clientAccount(.value(clientID)),
                                        sections: [FormSectionView(legend: request.t("accountEnd"), hint: request.t("accountEndHint"))],
                                        submitKey: "accountEndButton", hidden: [KeyValue(key: "action", value: "end")])
        } else {
            block.text = request.t("accountNone")
            let make = FormFieldMaker(request: request, values: values.isEmpty ? ["accountEmail": client.email] : values, errors: errors.byField)
            block.forms = WorkPage.form(request, actor: actor, client: client, id: "account-form", url: .clientAccount(.value(clientID)), sections: [
                FormSectionView(legend: request.t("accountInvite"), hint: request.t("accountInviteHint"),
                                fields: [make.field("accountEmail", labelKey: "accountEmail", kind: "email", optional: false)]),
            ], submitKey: "accountInviteButton", hidden: [KeyValue(key: "action", value: "invite")])
        }
        return try await WorkPage.render(request, actor: actor, file: file, titleKey: "accountTitle", leadKey: "accountLead",
                                         audit: "account.viewed", blocks: [block], errors: errors, status: status, notice: notice)
    }

    static func save(_ request: Request) async throws -> Response {
        let (actor, client, file, posted) = try await ClientWrite.begin(request, form: ClientAccountForm.self)
        var form = posted
        let clientID = try client.requireID()
        let existing = try await ClientAccount.query(on: request.db).filter(\.$organisationID == actor.organisationID)
            .filter(\.$client.$id == clientID).with(\.$user).first()
        if form.ends {
            guard let existing else { throw Abort(.notFound) }
            return try await end(existing, request, actor: actor, file: file)
        }
        let validated = try await form.validate(hasAccount: existing != nil) { email in
            try await User.query(on: request.db).filter(\.$email == email).first() != nil
        }
        guard let email = validated else {
            return try await render(request, actor: actor, file: file, values: form.posted.values,
                                    errors: form.posted.problems.fieldErrors(request), status: .unprocessableEntity)
        }
        // Nobody knows this password: the account opens only through the link.
        let hash = try await request.application.accounts.hash(SecureToken.random())
        let name = client.name
        let app = request.application
        let language = request.language
        let link = try await request.change { db in
            let user = User(email: email, displayName: name, passwordHash: hash, role: .client, mustChangePassword: false)
            user.languageCode = language.rawValue
            try await user.create(on: db)
            let account = ClientAccount()
            account.organisationID = actor.organisationID
            account.$client.id = clientID
            account.$user.id = try user.requireID()
            try await account.create(on: db)
            try await ClientAudit.record(on: db, request, actor, "account.invited", client: client, details: ["user": try user.requireID().uuidString])
            return try await AccountLinks.invite(user, on: db, app: app)
        }
        let notice = request.t("accountInvited", ["email": email])
            + (app.configuration.smtp == nil ? " " + request.t("accountInvitedLink", ["link": link]) : "")
        return try await render(request, actor: actor, file: file, values: [:], errors: [], notice: notice)
    }

    /// Ends the account entirely (sessions, login attempts, the user), so the address can be invited
    /// again and nothing of it stays behind.
    static func end(_ account: ClientAccount, _ request: Request, actor: PracticeActor, file: ClientFile) async throws -> Response {
        let user = account.user
        let client = file.client
        try await request.change { db in
            try await StoredSession.query(on: db).filter(\.$userID == user.id!).delete()
            try await LoginAttempt.query(on: db).filter(\.$email == user.email).delete()
            try await OutboxMessage.query(on: db).filter(\.$recipient == user.email).delete()
            try await account.delete(on: db)
            try await user.delete(on: db)
            try await ClientAudit.record(on: db, request, actor, "account.ended", client: client, details: ["user": user.id!.uuidString])
        }
        return try await render(request, actor: actor, file: file, values: [:], errors: [], notice: request.t("accountEnded"))
    }
}
