import JobcoachCore
import Vapor

extension Request {
    private struct LanguageKey: StorageKey { typealias Value = Language }

    static let languageCookie = "jobcoach-lang"

    /// The language of this response: `?lang=` if given, else the language cookie, else the
    /// browser's preference, else Dutch.
    var language: Language {
        get {
            if let stored = storage[LanguageKey.self] { return stored }
            let resolved = Self.resolveLanguage(self)
            storage[LanguageKey.self] = resolved
            return resolved
        }
        set { storage[LanguageKey.self] = newValue }
    }

    var languageFromQuery: Language? {
        (try? query.get(String.self, at: "lang")).flatMap(Language.init(rawValue:))
    }

    private static func resolveLanguage(_ request: Request) -> Language {
        if let chosen = request.languageFromQuery { return chosen }
        if let cookie = request.cookies[languageCookie]?.string, let language = Language(rawValue: cookie) {
            return language
        }
        return .preferred(acceptLanguage: request.headers.first(name: .acceptLanguage))
    }
}

/// Remembers a language chosen with `?lang=` in a cookie, and says which language a page is in.
struct LanguageMiddleware: AsyncMiddleware {
    let secureCookies: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let chosen = request.languageFromQuery
        let response = try await next.respond(to: request)
        if let chosen {
            response.cookies[Request.languageCookie] = HTTPCookies.Value(
                string: chosen.rawValue, maxAge: 365 * 24 * 60 * 60, path: "/",
                isSecure: secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
        response.headers.replaceOrAdd(name: .contentLanguage, value: request.language.rawValue)
        response.headers.replaceOrAdd(name: .vary, value: "Accept-Language, Cookie")
        return response
    }
}
