import JobcoachCore
import Vapor

/// Registers every route from `SiteURL`, grouped by who may use it.
enum Routes {
    static func register(on app: Application) throws {
        let config = app.configuration

        // JSON API and service endpoints: no cookies, no sessions.
        app.get(SiteURL.health.pathComponents, use: APIController.health)
        app.get(SiteURL.openAPI.pathComponents, use: OpenAPIController.document)
        if config.benchmarkRoute {
            app.get(SiteURL.benchBare.pathComponents) { _ in "ok" }
        }
        let api = app.grouped(BearerTokenMiddleware())
        api.get(SiteURL.api(.frameworks).pathComponents, use: APIController.frameworks)
        api.get(SiteURL.api(.framework(.key)).pathComponents, use: APIController.framework)
        api.get(SiteURL.api(.frameworkVersion(.key, .key)).pathComponents, use: APIController.frameworkVersion)
        api.get(SiteURL.api(.frameworkDiff(.key)).pathComponents, use: APIController.frameworkDiff)
        api.get(SiteURL.api(.qualificationLevels).pathComponents, use: APIController.qualificationLevels)
        api.get(SiteURL.api(.occupations).pathComponents, use: APIController.occupations)
        let protectedAPI = api.grouped(RequireAPIUserMiddleware())
        protectedAPI.get(["api", "v1", "me"], use: APIController.me)

        // Browser pages: sessions, the signed-in user, CSRF on every form.
        let browser = app.grouped(app.sessions.middleware, SessionUserMiddleware(), CSRFMiddleware())
        browser.get(SiteURL.home.pathComponents, use: PublicPagesController.home)
        browser.get(SiteURL.frameworks.pathComponents, use: PublicPagesController.frameworks)
        browser.get(SiteURL.framework(.key).pathComponents, use: PublicPagesController.framework)
        browser.get(SiteURL.frameworkVersion(.key, .key).pathComponents, use: PublicPagesController.frameworkVersion)
        browser.get(SiteURL.frameworkDiff(.key).pathComponents, use: PublicPagesController.frameworkDiff)
        browser.get(SiteURL.compare.pathComponents, use: PublicPagesController.compare)
        browser.get(SiteURL.qualificationLevels.pathComponents, use: PublicPagesController.qualificationLevels)
        browser.get(SiteURL.occupations.pathComponents, use: PublicPagesController.occupations)
        browser.get(SiteURL.login.pathComponents, use: AuthController.loginPage)
        browser.post(SiteURL.login.pathComponents, use: AuthController.login)
        browser.post(SiteURL.logout.pathComponents, use: AuthController.logout)

        let signedIn = browser.grouped(RequireUserMiddleware())
        signedIn.get(SiteURL.changePassword.pathComponents, use: AuthController.changePasswordPage)
        signedIn.post(SiteURL.changePassword.pathComponents, use: AuthController.changePassword)

        let userAdmin = signedIn.grouped(RequirePermissionMiddleware(permission: .manageUsers))
        userAdmin.get(SiteURL.adminUsers.pathComponents, use: AdminController.users)
        userAdmin.post(SiteURL.adminUsers.pathComponents, use: AdminController.createUser)
        userAdmin.get(SiteURL.adminUser(.key).pathComponents, use: AdminController.user)
        userAdmin.post(SiteURL.adminUser(.key).pathComponents, use: AdminController.updateUser)
        userAdmin.post(SiteURL.adminUserResetPassword(.key).pathComponents, use: AdminController.resetPassword)

        let auditors = signedIn.grouped(RequirePermissionMiddleware(permission: .viewAuditTrail))
        auditors.get(SiteURL.adminAudit.pathComponents, use: AdminController.audit)
    }
}
