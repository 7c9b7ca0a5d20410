import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import JobcoachCore
import Leaf
import LeafKit
import Vapor

/// Sets up the application: settings, the profession's standard, the database, sessions, views,
/// middleware, routes and commands. Fails (and the server does not start) on invalid data.
public func configure(_ app: Application, options: LaunchOptions = LaunchOptions()) async throws {
    try configure(app, configuration: try AppConfiguration.fromEnvironment(options: options))
}

/// `standard` lets tests share one loaded standard; the server loads it here.
func configure(_ app: Application, configuration: AppConfiguration, standard: ProfessionalStandard? = nil) throws {
    app.configuration = configuration
    app.outcomeFigures = OutcomeFiguresCache(maxAge: configuration.outcomesMaxAge)

    // The standard is checked before anything else: a server with broken framework data must not start.
    app.standard = try standard ?? ProfessionalStandard.loadBundled()
    app.frameworkJSON = try FrameworkJSONCache(catalog: app.standard.frameworks, encoder: APIController.encoder)
    app.strings = try UIStrings.load(from: ResourcePaths.strings)
    app.templateStrings = try TemplateStrings.load(from: ResourcePaths.views)
    app.openAPIDocument = try OpenAPIController.load(from: ResourcePaths.openAPI)
    app.apiContract = try APIContract(document: app.openAPIDocument)

    switch configuration.database {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
        app.changes = ChangeRunner(gate: AsyncGate())
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
        app.changes = ChangeRunner(gate: AsyncGate())
    case .postgres(let url):
        let postgres = try SQLPostgresConfiguration(url: url)
        app.databases.use(.postgres(configuration: postgres), as: .psql)
        app.startupLockConfiguration = postgres.coreConfiguration
        app.changes = ChangeRunner(gate: nil)
    }
    Migrations.register(on: app)
    app.auditReads = AuditReadLog(database: { [unowned app] in app.db }, changes: app.changes,
                                  groups: configuration.database.kind == "sqlite")
    app.auditSealer = AuditSealer(instance: AuditSealer.instanceName(), now: { [unowned app] in app.clock.now() }, changes: app.changes,
                                  batchSize: configuration.auditSealBatch)

    app.passwords.use(.bcrypt(cost: configuration.bcryptCost))
    // Long forms (an assessment sheet, a development plan) exceed Vapor's 16 kB default.
    app.routes.defaultMaxBodySize = "256kb"
    app.evidence = FileEvidenceStore(dataDirectory: configuration.dataDirectory)
    app.workplaceIndexes = WorkplaceIndexCache()
    let keyStore = IssuerKeyStore(dataDirectory: configuration.dataDirectory)
    app.credentials = CredentialService { [app] in
        try await RSACredentialIssuer.load(from: keyStore, now: app.clock.now())
    }

    app.sessions.use { _ in DatabaseSessionDriver() }
    app.sessions.configuration = SessionsConfiguration(cookieName: "jobcoach-session") { id in
        // No expiry date: the cookie ends with the browser; the server ends the session sooner.
        HTTPCookies.Value(string: id.string, expires: nil, maxAge: nil, path: "/",
                          isSecure: configuration.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    app.views.use(.leaf)
    let views = ResourcePaths.views.path + "/"
    app.leaf.configuration = LeafConfiguration(rootDirectory: views)
    // Templates ship inside the build folder (`.build/...`); Leaf's default refuses paths with a
    // hidden folder, so keep the sandbox and extension limits but not that one.
    app.leaf.sources = .singleSource(NIOLeafFiles(fileio: app.fileio,
                                                  limits: [.toSandbox, .requireExtensions, .onlyLeafExtensions],
                                                  sandboxDirectory: views, viewDirectory: views))

    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware())
    // Outside the error middleware, so error pages carry the same headers and language cookie.
    app.middleware.use(SecurityHeadersMiddleware(secureCookies: configuration.secureCookies))
    app.middleware.use(LanguageMiddleware(secureCookies: configuration.secureCookies))
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(MethodNotAllowedMiddleware())
    app.middleware.use(RefusedAccessMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: ResourcePaths.publicFiles.path + "/"))

    _ = app.refusalLog
    try Routes.register(on: app)

    app.asyncCommands.use(FrameworksCommand(), as: "frameworks")
    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(TokenCommand(), as: "token")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(PrivacyCommand(), as: "privacy")
    app.asyncCommands.use(RegisterCommand(), as: "register")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(KeysCommand(), as: "keys")
    app.asyncCommands.use(MatchingCommand(), as: "matching")
    app.asyncCommands.use(OutcomesCommand(), as: "outcomes")
    app.asyncCommands.use(TrainingCommand(), as: "training")
    app.asyncCommands.use(MailCommand(), as: "mail")
    app.asyncCommands.use(ImportCommand(), as: "import")

    let importJobs = ImportJobs()
    app.importJobs = importJobs
    app.lifecycle.use(importJobs)

    if configuration.runStartupTasks {
        app.lifecycle.use(StartupTasks())
        app.lifecycle.use(OutboxSender())
    }
    if configuration.auditSeals {
        app.lifecycle.use(AuditSealerService(loops: configuration.runStartupTasks))
    }
}
