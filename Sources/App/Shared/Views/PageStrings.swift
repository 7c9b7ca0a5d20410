import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The UI words each page template reads as `layout.t.KEY`: the keys in its own file and in every
/// template it `#extend`s (the base and the partials), recursively. Read once from the template
/// files at startup.
struct TemplateStrings: Sendable {
    private let byTemplate: [Template: Set<String>]

    init(keys: [Template: Set<String>]) {
        byTemplate = keys
    }

    /// The keys of every `Template`, read from the files under `views`.
    static func load(from views: URL) throws -> TemplateStrings {
        var files: [String: String] = [:]
        func read(_ name: String) throws -> String {
            if let text = files[name] { return text }
            let url = views.appendingPathComponent(name + ".leaf")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw ConfigurationError("template \(name).leaf not found in \(views.path)")
            }
            files[name] = text
            return text
        }
        var keys: [Template: Set<String>] = [:]
        for template in Template.allCases {
            keys[template] = try Self.keys(of: template.rawValue, source: read)
        }
        return TemplateStrings(keys: keys)
    }

    /// The keys the template `name` reads with everything it extends; `source` gives a template's text.
    static func keys(of name: String, source: (String) throws -> String) throws -> Set<String> {
        var keys: Set<String> = []
        var seen: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            let text = try source(next)
            keys.formUnion(stringKeys(in: text))
            pending += extended(in: text)
        }
        return keys
    }

    /// `KEY` of every `layout.t.KEY` in a template's text.
    static func stringKeys(in text: String) -> Set<String> {
        Set(matches(of: "layout.t.", in: text, until: { !($0.isLetter || $0.isNumber || $0 == "_") }))
    }

    /// The names in `#extend("NAME")` of a template's text.
    static func extended(in text: String) -> [String] {
        matches(of: "#extend(\"", in: text, until: { $0 == "\"" })
    }

    /// The text after each `marker` up to the first character that ends it.
    private static func matches(of marker: String, in text: String, until ends: (Character) -> Bool) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let range = rest.range(of: marker) {
            let tail = rest[range.upperBound...]
            let end = tail.firstIndex(where: ends) ?? tail.endIndex
            if end > tail.startIndex { found.append(String(tail[..<end])) }
            rest = tail[end...]
        }
        return found
    }

    /// The keys `template` reads; nil for a template that was not read.
    func keys(for template: Template) -> Set<String>? {
        byTemplate[template]
    }
}

extension Application {
    private struct TemplateStringsKey: StorageKey { typealias Value = TemplateStrings }

    var templateStrings: TemplateStrings {
        get { storage[TemplateStringsKey.self] ?? TemplateStrings(keys: [:]) }
        set { storage[TemplateStringsKey.self] = newValue }
    }
}

/// The template a request renders, set by `Request.render` just before the context is encoded; the
/// layout made earlier (in each context's init) reads it to put only that template's words in.
final class RenderedTemplate: Sendable {
    private let template = NIOLockedValueBox<Template?>(nil)

    var current: Template? {
        get { template.withLockedValue { $0 } }
        set { template.withLockedValue { $0 = newValue } }
    }
}

extension Request {
    private struct RenderedTemplateKey: StorageKey { typealias Value = RenderedTemplate }

    /// This request's choice of template, made on first use.
    var renderedTemplate: RenderedTemplate {
        if let existing = storage[RenderedTemplateKey.self] { return existing }
        let made = RenderedTemplate()
        storage[RenderedTemplateKey.self] = made
        return made
    }
}

/// `layout.t`: the words of the page in the request's language. Encoded, it holds only the keys the
/// rendered template reads (`TemplateStrings`), or the whole table when no template is known.
struct PageStrings: Encodable, Sendable {
    let table: [String: String]
    let templates: TemplateStrings
    let rendered: RenderedTemplate

    init(table: [String: String], templates: TemplateStrings, rendered: RenderedTemplate) {
        self.table = table
        self.templates = templates
        self.rendered = rendered
    }

    init(request: Request) {
        self.init(table: request.application.strings.table(request.language), templates: request.application.templateStrings,
                  rendered: request.renderedTemplate)
    }

    /// The words encoded for the template chosen now.
    var words: [String: String] {
        guard let template = rendered.current, let keys = templates.keys(for: template) else { return table }
        var words: [String: String] = [:]
        for key in keys { words[key] = table[key] }
        return words
    }

    func encode(to encoder: any Encoder) throws {
        try words.encode(to: encoder)
    }
}
