import Foundation
import JobcoachCore
import Vapor

/// The standard in other systems' formats: a framework version as a CASE 1.1 package or as Moodle's
/// competency framework CSV, and a CASE package turned into our framework file.
enum InterchangeController {
    /// `?lang=nl|en`, Dutch when absent.
    static func language(_ request: Request) throws -> Language {
        guard let text = try? request.query.get(String.self, at: "lang"), !text.isEmpty else { return .nl }
        guard let language = Language(rawValue: text) else {
            throw APIProblem.badParameter("lang", "'lang' must be nl or en, not '\(text.prefix(20))'")
        }
        return language
    }

    /// `GET /api/v1/frameworks/{id}/case?on=DATE&lang=nl|en`.
    static func casePackage(_ request: Request) async throws -> Response {
        let version = try FrameworkLookup.versionInForce(request)
        let package = CASEPackage.make(version, language: try language(request), baseURL: request.application.configuration.publicURL)
        return try await APIController.json(package, request)
    }

    /// `GET /api/v1/frameworks/{id}/moodle.csv?on=DATE&lang=nl|en`.
    static func moodleCSV(_ request: Request) async throws -> Response {
        let version = try FrameworkLookup.versionInForce(request)
        let response = Response(status: .ok, body: .init(string: MoodleCompetencyCSV.text(version, language: try language(request))))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(version.id)-\(version.version)-moodle.csv\"")
        return response
    }

    struct ConvertedBody: Encodable {
        var yaml: String
    }

    /// `POST /api/v1/frameworks/case/convert` (register officer or administrator): the package in the
    /// body becomes framework YAML, checked like a data file; a problem is a 400 naming the CF identifier.
    static func convert(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        guard user.role.may(.convertFrameworks) else {
            throw APIProblem(status: .forbidden, message: "converting framework packages is for register officers and administrators")
        }
        guard let buffer = request.body.data, buffer.readableBytes > 0 else {
            throw APIProblem.badParameter("body", "send a CASE 1.1 package (CFPackage JSON) as the body")
        }
        let yaml: String
        do {
            yaml = try CASEConversion.frameworkYAML(from: Data(buffer.readableBytesView), loader: FrameworkLoader(levels: request.standard.levels))
        } catch {
            throw APIProblem(status: .badRequest, message: error.description, parameter: error.identifier)
        }
        return try await APIController.json(ConvertedBody(yaml: yaml), request)
    }
}
