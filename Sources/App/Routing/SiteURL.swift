import Foundation
import Vapor

/// Every URL of the site, used both to register routes and to make links, so that no path is written
/// twice and no template holds a path of its own.
enum SiteURL: Sendable {
    case home
    case frameworks
    case framework(Parameter<String>)
    case frameworkVersion(Parameter<String>, Parameter<String>)
    case frameworkDiff(Parameter<String>)
    case compare
    case qualificationLevels
    case occupations
    case login
    case logout
    case changePassword
    case adminUsers
    case adminUser(Parameter<UUID>)
    case adminUserResetPassword(Parameter<UUID>)
    case adminAudit
    case health
    case openAPI
    case stylesheet
    case benchBare
    case api(APIURL)

    enum APIURL: Sendable {
        case frameworks
        case framework(Parameter<String>)
        case frameworkVersion(Parameter<String>, Parameter<String>)
        case frameworkDiff(Parameter<String>)
        case qualificationLevels
        case occupations

        var segments: [Segment] {
            switch self {
            case .frameworks: ["frameworks"]
            case .framework(let id): ["frameworks", .parameter("framework", id.text)]
            case .frameworkVersion(let id, let version):
                ["frameworks", .parameter("framework", id.text), "versions", .parameter("version", version.text)]
            case .frameworkDiff(let id): ["frameworks", .parameter("framework", id.text), "diff"]
            case .qualificationLevels: ["qualification-levels"]
            case .occupations: ["occupations"]
            }
        }
    }

    /// A path segment: fixed text, or a named parameter with its value when making a link.
    enum Segment: ExpressibleByStringLiteral, Sendable {
        case fixed(String)
        case parameter(String, String?)

        init(stringLiteral value: String) { self = .fixed(value) }
    }

    var segments: [Segment] {
        switch self {
        case .home: []
        case .frameworks: ["frameworks"]
        case .framework(let id): ["frameworks", .parameter("framework", id.text)]
        case .frameworkVersion(let id, let version):
            ["frameworks", .parameter("framework", id.text), "versions", .parameter("version", version.text)]
        case .frameworkDiff(let id): ["frameworks", .parameter("framework", id.text), "diff"]
        case .compare: ["compare"]
        case .qualificationLevels: ["qualification-levels"]
        case .occupations: ["occupations"]
        case .login: ["login"]
        case .logout: ["logout"]
        case .changePassword: ["account", "password"]
        case .adminUsers: ["admin", "users"]
        case .adminUser(let id): ["admin", "users", .parameter("user", id.text)]
        case .adminUserResetPassword(let id): ["admin", "users", .parameter("user", id.text), "reset-password"]
        case .adminAudit: ["admin", "audit"]
        case .health: ["health"]
        case .openAPI: ["openapi.json"]
        case .stylesheet: ["css", "site.css"]
        case .benchBare: ["bench", "bare"]
        case .api(let api): ["api", "v1"] + api.segments
        }
    }

    /// The path for a link. Parameters must carry values.
    var path: String {
        "/" + segments.map { segment in
            switch segment {
            case .fixed(let text): text
            case .parameter(let name, let value):
                (value ?? ":\(name)").addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ""
            }
        }.joined(separator: "/")
    }

    /// The path with a query, for links that carry options.
    func path(query: [(String, String)]) -> String {
        guard !query.isEmpty else { return path }
        var components = URLComponents()
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        return path + "?" + (components.percentEncodedQuery ?? "")
    }

    /// The components to register a route with.
    var pathComponents: [PathComponent] {
        segments.map { segment in
            switch segment {
            case .fixed(let text): .constant(text)
            case .parameter(let name, _): .parameter(name)
            }
        }
    }
}

extension Parameter {
    var text: String? {
        switch self {
        case .key: nil
        case .value(let value): value.description
        }
    }
}
