import Foundation
import Vapor

/// What the OpenAPI document promises about requests, held to at the door, so that the document and
/// the code cannot drift: the body's media type (415), an empty JSON body (its required fields
/// named), every string's `maxLength` and every non-null type in the body (422), the query's
/// `maxLength` (400), and query dates that are present but empty (400).
struct APIContract: @unchecked Sendable {
    struct QueryParameter {
        let name: String
        let maxLength: Int?
        let isDate: Bool
    }

    struct Operation {
        /// Media types the body may have (`application/json`, `text/csv`); empty without a body.
        let bodyTypes: [String]
        let bodySchema: [String: Any]?
        let query: [QueryParameter]
    }

    /// By "POST /api/v1/eligibility".
    let operations: [String: Operation]
    /// `components.schemas`, for `$ref`.
    let schemas: [String: Any]

    init(document: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: document) as? [String: Any] else {
            throw ConfigurationError("openapi.yaml: not an object")
        }
        let components = root["components"] as? [String: Any] ?? [:]
        schemas = components["schemas"] as? [String: Any] ?? [:]
        let sharedParameters = components["parameters"] as? [String: Any] ?? [:]
        var operations: [String: Operation] = [:]
        for (path, item) in root["paths"] as? [String: Any] ?? [:] {
            for (method, value) in item as? [String: Any] ?? [:] {
                guard let operation = value as? [String: Any] else { continue }
                let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any] ?? [:]
                let bodySchema = (content["application/json"] as? [String: Any])?["schema"] as? [String: Any]
                var query: [QueryParameter] = []
                for entry in operation["parameters"] as? [Any] ?? [] {
                    var parameter = entry as? [String: Any] ?? [:]
                    if let ref = parameter["$ref"] as? String, let shared = sharedParameters[String(ref.split(separator: "/").last ?? "")] as? [String: Any] {
                        parameter = shared
                    }
                    guard parameter["in"] as? String == "query", let name = parameter["name"] as? String else { continue }
                    let schema = Self.resolve(parameter["schema"] as? [String: Any] ?? [:], in: schemas)
                    query.append(QueryParameter(name: name, maxLength: schema["maxLength"] as? Int,
                                                isDate: schema["format"] as? String == "date"))
                }
                operations["\(method.uppercased()) \(path)"] = Operation(bodyTypes: content.keys.sorted(), bodySchema: bodySchema, query: query)
            }
        }
        self.operations = operations
    }

    /// The operation of a route: `:name` in the route is `{name}` in the document.
    func operation(for route: Route) -> Operation? {
        let path = "/" + route.path.map { component in
            if case .parameter(let name) = component { "{\(name)}" } else { component.description }
        }.joined(separator: "/")
        return operations["\(route.method.rawValue) \(path)"]
    }

    static func resolve(_ schema: [String: Any], in schemas: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, let name = ref.split(separator: "/").last,
              let target = schemas[String(name)] as? [String: Any] else { return schema }
        return resolve(target, in: schemas)
    }

    /// The first place in `value` that breaks its schema's limits: a string longer than its
    /// `maxLength`, a null where the type has no null, or a whole number out of range. As (field
    /// path, message).
    func violation(_ value: Any, schema: [String: Any], path: String = "") -> (field: String, message: String, status: HTTPResponseStatus)? {
        let schema = Self.resolve(schema, in: schemas)
        let name = path.isEmpty ? "the body" : "field '\(path)'"
        if value is NSNull {
            let types = schema["type"].map { ($0 as? [String]) ?? [($0 as? String) ?? ""] } ?? []
            return types.isEmpty || types.contains("null") ? nil : (path, "\(name) must not be null; leave it out instead", .unprocessableEntity)
        }
        if let text = value as? String {
            if let limit = schema["maxLength"] as? Int, text.unicodeScalars.count > limit {
                return (path, "\(name) must be at most \(limit) characters", .unprocessableEntity)
            }
            // `oneOf: [{type: integer}, {type: string, maxLength: …}]`: the string alternative's limit.
            for key in ["oneOf", "anyOf"] {
                for case let alternative as [String: Any] in schema[key] as? [Any] ?? [] {
                    let resolved = Self.resolve(alternative, in: schemas)
                    if resolved["type"] as? String == "string", let found = violation(text, schema: resolved, path: path) { return found }
                }
            }
            return nil
        }
        if let number = value as? NSNumber, String(cString: number.objCType) != "c",
           let integer = Self.integerSchema(schema, in: schemas) {
            return integerViolation(number.doubleValue, schema: integer, name: name).map { (path, $1, $0) }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in object.keys.sorted() {
                let field = path.isEmpty ? key : "\(path).\(key)"
                if let property = properties[key] as? [String: Any] ?? schema["additionalProperties"] as? [String: Any],
                   let found = violation(object[key]!, schema: property, path: field) { return found }
            }
            return nil
        }
        if let list = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in list.enumerated() {
                if let found = violation(element, schema: items, path: "\(path)[\(index)]") { return found }
            }
        }
        return nil
    }

    /// A whole number no handler can hold (JSON has no largest number, the decoder has, and would
    /// call the body "not valid JSON"). Beyond the document's `minimum` or `maximum` it is 400 naming
    /// the field and the bound, as a handler answers a number out of range; within them (a schema
    /// without bounds) 422.
    private func integerViolation(_ number: Double, schema: [String: Any], name: String) -> (HTTPResponseStatus, String)? {
        guard number.rounded() == number, abs(number) > Self.largestWholeNumber else { return nil }
        if let minimum = (schema["minimum"] as? NSNumber)?.intValue, number < Double(minimum) {
            return (.badRequest, "\(name) must be at least \(minimum)")
        }
        if let maximum = (schema["maximum"] as? NSNumber)?.intValue, number > Double(maximum) {
            return (.badRequest, "\(name) must be at most \(maximum)")
        }
        return (.unprocessableEntity, "\(name) is too large: a whole number up to \(Int(Self.largestWholeNumber)) is expected")
    }

    /// 2^53 - 1: every whole number up to it is exact as a JSON number in any reader.
    static let largestWholeNumber: Double = 9_007_199_254_740_991

    /// The schema itself when it is `type: integer`, else its integer alternative under `oneOf`/`anyOf`.
    static func integerSchema(_ schema: [String: Any], in schemas: [String: Any]) -> [String: Any]? {
        if schema["type"] as? String == "integer" { return schema }
        for key in ["oneOf", "anyOf"] {
            for case let alternative as [String: Any] in schema[key] as? [Any] ?? [] {
                let resolved = resolve(alternative, in: schemas)
                if resolved["type"] as? String == "integer" { return resolved }
            }
        }
        return nil
    }

    /// The fields an object schema requires, for the message on an empty body.
    func requiredFields(_ schema: [String: Any]) -> [String] {
        Self.resolve(schema, in: schemas)["required"] as? [String] ?? []
    }
}

