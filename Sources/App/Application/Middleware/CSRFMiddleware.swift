import JobcoachCore
import MultipartKit
import Vapor

/// Refuses a form post that does not carry this session's CSRF token (hidden field `_csrf` or
/// header `X-CSRF-Token`), so another site cannot make a signed-in browser change anything.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else {
            return try await next.respond(to: request)
        }
        // Routes collect their body after middleware; the token is in the body, so collect it here,
        // with room for evidence files in multipart forms.
        if request.body.data == nil {
            let multipart = request.headers.contentType?.type == "multipart"
            let limit = multipart ? EvidenceUpload.maximumBytes + 1_048_576 : request.application.routes.defaultMaxBodySize.value
            _ = try await request.body.collect(max: limit).get()
        }
        try FormBodyCheck.check(request)
        let expected = request.hasSession ? request.session.data["csrf"] : nil
        let provided = request.headers.first(name: "X-CSRF-Token")
            ?? (try? request.content.get(String.self, at: "_csrf"))
        guard let expected, let provided, SecureToken.constantTimeEquals(expected, provided) else {
            throw Abort(.forbidden, reason: request.t("errorCSRF"))
        }
        return try await next.respond(to: request)
    }
}

/// A form body that cannot be read is refused with 400 and a message that says so (before the CSRF
/// check, whose "expired form" would mislead), and never reaches a handler that would store
/// replacement characters: the media type must be a form's, the encoding strict, the text UTF-8.
enum FormBodyCheck {
    static func check(_ request: Request) throws {
        let bytes = request.body.data.map { Array($0.readableBytesView) } ?? []
        guard let type = request.headers.contentType else {
            // A button sends an empty form; a script may send only the X-CSRF-Token header.
            if bytes.isEmpty { return }
            throw Abort(.unsupportedMediaType, reason: request.t("formMediaType"))
        }
        switch (type.type, type.subType) {
        case ("application", "x-www-form-urlencoded"):
            switch FormEncoding.problem(in: bytes) {
            case nil: return
            case .notText(let field?): throw Abort(.badRequest, reason: request.t("formNotText", ["field": field]))
            case .badEscape(let field?): throw Abort(.badRequest, reason: request.t("formBadEscape", ["field": field]))
            case .notText(nil), .badEscape(nil): throw Abort(.badRequest, reason: request.t("formUnreadable"))
            }
        case ("multipart", "form-data"):
            if let field = try multipartProblem(bytes, boundary: type.parameters["boundary"]) {
                throw Abort(.badRequest, reason: field.isEmpty ? request.t("formUnreadable") : request.t("formNotText", ["field": field]))
            }
        default:
            throw Abort(.unsupportedMediaType, reason: request.t("formMediaType"))
        }
    }

    /// nil when every part reads; "" when the body cannot be parsed; a field's name when its text
    /// is not UTF-8 (files may hold any bytes).
    private static func multipartProblem(_ bytes: [UInt8], boundary: String?) throws -> String? {
        guard let boundary, !boundary.isEmpty, boundary.count <= 70 else { return "" }
        let parser = MultipartParser(boundary: boundary)
        var headers: [String: String] = [:]
        var body: [UInt8] = []
        var parts = 0
        var problem: String?
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in body.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            parts += 1
            let disposition = headers["content-disposition"] ?? ""
            if problem == nil, !disposition.contains("filename="), String(validating: body, as: UTF8.self) == nil {
                problem = disposition.components(separatedBy: "name=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
            }
            headers = [:]
            body = []
        }
        do {
            try parser.execute(bytes)
        } catch {
            return ""
        }
        if problem != nil { return problem }
        return parts == 0 && !bytes.isEmpty ? "" : nil
    }
}
