import JobcoachCore
import Vapor

/// The public pages about the profession's standard: no login, nothing stored.
enum PublicPagesController {
    static func home(_ request: Request) async throws -> Response {
        try await request.publicPage { try await request.page(.home, HomeContext(request: request)) }
    }

    static func frameworks(_ request: Request) async throws -> Response {
        try await request.publicPage { try await request.page(.frameworks, FrameworkListContext(request: request)) }
    }

    static func framework(_ request: Request) async throws -> Response {
        let version = try FrameworkLookup.versionInForce(request)
        let day = try FrameworkLookup.day(request)
        return try await request.publicPage {
            try await request.page(.framework, FrameworkPageContext(request: request, framework: version, day: day,
                                                                 describer: try await request.requirementDescriber()))
        }
    }

    static func frameworkVersion(_ request: Request) async throws -> Response {
        let version = try FrameworkLookup.namedVersion(request)
        return try await request.publicPage {
            try await request.page(.framework, FrameworkPageContext(request: request, framework: version, day: request.today,
                                                                 describer: try await request.requirementDescriber()))
        }
    }

    static func frameworkDiff(_ request: Request) async throws -> Response {
        let id = try FrameworkLookup.frameworkID(request)
        let versions = request.standard.frameworks.versions(of: id)
        let from = (try? request.query.get(String.self, at: "from")) ?? versions.dropLast().last?.version ?? versions.first?.version ?? ""
        let to = (try? request.query.get(String.self, at: "to")) ?? versions.last?.version ?? ""
        var diff: FrameworkDiff?
        if let old = request.standard.frameworks.version(id, from), let new = request.standard.frameworks.version(id, to) {
            diff = FrameworkDiff(from: old, to: new)
        } else if request.url.query != nil {
            _ = try FrameworkLookup.version(id, from, request: request)
            _ = try FrameworkLookup.version(id, to, request: request)
        }
        return try await request.publicPage {
            try await request.page(.frameworkDiff, FrameworkDiffContext(request: request, framework: id, diff: diff,
                                                                          from: from, to: to))
        }
    }

    /// `?framework=a&framework=b`: the versions in force today of the chosen frameworks; all of them
    /// when nothing is chosen yet.
    static func compare(_ request: Request) async throws -> Response {
        try await request.publicPage { try await renderCompare(request) }
    }

    private static func renderCompare(_ request: Request) async throws -> Response {
        let catalog = request.standard.frameworks
        let chosen = queryValues(request, "framework")
        let submitted = request.url.query?.contains("submitted=") ?? false
        var errors: [FieldError] = []
        let unknown = chosen.filter { !catalog.contains($0) }
        if !unknown.isEmpty {
            throw Abort(.notFound, reason: request.t("compareUnknown", ["ids": unknown.joined(separator: ", ")]))
        }
        var selected = (chosen.isEmpty && !submitted) ? catalog.inForce(on: request.today)
            : chosen.compactMap { catalog.version($0, on: request.today) }
        if selected.count < 2 {
            errors.append(FieldError(field: "framework-\(catalog.ids.first ?? "")", message: request.t("compareChooseTwo")))
            selected = []
        }
        let comparison = selected.isEmpty ? nil
            : FrameworkComparison(versions: selected, describer: try await request.requirementDescriber())
        let context = CompareContext(request: request, selected: selected, comparison: comparison, errors: errors)
        return try await request.page(.compare, context, status: errors.isEmpty ? .ok : .badRequest)
    }

    static func qualificationLevels(_ request: Request) async throws -> Response {
        try await request.publicPage { try await request.page(.levels, LevelsContext(request: request)) }
    }

    static func occupations(_ request: Request) async throws -> Response {
        let query = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        return try await request.page(.occupations, OccupationsContext(request: request, query: String(query.prefix(100))))
    }

    /// The condition vocabulary of matching, as people read it.
    static func conditions(_ request: Request) async throws -> Response {
        try await request.page(.conditions, ConditionsContext(request: request))
    }

    /// Every value of a repeated query parameter (`a=1&a=2`), in order.
    static func queryValues(_ request: Request, _ name: String) -> [String] {
        let components = URLComponents(string: request.url.string)
        return (components?.queryItems ?? []).filter { $0.name == name }.compactMap(\.value).filter { !$0.isEmpty }
    }
}
