@testable import App
import Foundation
import Vapor
import VaporTesting

/// A browser for tests: keeps cookies between requests, reads CSRF tokens from forms, posts forms.
final class TestBrowser: @unchecked Sendable {
    let app: Application
    private(set) var cookies: [String: String] = [:]
    var language = "nl"
    /// The client address the app sees (sent as X-Forwarded-For, which tests trust); nil for none.
    var address: String?

    init(_ app: Application) {
        self.app = app
    }

    @discardableResult
    func get(_ path: String, headers extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: extra, body: nil)
    }

    @discardableResult
    func post(_ path: String, form: [String: String], headers extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        let body = form.map { key, value in "\(Self.encode(key))=\(Self.encode(value))" }.joined(separator: "&")
        var headers = extra
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Posts a multipart form (with an optional file, in the field `evidence` unless named) and the
    /// page's CSRF token.
    @discardableResult
    func submitMultipart(_ formPath: String, to action: String, form: [String: String],
                         file: (name: String, type: String, data: Data)? = nil, fileField: String = "evidence") async throws -> TestingHTTPResponse {
        let page = try await get(formPath)
        var fields = form
        fields["_csrf"] = try Self.csrfToken(in: page.body.string)
        let boundary = "----jobcoach-test-boundary"
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        if let file {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n".utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(.POST, action, headers: headers, body: ByteBuffer(data: body))
    }

    /// Posts bytes as they are (a broken form), with this session's cookies.
    @discardableResult
    func post(_ path: String, raw body: [UInt8], contentType: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let contentType { headers.replaceOrAdd(name: .contentType, value: contentType) }
        return try await send(.POST, path, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// Opens a page with a form and posts it with the page's CSRF token.
    @discardableResult
    func submit(_ formPath: String, to action: String? = nil, form: [String: String]) async throws -> TestingHTTPResponse {
        let page = try await get(formPath)
        var fields = form
        fields["_csrf"] = try Self.csrfToken(in: page.body.string)
        return try await post(action ?? formPath, form: fields)
    }

    /// Logs in; for an account with two-step login, the second step too, with the next code of its key.
    func login(_ email: String, _ password: String = "correct horse battery") async throws -> TestingHTTPResponse {
        let response = try await submit("/login", form: ["email": email, "password": password])
        guard response.location == "/login/code", let code = try await app.nextTwoFactorCode(for: email) else { return response }
        return try await submit("/login/code", form: ["code": code])
    }

    func send(_ method: HTTPMethod, _ path: String, headers extra: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws -> TestingHTTPResponse {
        var headers = extra
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if headers.first(name: .acceptLanguage) == nil { headers.add(name: .acceptLanguage, value: language) }
        if let address, headers.first(name: .xForwardedFor) == nil { headers.add(name: .xForwardedFor, value: address) }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for (name, value) in response.headers.setCookie?.all ?? [:] {
            if value.string.isEmpty || (value.expires.map { $0 < Date() } ?? false) {
                cookies[name] = nil
            } else {
                cookies[name] = value.string
            }
        }
        return response
    }

    static func csrfToken(in html: String) throws -> String {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else {
            throw Abort(.internalServerError, reason: "no CSRF field in the page")
        }
        let rest = html[range.upperBound...]
        return String(rest.prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestingHTTPResponse {
    var location: String? { headers.first(name: .location) }

    /// The number of times a text occurs in the body.
    func count(_ text: String) -> Int {
        body.string.components(separatedBy: text).count - 1
    }
}