/// Holds every API request to `APIContract` before its handler runs.
struct APIContractMiddleware: AsyncMiddleware {
    /// `userInfo` key of a route's own body limit, so that the body is collected here with it.
    static let maxBodyKey: AnySendableHashable = "maxBodyBytes"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let route = request.route, let contract = request.application.apiContract,
              let operation = contract.operation(for: route) else { return try await next.respond(to: request) }
        try checkQuery(request, operation)
        guard !operation.bodyTypes.isEmpty else { return try await next.respond(to: request) }
        let expected = operation.bodyTypes.joined(separator: " or ")
        guard let type = request.headers.contentType else {
            throw APIProblem(status: .unsupportedMediaType, message: "the request has no Content-Type: send the body as \(expected)")
        }
        guard operation.bodyTypes.contains("\(type.type)/\(type.subType)") else {
            throw APIProblem(status: .unsupportedMediaType, message: "the body must be \(expected), not \(type.type)/\(type.subType)")
        }
        if let schema = operation.bodySchema {
            let limit = route.userInfo[Self.maxBodyKey] as? Int ?? request.application.routes.defaultMaxBodySize.value
            let body = try await request.body.collect(max: limit).get()
            if body.map({ $0.readableBytes == 0 }) ?? true {
                let required = contract.requiredFields(schema)
                if let first = required.first {
                    let names = required.map { "'\($0)'" }.joined(separator: ", ")
                    throw APIProblem(status: .badRequest, message: "the body is empty: it needs \(required.count == 1 ? "the field" : "the fields") \(names)",
                                     parameter: first)
                }
                // Nothing is required: an empty body is the empty object.
                try request.content.encode([String: String](), as: .json)
            } else if let body, let value = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView), options: [.fragmentsAllowed]),
                      let (field, message, status) = contract.violation(value, schema: schema) {
                throw APIProblem(status: status, message: message, parameter: field.isEmpty ? nil : field)
            }
        }
        return try await next.respond(to: request)
    }

    private func checkQuery(_ request: Request, _ operation: APIContract.Operation) throws {
        for parameter in operation.query {
            guard let value = try? request.query.get(String.self, at: parameter.name) else { continue }
            if let maximum = parameter.maxLength, value.unicodeScalars.count > maximum {
                throw APIProblem.badParameter(parameter.name, "parameter '\(parameter.name)' must be at most \(maximum) characters")
            }
            if parameter.isDate, value.isEmpty {
                throw APIProblem.badParameter(parameter.name, "parameter '\(parameter.name)' is empty: give a date as YYYY-MM-DD, or leave it out")
            }
        }
    }
}

extension Application {
    private struct APIContractKey: StorageKey { typealias Value = APIContract }

    var apiContract: APIContract? {
        get { storage[APIContractKey.self] }
        set { storage[APIContractKey.self] = newValue }
    }
}

extension RoutesBuilder {
    /// A POST whose body is collected up to `maxSize`, by `APIContractMiddleware` as by the route.
    @discardableResult
    func post(_ path: [PathComponent], maxSize: ByteCount, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        let route = on(.POST, path, body: .collect(maxSize: maxSize), use: handler)
        route.userInfo[APIContractMiddleware.maxBodyKey] = maxSize.value
        return route
    }
}
